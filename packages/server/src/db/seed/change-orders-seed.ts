import { In, type EntityManager } from 'typeorm';
import { addDays, daysBetween, todayUtc } from '../../common/dates';
import { DEFAULT_CURRENCY } from '../../common/money';
import { NumberSequence } from '../../common/sequence.entity';
import {
  ApprovalDecision,
  ApprovalDecisionKind,
  ApprovalRequest,
  ApprovalRequestStatus,
  ApprovalSubjectType,
} from '../../modules/approval/approval.entity';
import { ChangeOrder, ChangeOrderStatus } from '../../modules/change-order/change-order.entity';
import { Contract, ContractStatus } from '../../modules/contract/contract.entity';
import { Role } from '../../common/roles';
import { User } from '../../modules/user/user.entity';

const CHUNK = 200;
const DAY_MS = 86_400_000;

/** A senior's default approval limit (APPROVAL_LIMIT_SENIOR_ACCOUNT_MANAGER_USD), in USD cents: above it, an executive decides. */
const SENIOR_LIMIT_CENTS = 25_000_000;

/** What account teams ask for during a term: additions, and reductions in scope. */
const ADDITIONS = [
  {
    title: 'Add dental and vision networks to the provider directory',
    description:
      'The plan adds dental and vision carriers from January; their networks must be searchable with cost estimates.',
  },
  {
    title: 'Spanish and Vietnamese translations of the member portal',
    description: 'Member services asked for the two most requested languages after the annual survey.',
  },
  {
    title: 'Real-time accumulator feed from the pharmacy benefit manager',
    description: 'Deductible and out-of-pocket accumulators from the PBM every 15 minutes instead of nightly.',
  },
  {
    title: 'FHIR endpoint for prior-authorization status',
    description: 'CMS interoperability rule: providers query prior-authorization status through a FHIR API.',
  },
  {
    title: 'Out-of-network rates in the machine-readable files',
    description: 'Extends the Transparency in Coverage files to allowed amounts for out-of-network providers.',
  },
  {
    title: 'Quarterly analytics pack for the QBR',
    description: 'Shopping, savings and engagement dashboards prepared for each quarterly business review.',
  },
] as const;
const REDUCTIONS = [
  {
    title: 'Drop the printed provider directory mailing',
    description: 'The plan moves to the online directory only; printing and postage leave the scope.',
  },
  {
    title: 'Two regional training sessions instead of five on-site',
    description: 'Training moves to two regional sessions and recorded modules.',
  },
  { title: 'Retire the legacy SFTP claims feed', description: null },
] as const;

/** Sizes as a share of the contract's value: additions from small to a second phase, reductions at most a tenth. */
const ADDITION_SHARES = [0.02, 0.04, 0.06, 0.1, 0.15, 0.25, 0.4, 0.6];
const REDUCTION_SHARES = [0.02, 0.05, 0.1];
/** Approved additions stay within this share of today's value, so the value before them was still positive. */
const MAX_APPROVED_GROWTH = 0.6;

const SCHEDULE_IMPACTS = [0, 0, 0, 7, 14, 21, 30, 45, -7, -14];
const REJECTION_NOTES = [
  'Out of scope for this term: raise it with the renewal.',
  'The estimate needs a breakdown by workstream before it can be approved.',
  'The client has not confirmed the budget; resubmit once they have.',
];
const APPROVAL_NOTES = [
  null,
  "Within the client's approved budget.",
  'Confirmed with the executive sponsor.',
  'Pricing as quoted in the statement of work.',
];

/** Every state, so that the demo shows each one: the first active contracts get one of each. */
const ALL_STATES = [
  ChangeOrderStatus.APPROVED,
  ChangeOrderStatus.PENDING_APPROVAL,
  ChangeOrderStatus.DRAFT,
  ChangeOrderStatus.REJECTED,
  ChangeOrderStatus.WITHDRAWN,
];
const ACTIVE_STATES = [
  ...ALL_STATES,
  ChangeOrderStatus.APPROVED,
  ChangeOrderStatus.APPROVED,
  ChangeOrderStatus.APPROVED,
];
const CLOSED_STATES = [
  ChangeOrderStatus.APPROVED,
  ChangeOrderStatus.APPROVED,
  ChangeOrderStatus.APPROVED,
  ChangeOrderStatus.REJECTED,
  ChangeOrderStatus.WITHDRAWN,
];

interface Plan {
  changeOrder: ChangeOrder;
  /** When it was submitted; null for a draft, or one withdrawn as a draft. */
  requestedAt: Date | null;
  decision: { kind: ApprovalDecisionKind; actorId: number; note: string | null } | null;
}

/**
 * Change orders on the seeded ACTIVE, RENEWED and EXPIRED contracts, in every state, with the
 * approval requests and decisions each state implies. Contract values already include the
 * approved amounts (the contracts seed sets today's value), so they are not changed here; every
 * approved addition stays within 60% of today's value and every reduction is at most a tenth, so no
 * value in that history was below zero.
 * Deterministic for a given `random`, `today` and database.
 */
