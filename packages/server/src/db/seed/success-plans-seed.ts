import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { addDays, todayUtc, type LocalDate } from '../../common/dates';
import { Role } from '../../common/roles';
import { Account } from '../../modules/account/account.entity';
import { Communication, CommunicationType } from '../../modules/communication/communication.entity';
import { Contact, ContactRole } from '../../modules/contact/contact.entity';
import { AccountOffering, AccountOfferingStatus } from '../../modules/offering/offering.entity';
import { Opportunity, OpportunityStage } from '../../modules/opportunity/opportunity.entity';
import { Project } from '../../modules/project/project.entity';
import {
  ClientGoal,
  ClientGoalCategory,
  ClientGoalOffering,
  ClientGoalOpportunity,
  ClientGoalPriority,
  ClientGoalProject,
  ClientGoalReview,
  ClientGoalStatus,
  PRIORITY_RANK,
} from '../../modules/success-plan/success-plan.entity';
import { User } from '../../modules/user/user.entity';
import { BulkInserter } from './bulk-insert';

/** A goal as an account manager would write it down with the client, with how its measure moves. */
interface GoalShape {
  category: ClientGoalCategory;
  title: string;
  measure: string;
  /** Baseline, target and a value part-way, with their units. */
  values: [baseline: string, midway: string, target: string];
}

const SHAPES: GoalShape[] = [
  {
    category: ClientGoalCategory.ADOPTION,
    title: 'Double member use of the price transparency tool',
    measure: 'Share of members who ran at least one cost estimate in the quarter',
    values: ['9% of members', '14% of members', '18% of members'],
  },
  {
    category: ClientGoalCategory.ADOPTION,
    title: 'Get providers using the directory self-service updates',
    measure: 'Share of directory updates submitted by providers through self-service',
    values: ['22% of updates', '41% of updates', '60% of updates'],
  },
  {
    category: ClientGoalCategory.REGULATORY,
    title: 'Meet the CMS Interoperability and Prior Authorization rule deadline',
    measure: 'Prior-authorization API live in production and attested',
    values: ['not started', 'in testing', 'live and attested'],
  },
  {
    category: ClientGoalCategory.REGULATORY,
    title: 'Publish compliant machine-readable price files every month',
    measure: 'Monthly Transparency in Coverage files published on time and passing validation',
    values: ['8 of 12 months', '10 of 12 months', '12 of 12 months'],
  },
  {
    category: ClientGoalCategory.COST_SAVINGS,
    title: 'Steer members to lower-cost imaging sites',
    measure: 'Annual savings on advanced imaging from site-of-care shifts',
    values: ['$0', '$1.1M', '$2.5M'],
  },
  {
    category: ClientGoalCategory.COST_SAVINGS,
    title: 'Cut call-centre cost per member',
    measure: 'Call-centre cost per member per month',
    values: ['$1.42 PMPM', '$1.31 PMPM', '$1.20 PMPM'],
  },
  {
    category: ClientGoalCategory.MEMBER_EXPERIENCE,
    title: 'Raise member satisfaction with finding care',
    measure: 'CAHPS "getting needed care" composite score',
    values: ['78', '81', '84'],
  },
  {
    category: ClientGoalCategory.MEMBER_EXPERIENCE,
    title: 'Fewer member calls about costs and coverage',
    measure: 'Member calls about costs per 1,000 members per month',
    values: ['38 per 1,000', '33 per 1,000', '28 per 1,000'],
  },
  {
    category: ClientGoalCategory.CLINICAL_QUALITY,
    title: 'Move the Medicare Advantage plan to 4 Stars',
    measure: 'Overall Star rating (projected from HEDIS and CAHPS measures)',
    values: ['3.5 Stars', '3.75 Stars', '4 Stars'],
  },
  {
    category: ClientGoalCategory.CLINICAL_QUALITY,
    title: 'Close more preventive-care gaps',
    measure: 'Share of open care gaps closed within 90 days of outreach',
    values: ['31%', '38%', '45%'],
  },
  {
    category: ClientGoalCategory.GROWTH,
    title: 'Launch the new ACA marketplace product',
    measure: 'Marketplace product live for open enrollment, with its directory and estimator',
    values: ['planned', 'in build', 'live for open enrollment'],
  },
  {
    category: ClientGoalCategory.OPERATIONAL_EFFICIENCY,
    title: 'Faster provider data turnaround',
    measure: 'Median days from a provider change to its appearing in the directory',
    values: ['21 days', '12 days', '5 days'],
  },
];

const DESCRIPTIONS = [
  "The client's executive sponsor named this as a top priority for the year at the kickoff.",
  'Tied to the plan’s annual objectives; progress is reported to their board each quarter.',
  'Agreed at the annual planning session; the client tracks it on their own scorecard.',
];

/** Quarterly check-ins of the year, as month and day, for accounts that hold no business reviews. */
const QBR_DAYS: [number, number][] = [
  [3, 18],
  [6, 17],
  [9, 16],
  [12, 9],
];

