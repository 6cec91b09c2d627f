import {
  MoreThan,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
  type QueryDeepPartialEntity,
} from 'typeorm';
import { addDays, daysBetween, todayUtc, type LocalDate } from '../../common/dates';
import { DEFAULT_CURRENCY } from '../../common/money';
import { Account } from '../../modules/account/account.entity';
import { Contact } from '../../modules/contact/contact.entity';
import { Contract, ContractStatus } from '../../modules/contract/contract.entity';
import {
  CostCategory,
  Health,
  Milestone,
  MilestoneKind,
  MilestoneStatus,
  Project,
  ProjectCost,
  ProjectMember,
  ProjectStatus,
  StatusUpdate,
} from '../../modules/project/project.entity';
import { Role } from '../../common/roles';
import { User } from '../../modules/user/user.entity';

/** About this many projects, spread over the accounts. */
const TARGET_PROJECTS = 150;
const CHUNK = 300;

export const NAMES = [
  'Provider directory rebuild',
  'Price transparency files',
  'Member portal redesign',
  'Prior-authorization API',
  'Claims analytics rollout',
  'Care navigation pilot',
  'Pharmacy accumulator feed',
  'Cost estimator launch',
  'Broker portal migration',
  'Spanish-language member app',
  'Network adequacy reporting',
  'Quality measures dashboard',
  'SSO and identity upgrade',
  'Open enrollment readiness',
  'Data warehouse migration',
];
const MILESTONES = [
  'Kickoff',
  'Requirements signed off',
  'Design approved',
  'Integration testing complete',
  'User acceptance testing',
  'Go-live',
  'Hypercare complete',
];
const DELIVERABLES = [
  'Solution design document',
  'Data mapping specification',
  'Test plan and results',
  'Training materials',
  'Runbook and handover pack',
  'Release notes',
];
export const SUMMARIES: Record<Health, string[]> = {
  GREEN: [
    'On plan: sprint goals met and the client is engaged.',
    'Good week: testing on track, no open blockers.',
    'Delivered the planned scope; next sprint planned with the client.',
  ],
  AMBER: [
    "Some slippage: the client's data extract is a week late.",
    'Vendor dependency at risk; mitigation agreed with the client.',
    'Spend running ahead of plan; reviewing the staffing mix.',
  ],
  RED: [
    "Go-live at risk: integration defects open with the client's IT team.",
    'Budget overrun: change request needed to finish the scope.',
    "Blocked on the client's security review; escalated to the sponsors.",
  ],
};
export const RISKS = [
  null,
  'Client subject-matter experts have limited availability in the coming weeks.',
  'Third-party feed format still unconfirmed.',
  'Open enrollment freeze starts in six weeks.',
];
export const NEXT_STEPS = [
  null,
  'Finish integration testing and book UAT.',
  'Confirm the cutover plan with the client.',
  'Review the budget forecast with the account owner.',
];
export const COST_NOTES: Record<CostCategory, string[]> = {
  LABOR: ['Delivery team time', 'Engineering sprint', 'Project management'],
  VENDOR: ['Data vendor licence', 'Subcontracted QA', 'Cloud hosting'],
  OTHER: ['Travel to client site', 'Workshop expenses', 'Training venue'],
};
const SEVERITY: Record<Health, number> = { GREEN: 0, AMBER: 1, RED: 2 };
const BY_SEVERITY = [Health.GREEN, Health.AMBER, Health.RED];

type Row<T> = QueryDeepPartialEntity<T>;

/**
 * Demo projects over the seeded accounts and their active contracts: 6 to 18 months of weekly
 * status updates (with a few skipped weeks), milestones and deliverables, monthly cost entries and
 * a team; some over budget, some with late milestones, some RED. Each project's actual cost is the
 * sum of its entries and its health its latest update's. Bulk inserts in chunks; deterministic for
 * a given `random`, `today` and database. Returns the number of projects written.
 */
