import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { todayUtc } from '../../common/dates';
import { Account, AccountTier } from '../../modules/account/account.entity';
import { CommunicationDocument, CommunicationParticipant } from '../../modules/communication/communication-part.entity';
import {
  Communication,
  CommunicationDirection,
  CommunicationType,
} from '../../modules/communication/communication.entity';
import { FollowUp } from '../../modules/communication/follow-up.entity';
import { Contact } from '../../modules/contact/contact.entity';
import { AccountTeamMember } from '../../modules/team/team-member.entity';
import { BulkInserter } from './bulk-insert';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type Row<T> = QueryDeepPartialEntity<T>;

/** How many contacts a year, besides the business reviews. */
const TOUCHES_PER_YEAR: Record<AccountTier, number> = {
  [AccountTier.STRATEGIC]: 26,
  [AccountTier.ENTERPRISE]: 16,
  [AccountTier.GROWTH]: 8,
};

const TYPES: [CommunicationType, number][] = [
  [CommunicationType.CALL, 0.34],
  [CommunicationType.EMAIL, 0.3],
  [CommunicationType.MEETING, 0.2],
  [CommunicationType.PRESENTATION, 0.06],
  [CommunicationType.WORKSHOP, 0.05],
  [CommunicationType.SITE_VISIT, 0.03],
  [CommunicationType.OTHER, 0.02],
];

const SUBJECTS: Record<CommunicationType, string[]> = {
  MEETING: [
    'Monthly account check-in',
    'Price transparency roadmap review',
    'Provider directory accuracy working session',
    'Member portal adoption review',
    'Renewal planning with the VP of Operations',
    'Care navigation pilot results',
  ],
  CALL: [
    'Follow-up on the eligibility file delays',
    'Intro call with the new IT lead',
    'Open enrollment readiness call',
    'Invoice questions from accounts payable',
    'Escalation debrief',
    'Check-in on the claims feed fix',
  ],
  EMAIL: [
    'Shared the release notes for the member portal',
    'Sent the monthly utilization report',
    'Answered questions on the SOC 2 report',
    'Confirmed the go-live date',
    'Sent the change order for the added integrations',
  ],
  PRESENTATION: [
    'Demo of the cost estimator',
    'New transparency features for the board',
    'Analytics dashboard walkthrough',
  ],
  QUARTERLY_BUSINESS_REVIEW: ['Quarterly business review'],
  SITE_VISIT: ['On-site visit with the operations team', 'Visit to the member services center'],
  WORKSHOP: ['Requirements workshop for the provider portal', 'Training for the member services team'],
  OTHER: ['Conference meeting at AHIP', 'Dinner with the executive sponsor'],
};

const SUMMARIES = [
  'Walked through adoption figures and the open items; the client is broadly satisfied and asked for a clearer rollout plan.',
  'The client raised concerns about data latency; we agreed to share a remediation timeline this week.',
  'Discussed the renewal: the sponsor wants savings evidence before the budget committee meets.',
  'Reviewed the delivery plan; milestones are on track and the client confirmed the acceptance criteria.',
  'The new IT lead wants a technical deep dive on the integrations and the SSO setup.',
  'Agreed next steps on the member communications campaign for open enrollment.',
];

const FOLLOW_UPS = [
  'Send the savings analysis',
  'Share the remediation timeline',
  'Schedule the technical deep dive',
  'Send the updated statement of work',
  'Confirm the training dates',
  'Share the adoption dashboard',
  'Draft the renewal proposal',
  'Introduce the implementation lead',
];

function weighted<T>(random: () => number, items: readonly [T, number][]): T {
  let roll = random();
  for (const [item, weight] of items) {
    if ((roll -= weight) < 0) return item;
  }
  return items[items.length - 1][0];
}

function group<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** A working hour (UTC, 14:00 to 22:00: the US business day) on the day `at` falls on. */
function duringBusinessHours(at: number, random: () => number): Date {
  const day = Math.floor(at / DAY_MS) * DAY_MS;
  return new Date(day + 14 * HOUR_MS + Math.floor(random() * 16) * 30 * 60_000);
}

/**
 * A year of communications per account before `now`: business reviews (quarterly for strategic
 * accounts, twice a year for enterprise ones), and calls, emails and meetings in proportion to the
 * account's tier; participants from the account's contacts and team; follow-ups, most done, some
 * open and some overdue. Deterministic for a given `random`, `now` and database. Returns the
 * number of communications written.
 */