const OPEN: ClientGoalStatus[] = [ClientGoalStatus.ON_TRACK, ClientGoalStatus.AT_RISK, ClientGoalStatus.OFF_TRACK];

const NOTES: Record<ClientGoalStatus, string[]> = {
  NOT_STARTED: ['Agreed with the client; work starts next quarter.'],
  ON_TRACK: [
    'On plan: the numbers moved as expected this quarter and the client is pleased.',
    'Progressing as planned; next checkpoint agreed with the sponsor.',
  ],
  AT_RISK: [
    'Behind plan: the client’s IT capacity is stretched; we agreed a catch-up plan.',
    'The measure is flat this quarter; a promotion campaign is planned with the client.',
  ],
  OFF_TRACK: [
    'Will miss the date without more resources; escalated to the sponsor with options.',
    'Blocked on a data feed from the client’s vendor; recovery plan to be agreed.',
  ],
  ACHIEVED: ['Target reached and confirmed by the client at the review.'],
  MISSED: ['The target date passed short of the target; carried into next year’s plan as a new goal.'],
  DROPPED: ['The client reprioritised after a leadership change and no longer pursues it.'],
};

async function maxId(em: EntityManager, entity: EntityTarget<ObjectLiteral>): Promise<number> {
  const row = await em
    .createQueryBuilder(entity, 't')
    .select('MAX(t.id)', 'max')
    .getRawOne<{ max: number | string | null }>();
  return Number(row?.max ?? 0);
}