export async function seedProjects(em: EntityManager, random: () => number, today = todayUtc()): Promise<number> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const accounts = await em.find(Account, {
    order: { id: 'ASC' },
    select: { id: true, ownerId: true, createdAt: true },
  });
  if (accounts.length === 0) return 0;
  const contracts = await em.find(Contract, { where: { status: ContractStatus.ACTIVE }, order: { id: 'ASC' } });
  const contractsByAccount = group(contracts, (contract) => contract.accountId);
  const contacts = await em.find(Contact, { order: { id: 'ASC' }, select: { id: true, accountId: true } });
  const contactsByAccount = group(contacts, (contact) => contact.accountId);
  const staff = (await em.find(User, { where: { active: true }, order: { id: 'ASC' } })).filter(
    (user) => user.role !== Role.BI_READER,
  );
  const delivery = staff.filter((user) => user.role === Role.PROJECT_MEMBER || user.role === Role.IT_DIRECTOR);
  const managers = staff.filter(
    (user) => user.role === Role.ACCOUNT_MANAGER || user.role === Role.SENIOR_ACCOUNT_MANAGER,
  );
  const leads = delivery.length > 0 ? delivery : staff;

  // Plan the projects first, then insert them in chunks and read their ids back in order.
  const plans: { project: Row<Project>; months: number; spendRate: number; endsRed: boolean; team: number[] }[] = [];
  for (let i = 0; i < TARGET_PROJECTS; i++) {
    const account = accounts[i % accounts.length];
    const accountContracts = contractsByAccount.get(account.id) ?? [];
    const contract = accountContracts.length > 0 && random() < 0.75 ? pick(accountContracts) : null;
    const months = between(6, 18);
    const roll = random();
    const status =
      roll < 0.07
        ? ProjectStatus.PLANNED
        : roll < 0.22
          ? ProjectStatus.COMPLETED
          : roll < 0.27
            ? ProjectStatus.ON_HOLD
            : roll < 0.3
              ? ProjectStatus.CANCELLED
              : ProjectStatus.ACTIVE;
    // Active work started `months` ago; finished work ended within the last quarter; planned work starts soon.
    const length = months * 30;
    const startDate =
      status === ProjectStatus.PLANNED
        ? addDays(today, between(7, 60))
        : status === ProjectStatus.COMPLETED || status === ProjectStatus.CANCELLED
          ? addDays(today, -length - between(10, 90))
          : addDays(today, -length);
    const targetEndDate =
      status === ProjectStatus.ACTIVE || status === ProjectStatus.ON_HOLD
        ? addDays(today, between(-20, 120))
        : addDays(startDate, length + between(0, 30));
    const actualEndDate =
      status === ProjectStatus.COMPLETED || status === ProjectStatus.CANCELLED ? addDays(startDate, length) : null;
    const budgetCents = between(50, 900) * 100_000; // $50,000 to $900,000 in $1,000 steps
    const lead = pick(leads);
    const team = new Set<number>([lead.id]);
    for (let k = between(1, 3); k > 0; k--)
      team.add(pick(random() < 0.6 ? leads : managers.length > 0 ? managers : staff).id);
    const createdAt = at(addDays(startDate < today ? startDate : today, -between(7, 21)), 15, between(0, 59));
    plans.push({
      months,
      spendRate: random() < 0.18 ? 1.05 + random() * 0.35 : 0.55 + random() * 0.45,
      endsRed: random() < 0.12,
      team: [...team],
      project: {
        accountId: account.id,
        contractId: contract?.id ?? null,
        name: `${pick(NAMES)}${contract ? '' : ' (internal)'}`.slice(0, 200),
        description:
          random() < 0.6
            ? "Delivery project agreed with the client's sponsor; scope as in the statement of work."
            : null,
        status,
        startDate,
        targetEndDate,
        actualEndDate,
        budgetCents,
        currency: contract?.currency ?? DEFAULT_CURRENCY,
        actualCostCents: 0,
        leadId: lead.id,
        health: null,
        createdById: account.ownerId ?? lead.id,
        createdAt,
        updatedAt: createdAt,
        version: 1,
      },
    });
  }
  const lastBefore = (await em.findOne(Project, { where: {}, order: { id: 'DESC' }, select: { id: true } }))?.id ?? 0;
  await insertChunks(
    em,
    Project,
    plans.map((plan) => plan.project),
  );
  const projects = await em.find(Project, { where: { id: MoreThan(lastBefore) }, order: { id: 'ASC' } });

  const members: Row<ProjectMember>[] = [];
  const costs: Row<ProjectCost>[] = [];
  const updates: Row<StatusUpdate>[] = [];
  const milestones: Row<Milestone>[] = [];
  const costTotals = new Map<number, number>();
  const latestHealth = new Map<number, Health>();
  projects.forEach((project, index) => {
    const plan = plans[index];
    const created = project.createdAt;
    for (const userId of plan.team)
      members.push({ projectId: project.id, userId, createdAt: created, updatedAt: created, version: 1 });
    const workEnd = minDate(project.actualEndDate ?? today, today);
    const workedDays = Math.max(0, daysBetween(project.startDate, workEnd));
    const plannedDays = Math.max(1, daysBetween(project.startDate, project.targetEndDate));

    // Monthly cost entries: the spend so far follows the elapsed share of the plan at the project's spend rate.
    const spend = Math.round(project.budgetCents * Math.min(1, workedDays / plannedDays) * plan.spendRate);
    const monthsWorked = Math.floor(workedDays / 30);
    let total = 0;
    for (let month = 0; month < monthsWorked; month++) {
      const monthCents = Math.round(spend / monthsWorked);
      const shares: [CostCategory, number][] = [
        [CostCategory.LABOR, 0.7],
        [CostCategory.VENDOR, 0.22],
        [CostCategory.OTHER, 0.08],
      ];
      for (const [category, share] of shares) {
        const amountCents = Math.max(1, Math.round(monthCents * share * (0.85 + random() * 0.3)));
        const date = addDays(project.startDate, month * 30 + between(20, 29));
        const recordedAt = at(date, 17, between(0, 59));
        costs.push({
          projectId: project.id,
          date,
          category,
          amountCents,
          currency: project.currency,
          note: pick(COST_NOTES[category]),
          recordedById: pick(plan.team),
          createdAt: recordedAt,
          updatedAt: recordedAt,
          version: 1,
        });
        total += amountCents;
      }
    }
    costTotals.set(project.id, total);

    // Weekly status updates (Fridays-ish), as a random walk per dimension; a few weeks are skipped.
    const dims = { schedule: Health.GREEN, budget: Health.GREEN, scope: Health.GREEN, quality: Health.GREEN };
    const weeks = Math.floor(workedDays / 7);
    for (let week = 0; week < weeks; week++) {
      for (const key of ['schedule', 'scope', 'quality'] as const) dims[key] = walk(dims[key], random());
      const consumed = total === 0 ? 0 : (week + 1) / Math.max(1, weeks);
      const overRate = plan.spendRate * consumed;
      dims.budget =
        overRate > 1 ? Health.RED : plan.spendRate > 1 && consumed > 0.5 ? Health.AMBER : walk(dims.budget, random());
      if (plan.endsRed && week >= weeks - 2) dims.schedule = Health.RED;
      if (random() < 0.06 && week !== weeks - 1) continue; // nobody posted that week
      const overall = BY_SEVERITY[Math.max(...Object.values(dims).map((h) => SEVERITY[h]))];
      const postedAt = at(addDays(project.startDate, week * 7 + 4), 16, between(0, 59));
      updates.push({
        projectId: project.id,
        authorId: project.leadId ?? pick(plan.team),
        postedAt,
        overall,
        ...dims,
        summary: pick(SUMMARIES[overall]),
        risks: overall === Health.GREEN ? null : pick(RISKS),
        nextSteps: pick(NEXT_STEPS),
        correctsId: null,
        createdAt: postedAt,
        updatedAt: postedAt,
        version: 1,
      });
      latestHealth.set(project.id, overall);
    }

    // Milestones and deliverables across the plan; past ones mostly done, some late.
    const count = between(3, 7);
    for (let m = 0; m < count; m++) {
      const kind = m % 2 === 1 ? MilestoneKind.DELIVERABLE : MilestoneKind.MILESTONE;
      const dueDate = addDays(project.startDate, Math.round(((m + 1) * plannedDays) / (count + 1)));
      const past = dueDate < today;
      let status = MilestoneStatus.PLANNED;
      if (project.status === ProjectStatus.COMPLETED) status = MilestoneStatus.ACCEPTED;
      else if (past)
        status =
          random() < 0.2
            ? MilestoneStatus.IN_PROGRESS
            : random() < 0.2
              ? MilestoneStatus.DELIVERED
              : MilestoneStatus.ACCEPTED;
      else if (dueDate < addDays(today, 45) && project.status !== ProjectStatus.PLANNED)
        status = MilestoneStatus.IN_PROGRESS;
      const reviewed =
        kind === MilestoneKind.DELIVERABLE &&
        (status === MilestoneStatus.ACCEPTED || (status === MilestoneStatus.DELIVERED && random() < 0.5));
      const reviewedAt = reviewed ? at(minDate(addDays(dueDate, 1), today), 14, between(0, 59)) : null;
      const contact =
        status === MilestoneStatus.ACCEPTED ? pick(contactsByAccount.get(project.accountId) ?? [null]) : null;
      milestones.push({
        projectId: project.id,
        kind,
        title: kind === MilestoneKind.DELIVERABLE ? pick(DELIVERABLES) : MILESTONES[Math.min(m, MILESTONES.length - 1)],
        dueDate,
        status: status === MilestoneStatus.ACCEPTED && !contact ? MilestoneStatus.DELIVERED : status,
        qualityPassed: reviewed ? true : null,
        qualityReviewerId: reviewed ? pick(plan.team) : null,
        qualityNotes: reviewed ? 'Reviewed against the acceptance criteria.' : null,
        qualityReviewedAt: reviewedAt,
        acceptedByContactId: contact?.id ?? null,
        acceptedOn: contact ? minDate(addDays(dueDate, between(1, 10)), today) : null,
        rejectionReason: null,
        lateNotifiedAt: null,
        createdAt: created,
        updatedAt: created,
        version: 1,
      });
    }
  });
  await insertChunks(em, ProjectMember, members);
  await insertChunks(em, ProjectCost, costs);
  await insertChunks(em, StatusUpdate, updates);
  await insertChunks(em, Milestone, milestones);
  // The stored aggregates: actual cost and latest health.
  for (const project of projects) {
    await em.update(
      Project,
      { id: project.id },
      { actualCostCents: costTotals.get(project.id) ?? 0, health: latestHealth.get(project.id) ?? null },
    );
  }
  return projects.length;
}

/** One step of a health random walk: mostly staying, sometimes a step better or worse. */
export function walk(health: Health, roll: number): Health {
  const severity = SEVERITY[health];
  if (roll < 0.1 && severity < 2) return BY_SEVERITY[severity + 1];
  if (roll > 0.7 && severity > 0) return BY_SEVERITY[severity - 1];
  return health;
}

async function insertChunks<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: Row<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await em.insert(entity, rows.slice(i, i + CHUNK));
}

function group<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

function at(day: LocalDate, hour: number, minute: number): Date {
  return new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`);
}

function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a < b ? a : b;
}