export async function seedCommunications(em: EntityManager, random: () => number, now = new Date()): Promise<number> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const accounts = await em.find(Account, { order: { id: 'ASC' }, select: { id: true, tier: true, ownerId: true } });
  const contacts = group(
    await em.find(Contact, { order: { id: 'ASC' }, select: { id: true, accountId: true } }),
    (contact) => contact.accountId,
  );
  const teams = group(
    await em.find(AccountTeamMember, { order: { id: 'ASC' }, select: { id: true, accountId: true, userId: true } }),
    (member) => member.accountId,
  );
  const nowMs = now.getTime();
  const today = todayUtc(now);
  // Rows carry their ids (BulkInserter): continue after any rows already there.
  const lastId = async (
    entity: typeof Communication | typeof CommunicationParticipant | typeof CommunicationDocument | typeof FollowUp,
  ) =>
    Number(
      (await em.createQueryBuilder(entity, 'row').select('MAX(row.id)', 'last').getRawOne<{ last: number | null }>())
        ?.last ?? 0,
    );
  const ids = {
    communication: await lastId(Communication),
    participant: await lastId(CommunicationParticipant),
    document: await lastId(CommunicationDocument),
    followUp: await lastId(FollowUp),
  };
  const firstCommunication = ids.communication;
  const insert = new BulkInserter(em).register(
    Communication,
    CommunicationParticipant,
    CommunicationDocument,
    FollowUp,
  );

  for (const account of accounts) {
    const team = [...new Set([account.ownerId, ...(teams.get(account.id) ?? []).map((m) => m.userId)])].filter(
      (id): id is number => id !== null,
    );
    if (team.length === 0) continue;
    const people = contacts.get(account.id) ?? [];
    const plans: { type: CommunicationType; at: Date }[] = [];
    // Strategic accounts meet every quarter for a business review, enterprise accounts twice a year.
    const reviews = account.tier === AccountTier.STRATEGIC ? 4 : account.tier === AccountTier.ENTERPRISE ? 2 : 0;
    for (let review = 0; review < reviews; review++) {
      const at = nowMs - ((review * 365) / reviews + 10 + Math.floor(random() * 60)) * DAY_MS;
      plans.push({ type: CommunicationType.QUARTERLY_BUSINESS_REVIEW, at: duringBusinessHours(at, random) });
    }

    const touches = Math.round(TOUCHES_PER_YEAR[account.tier] * (0.7 + random() * 0.6));
    for (let i = 0; i < touches; i++) {
      const at = nowMs - Math.floor(random() * 365 * DAY_MS);
      plans.push({ type: weighted(random, TYPES), at: duringBusinessHours(at, random) });
    }

    for (const plan of plans) {
      const id = ++ids.communication;
      const at = plan.at.getTime() > nowMs ? new Date(nowMs - HOUR_MS) : plan.at;
      const loggedById = pick(team);
      const review = plan.type === CommunicationType.QUARTERLY_BUSINESS_REVIEW;
      const quarter = `Q${Math.floor(at.getUTCMonth() / 3) + 1} ${at.getUTCFullYear()}`;
      const outbound = review || plan.type === CommunicationType.PRESENTATION || random() < 0.55;
      await insert.add(Communication, {
        id,
        createdAt: at,
        updatedAt: at,
        version: 1,
        accountId: account.id,
        type: plan.type,
        direction: outbound ? CommunicationDirection.OUTBOUND : CommunicationDirection.INBOUND,
        occurredAt: at,
        subject: review ? `${quarter} business review` : pick(SUBJECTS[plan.type]),
        summary: plan.type === CommunicationType.EMAIL && random() < 0.4 ? null : pick(SUMMARIES),
        loggedById,
      } satisfies Row<Communication>);

      const contactCount = review ? 3 : plan.type === CommunicationType.EMAIL ? 1 : 1 + Math.floor(random() * 2);
      const chosenContacts = [
        ...new Set(Array.from({ length: contactCount }, () => (people.length ? pick(people).id : 0))),
      ].filter(Boolean);
      const chosenStaff = [...new Set([loggedById, ...(review || random() < 0.3 ? [pick(team)] : [])])];
      for (const contactId of chosenContacts)
        await insert.add(CommunicationParticipant, {
          id: ++ids.participant,
          createdAt: at,
          updatedAt: at,
          version: 1,
          communicationId: id,
          contactId,
          userId: null,
        } satisfies Row<CommunicationParticipant>);
      for (const userId of chosenStaff)
        await insert.add(CommunicationParticipant, {
          id: ++ids.participant,
          createdAt: at,
          updatedAt: at,
          version: 1,
          communicationId: id,
          contactId: null,
          userId,
        } satisfies Row<CommunicationParticipant>);

      if (review || plan.type === CommunicationType.PRESENTATION || random() < 0.15) {
        const slug = `${account.id}-${id}`;
        await insert.add(CommunicationDocument, {
          id: ++ids.document,
          createdAt: at,
          updatedAt: at,
          version: 1,
          communicationId: id,
          title: review ? `${quarter} business review deck` : 'Meeting notes',
          url: `https://docs.accountgraph.example/accounts/${slug}.pdf`,
        } satisfies Row<CommunicationDocument>);
      }

      const promised = review ? 2 + Math.floor(random() * 2) : random() < 0.35 ? 1 : 0;
      for (let f = 0; f < promised; f++) {
        const due = at.getTime() + (3 + Math.floor(random() * 19)) * DAY_MS;
        const dueOn = todayUtc(new Date(due));
        const past = dueOn < today;
        const done = past ? random() < 0.92 : random() < 0.2;
        const doneAt = done
          ? new Date(Math.min(nowMs - HOUR_MS, at.getTime() + Math.floor(random() * (due - at.getTime() + 5 * DAY_MS))))
          : null;
        const owner = pick(team);
        await insert.add(FollowUp, {
          id: ++ids.followUp,
          createdAt: at,
          updatedAt: doneAt ?? at,
          version: done ? 2 : 1,
          communicationId: id,
          accountId: account.id,
          description: pick(FOLLOW_UPS),
          ownerId: owner,
          dueOn,
          doneAt,
          doneById: done ? owner : null,
          createdById: loggedById,
        } satisfies Row<FollowUp>);
      }
    }
  }
  await insert.flush();
  return ids.communication - firstCommunication;
}