function isoDate(year: number, month: number, day: number): LocalDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Success plans for this year (`today`'s): two to four goals for most accounts, owned by the
 * account's manager and a client contact (the executive sponsor when there is one), each served by
 * one or two of the account's projects, and reviewed at each of the account's business reviews
 * held so far this year (its QUARTERLY_BUSINESS_REVIEW communications), or at quarterly check-ins
 * where it holds none, so that their statuses and histories read like a year in progress. Deterministic for a
 * given `random`, `today` and database. Returns the number of goals written.
 */
export async function seedSuccessPlans(em: EntityManager, random: () => number, today = todayUtc()): Promise<number> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const accounts = await em.find(Account, { order: { id: 'ASC' }, select: { id: true, ownerId: true } });
  const staff = (await em.find(User, { where: { active: true }, order: { id: 'ASC' } })).filter(
    (user) => user.role === Role.ACCOUNT_MANAGER || user.role === Role.SENIOR_ACCOUNT_MANAGER,
  );
  if (accounts.length === 0 || staff.length === 0) return 0;
  const contacts = await em.find(Contact, { order: { id: 'ASC' }, select: { id: true, accountId: true, roles: true } });
  const projects = await em.find(Project, { order: { id: 'ASC' }, select: { id: true, accountId: true } });
  const byAccount = <T extends { accountId: number }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) map.set(row.accountId, [...(map.get(row.accountId) ?? []), row]);
    return map;
  };
  const contactsOf = byAccount(contacts);
  const projectsOf = byAccount(projects);
  // Besides projects, a goal is served by offerings the account holds and by new work being sold to it.
  const heldOf = byAccount(
    await em.find(AccountOffering, {
      where: { status: AccountOfferingStatus.ACTIVE },
      order: { id: 'ASC' },
      select: { id: true, accountId: true, offeringId: true },
    }),
  );
  const opportunitiesOf = byAccount(
    (await em.find(Opportunity, { order: { id: 'ASC' }, select: { id: true, accountId: true, status: true } })).filter(
      (opportunity) => opportunity.status !== OpportunityStage.LOST,
    ),
  );

  const year = Number(today.slice(0, 4));
  const now = new Date(`${today}T12:00:00.000Z`);
  // The plans were agreed in the second week of January.
  const setAt = new Date(`${isoDate(year, 1, 14)}T16:00:00.000Z`);
  const checkIns = QBR_DAYS.map(([month, day]) => ({
    at: new Date(`${isoDate(year, month, day)}T16:00:00.000Z`),
    communicationId: null as number | null,
  })).filter((review) => review.at < now);
  // Goals are reviewed at the account's business reviews of the year when it holds them.
  const businessReviews = await em
    .createQueryBuilder(Communication, 'c')
    .select(['c.id', 'c.accountId', 'c.occurredAt'])
    .where('c.type = :qbr AND c.occurredAt >= :from AND c.occurredAt < :now', {
      qbr: CommunicationType.QUARTERLY_BUSINESS_REVIEW,
      from: setAt,
      now,
    })
    .orderBy('c.occurredAt', 'ASC')
    .addOrderBy('c.id', 'ASC')
    .getMany();
  const reviewsOf = new Map<number, { at: Date; communicationId: number | null }[]>();
  for (const qbr of businessReviews)
    reviewsOf.set(qbr.accountId, [
      ...(reviewsOf.get(qbr.accountId) ?? []),
      { at: qbr.occurredAt, communicationId: qbr.id },
    ]);

  const inserter = new BulkInserter(em).register(
    ClientGoal,
    ClientGoalProject,
    ClientGoalOffering,
    ClientGoalOpportunity,
    ClientGoalReview,
  );
  let goalId = await maxId(em, ClientGoal);
  let linkId = await maxId(em, ClientGoalProject);
  let offeringLinkId = await maxId(em, ClientGoalOffering);
  let opportunityLinkId = await maxId(em, ClientGoalOpportunity);
  let reviewId = await maxId(em, ClientGoalReview);
  let goals = 0;
  for (const account of accounts) {
    if (random() < 0.15) continue;
    const accountContacts = contactsOf.get(account.id) ?? [];
    const sponsor = accountContacts.find((c) => c.roles.includes(ContactRole.EXECUTIVE_SPONSOR)) ?? null;
    const accountProjects = projectsOf.get(account.id) ?? [];
    const ownerId = account.ownerId ?? pick(staff).id;
    const shapes = [...SHAPES].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 3));
    for (const shape of shapes) {
      const id = ++goalId;
      goals++;
      const targetDate = addDays(isoDate(year, 3 * (1 + Math.floor(random() * 4)), 1), 28 + Math.floor(random() * 3));
      const priority = pick([
        ClientGoalPriority.HIGH,
        ClientGoalPriority.HIGH,
        ClientGoalPriority.MEDIUM,
        ClientGoalPriority.LOW,
      ]);
      // One review per QBR held so far: the status wanders among the open ones, and closes at the
      // first review after the target date.
      let status = ClientGoalStatus.NOT_STARTED;
      let currentValue = shape.values[0];
      let lastReviewedAt: Date | null = null;
      const history: Parameters<typeof inserter.add<ClientGoalReview>>[1][] = [];
      const reviews = reviewsOf.get(account.id) ?? checkIns;
      for (const [index, { at, communicationId }] of reviews.entries()) {
        const from = status;
        const due = at.toISOString().slice(0, 10) >= targetDate;
        const roll = random();
        if (due)
          status =
            roll < 0.65 ? ClientGoalStatus.ACHIEVED : roll < 0.9 ? ClientGoalStatus.MISSED : ClientGoalStatus.DROPPED;
        else status = roll < 0.6 ? ClientGoalStatus.ON_TRACK : roll < 0.85 ? ClientGoalStatus.AT_RISK : pick(OPEN);
        currentValue =
          status === ClientGoalStatus.ACHIEVED ? shape.values[2] : index === 0 ? shape.values[0] : shape.values[1];
        lastReviewedAt = at;
        history.push({
          id: ++reviewId,
          createdAt: at,
          updatedAt: at,
          version: 1,
          goalId: id,
          fromStatus: from,
          toStatus: status,
          note: pick(NOTES[status]),
          measuredValue: currentValue,
          reviewedAt: at,
          reviewedById: ownerId,
          communicationId,
        });
        if (due) break;
      }
      const updatedAt = lastReviewedAt ?? setAt;
      await inserter.add(ClientGoal, {
        id,
        createdAt: setAt,
        updatedAt,
        version: 1,
        accountId: account.id,
        year,
        title: shape.title,
        description: random() < 0.7 ? pick(DESCRIPTIONS) : null,
        category: shape.category,
        measure: shape.measure,
        baseline: shape.values[0],
        target: shape.values[2],
        currentValue,
        targetDate,
        status,
        priority,
        priorityRank: PRIORITY_RANK[priority],
        clientOwnerId:
          sponsor && random() < 0.6 ? sponsor.id : accountContacts.length > 0 ? pick(accountContacts).id : null,
        ownerId,
        createdById: ownerId,
        lastReviewedAt,
      });
      for (const review of history) await inserter.add(ClientGoalReview, review);
      const served = [...accountProjects]
        .sort(() => random() - 0.5)
        .slice(0, Math.min(accountProjects.length, 1 + Math.floor(random() * 2)));
      for (const project of served)
        await inserter.add(ClientGoalProject, {
          id: ++linkId,
          goalId: id,
          projectId: project.id,
          linkedById: ownerId,
          linkedAt: setAt,
        });
      const held = heldOf.get(account.id) ?? [];
      if (held.length > 0 && random() < 0.5)
        await inserter.add(ClientGoalOffering, {
          id: ++offeringLinkId,
          goalId: id,
          offeringId: pick(held).offeringId,
          linkedById: ownerId,
          linkedAt: setAt,
        });
      const selling = opportunitiesOf.get(account.id) ?? [];
      if (selling.length > 0 && random() < 0.4)
        await inserter.add(ClientGoalOpportunity, {
          id: ++opportunityLinkId,
          goalId: id,
          opportunityId: pick(selling).id,
          linkedById: ownerId,
          linkedAt: setAt,
        });
    }
  }
  await inserter.flush();
  return goals;
}