export async function seedChangeOrders(em: EntityManager, random: () => number, today = todayUtc()): Promise<number> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (days: number) => Math.floor(random() * (days + 1));
  const contracts = await em.find(Contract, {
    where: { status: In([ContractStatus.ACTIVE, ContractStatus.RENEWED, ContractStatus.EXPIRED]) },
    order: { id: 'ASC' },
  });
  const users = await em.find(User, { order: { id: 'ASC' } });
  const usersById = new Map(users.map((user) => [user.id, user]));
  // Executives approve above a senior's limit; two are needed so that one can approve what the other raised.
  const executives = users.filter((user) => (user.role === Role.EXECUTIVE || user.role === Role.ADMIN) && user.active);
  if (contracts.length === 0 || executives.length < 2) return 0;

  const plans: Plan[] = [];
  let forced = 0;
  for (const contract of contracts) {
    const active = contract.status === ContractStatus.ACTIVE;
    let count = between(active ? 3 : 2);
    if (active && forced < ALL_STATES.length) count = Math.max(count, 1);
    const owner = usersById.get(contract.ownerId)!;
    const manager = owner.managerId === null ? undefined : usersById.get(owner.managerId);
    const author = owner.active ? owner : manager?.active ? manager : executives[0];
    // Amounts in whole $500s. Approved additions are what today's value already includes: they stay
    // within MAX_APPROVED_GROWTH of it; past that, the change is a reduction (at most a tenth) instead.
    const share = (shares: readonly number[]) =>
      Math.max(50_000, Math.round((contract.valueCents * pick(shares)) / 50_000) * 50_000);
    const reduction = () => -Math.min(share(REDUCTION_SHARES), Math.floor(contract.valueCents / 500_000) * 50_000);
    let approvedGrowth = 0;
    // Changes happen during the term, after approval, and at least ten days ago when already decided.
    const termStart =
      contract.approvedAt && todayOf(contract.approvedAt) > contract.startDate
        ? todayOf(contract.approvedAt)
        : contract.startDate;
    for (let i = 0; i < count; i++) {
      const status =
        active && forced < ALL_STATES.length ? ALL_STATES[forced] : pick(active ? ACTIVE_STATES : CLOSED_STATES);
      const open = status === ChangeOrderStatus.DRAFT || status === ChangeOrderStatus.PENDING_APPROVAL;
      const from = open ? maxDate(termStart, addDays(today, -30)) : termStart;
      const to = open ? addDays(today, -2) : minDate(addDays(contract.endDate, -10), addDays(today, -10));
      if (to < from) continue; // approved too recently for this much history
      if (active && forced < ALL_STATES.length) forced++;
      const createdAt = at(addDays(from, between(daysBetween(from, to))), 14 + between(6), between(59));
      let change: { title: string; description: string | null } = pick(ADDITIONS);
      let amountDeltaCents = share(ADDITION_SHARES);
      if (
        status === ChangeOrderStatus.APPROVED &&
        approvedGrowth + amountDeltaCents > contract.valueCents * MAX_APPROVED_GROWTH
      ) {
        change = pick(REDUCTIONS);
        amountDeltaCents = reduction();
      } else if (random() < 0.25) {
        change = pick(REDUCTIONS);
        amountDeltaCents = reduction();
      }
      if (status === ChangeOrderStatus.APPROVED && amountDeltaCents > 0) approvedGrowth += amountDeltaCents;

      const withdrawnAsDraft = status === ChangeOrderStatus.WITHDRAWN && random() < 0.5;
      const submitted = status !== ChangeOrderStatus.DRAFT && !withdrawnAsDraft;
      const requestedAt = submitted
        ? new Date(createdAt.getTime() + (open ? 1 : 1 + between(1)) * DAY_MS + between(5) * 3_600_000)
        : null;
      const closedAt = open
        ? null
        : new Date((requestedAt ?? createdAt).getTime() + (1 + between(4)) * DAY_MS + between(6) * 3_600_000);
      const decided = status === ChangeOrderStatus.APPROVED || status === ChangeOrderStatus.REJECTED;
      const approver =
        contract.currency === DEFAULT_CURRENCY &&
        Math.abs(amountDeltaCents) <= SENIOR_LIMIT_CENTS &&
        manager?.active &&
        manager.role === Role.SENIOR_ACCOUNT_MANAGER &&
        manager.id !== author.id
          ? manager
          : pick(executives.filter((executive) => executive.id !== author.id));

      plans.push({
        changeOrder: Object.assign(new ChangeOrder(), {
          contractId: contract.id,
          accountId: contract.accountId,
          projectId: null,
          number: '',
          title: change.title,
          description: change.description,
          amountDeltaCents,
          currency: contract.currency,
          scheduleImpactDays: pick(SCHEDULE_IMPACTS),
          status,
          createdById: author.id,
          submittedById: submitted ? author.id : null,
          decidedAt: decided ? closedAt : null,
          createdAt,
          updatedAt: closedAt ?? requestedAt ?? createdAt,
          // One bump per step taken: submit, then a decision or a withdrawal.
          version: 1 + (submitted ? 1 : 0) + (closedAt ? 1 : 0),
        }),
        requestedAt,
        decision: decided
          ? {
              kind:
                status === ChangeOrderStatus.APPROVED ? ApprovalDecisionKind.APPROVED : ApprovalDecisionKind.REJECTED,
              actorId: approver.id,
              note: status === ChangeOrderStatus.APPROVED ? pick(APPROVAL_NOTES) : pick(REJECTION_NOTES),
            }
          : null,
      });
    }
  }

  // Numbers in order of creation, per year, after any the database already has.
  plans.sort(
    (a, b) =>
      a.changeOrder.createdAt.getTime() - b.changeOrder.createdAt.getTime() ||
      a.changeOrder.contractId - b.changeOrder.contractId,
  );
  const counters = new Map<string, { value: number; existing: NumberSequence | null }>();
  for (const { changeOrder } of plans) {
    const year = String(changeOrder.createdAt.getUTCFullYear());
    let counter = counters.get(year);
    if (!counter) {
      const existing = await em.findOneBy(NumberSequence, { name: `change-order-${year}` });
      counter = { value: existing?.lastValue ?? 0, existing };
      counters.set(year, counter);
    }
    changeOrder.number = `CO-${year}-${String(++counter.value).padStart(4, '0')}`;
  }

  await insertInChunks(
    em,
    ChangeOrder,
    plans.map((plan) => plan.changeOrder),
  );
  const idByNumber = new Map<string, number>();
  for (const numbers of chunks(plans.map((plan) => plan.changeOrder.number))) {
    const rows = await em.find(ChangeOrder, { select: { id: true, number: true }, where: { number: In(numbers) } });
    for (const row of rows) idByNumber.set(row.number, row.id);
  }
  for (const { changeOrder } of plans) changeOrder.id = idByNumber.get(changeOrder.number)!;

  // The approval trail: one request per submission, one decision per approval or rejection.
  const submitted = plans.filter((plan) => plan.requestedAt !== null);
  await insertInChunks(
    em,
    ApprovalRequest,
    submitted.map(({ changeOrder, requestedAt }) =>
      Object.assign(new ApprovalRequest(), {
        subjectType: ApprovalSubjectType.CHANGE_ORDER,
        subjectId: changeOrder.id,
        accountId: changeOrder.accountId,
        amountCents: Math.abs(changeOrder.amountDeltaCents),
        currency: changeOrder.currency,
        requestedById: changeOrder.submittedById,
        createdById: changeOrder.createdById,
        requestedAt,
        status: requestStatus(changeOrder.status),
        createdAt: requestedAt,
        updatedAt: changeOrder.updatedAt,
        version: changeOrder.status === ChangeOrderStatus.PENDING_APPROVAL ? 1 : 2,
      }),
    ),
  );
  const requestIdBySubject = new Map<number, number>();
  for (const ids of chunks(submitted.map((plan) => plan.changeOrder.id))) {
    const rows = await em.find(ApprovalRequest, {
      select: { id: true, subjectId: true },
      where: { subjectType: ApprovalSubjectType.CHANGE_ORDER, subjectId: In(ids) },
    });
    for (const row of rows) requestIdBySubject.set(row.subjectId, row.id);
  }
  await insertInChunks(
    em,
    ApprovalDecision,
    plans
      .filter((plan) => plan.decision !== null)
      .map(({ changeOrder, decision }) =>
        Object.assign(new ApprovalDecision(), {
          subjectType: ApprovalSubjectType.CHANGE_ORDER,
          subjectId: changeOrder.id,
          requestId: requestIdBySubject.get(changeOrder.id)!,
          decision: decision!.kind,
          actorId: decision!.actorId,
          note: decision!.note,
          amountCents: changeOrder.amountDeltaCents,
          currency: changeOrder.currency,
          decidedAt: changeOrder.decidedAt,
          createdAt: changeOrder.decidedAt,
          updatedAt: changeOrder.decidedAt,
          version: 1,
        }),
      ),
  );

  const now = new Date(`${today}T00:00:00.000Z`);
  for (const [year, { value, existing }] of counters) {
    if (existing)
      await em.update(
        NumberSequence,
        { id: existing.id },
        { lastValue: value, version: existing.version + 1, updatedAt: now },
      );
    else
      await em.insert(NumberSequence, {
        name: `change-order-${year}`,
        lastValue: value,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
  }
  return plans.length;
}

function requestStatus(status: ChangeOrderStatus): ApprovalRequestStatus {
  switch (status) {
    case ChangeOrderStatus.APPROVED:
      return ApprovalRequestStatus.APPROVED;
    case ChangeOrderStatus.REJECTED:
      return ApprovalRequestStatus.REJECTED;
    case ChangeOrderStatus.WITHDRAWN:
      return ApprovalRequestStatus.WITHDRAWN;
    default:
      return ApprovalRequestStatus.PENDING;
  }
}

async function insertInChunks<T extends object>(em: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  for (const chunk of chunks(rows)) await em.insert(entity, chunk);
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}

function at(day: string, hour: number, minute: number): Date {
  return new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`);
}

function todayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
