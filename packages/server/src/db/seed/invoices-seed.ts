import { In, type EntityManager, type EntityTarget, type ObjectLiteral, type QueryDeepPartialEntity } from 'typeorm';
import { addDays, daysBetween, todayUtc, type LocalDate } from '../../common/dates';
import { lineAmountCents } from '../../common/money';
import { NumberSequence } from '../../common/sequence.entity';
import {
  ApprovalDecision,
  ApprovalDecisionKind,
  ApprovalRequest,
  ApprovalRequestStatus,
  ApprovalSubjectType,
} from '../../modules/approval/approval.entity';
import { Contract, ContractStatus } from '../../modules/contract/contract.entity';
import { Invoice, InvoiceLine, InvoiceStatus, Payment } from '../../modules/invoice/invoice.entity';
import { Role } from '../../common/roles';
import { User } from '../../modules/user/user.entity';

/** About this many invoices in all, whatever the number of seeded contracts. */
const TARGET_INVOICES = 3_000;
const CHUNK = 300;
const DAY_MS = 86_400_000;
/** The default approval limits (config.ts), so that every seeded approver had the authority. */
const ACCOUNT_MANAGER_LIMIT_CENTS = 5_000_000;
const SENIOR_AND_FINANCE_LIMIT_CENTS = 25_000_000;
/** Implementation services at $185.00 an hour; data loads at $0.42 per thousand records. */
const HOURLY_RATE_CENTS = 18_500;
const PER_THOUSAND_RECORDS_CENTS = 42;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

type Row<T> = QueryDeepPartialEntity<T>;
/** A line before it belongs to an invoice. */
type PlannedLine = Pick<
  InvoiceLine,
  'position' | 'description' | 'quantityThousandths' | 'unitPriceCents' | 'amountCents'
>;

/** What one invoice will be, before ids and numbers. */
interface Planned {
  contract: Contract;
  stream: 'platform' | 'services';
  periodStart: LocalDate;
  issueDate: LocalDate;
  budgetCents: number;
}

/** 'YYYY-MM-DD' plus whole months; the day is kept, or the month's last day when it has fewer. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function at(date: LocalDate, hourUtc: number, days = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS + hourUtc * 3_600_000);
}

/** "March 2026" for a period starting in March 2026. */
export function periodLabel(periodStart: LocalDate): string {
  return `${MONTHS[Number(periodStart.slice(5, 7)) - 1]} ${periodStart.slice(0, 4)}`;
}

/**
 * The monthly billing periods of a contract's term: how many the whole term has, and the starts of
 * those billed by `today` (in arrears, on the day after a period ends; none after a termination).
 */
function monthlyPeriods(
  contract: Contract,
  today: LocalDate,
): { billed: { start: LocalDate; issue: LocalDate }[]; inTerm: number } {
  const lastBilledDay =
    contract.terminationDate && contract.terminationDate < contract.endDate
      ? contract.terminationDate
      : contract.endDate;
  const billed: { start: LocalDate; issue: LocalDate }[] = [];
  let inTerm = 0;
  for (let start = contract.startDate; start <= contract.endDate; start = addMonths(contract.startDate, inTerm)) {
    inTerm++;
    const issue = addMonths(contract.startDate, inTerm);
    if (start <= lastBilledDay && issue <= today) billed.push({ start, issue });
  }
  return { billed, inTerm };
}

/** Inserts rows in chunks, without reading anything back. */
async function insertChunks<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: Row<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await em
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + CHUNK))
      .updateEntity(false)
      .execute();
  }
}

async function maxId(em: EntityManager, entity: EntityTarget<ObjectLiteral>): Promise<number> {
  const row = await em
    .createQueryBuilder(entity, 't')
    .select('MAX(t.id)', 'max')
    .getRawOne<{ max: number | string | null }>();
  return Number(row?.max ?? 0);
}

/**
 * Invoices over the seeded contracts' terms (ACTIVE, RENEWED, EXPIRED, TERMINATED), about
 * TARGET_INVOICES in all: a monthly platform invoice in arrears, and for some contracts a monthly
 * services invoice (hours and data loads) as well. Each period bills at most its share of the
 * contract value, so no contract is ever invoiced past its value. Older invoices are mostly paid,
 * some partly, a few overdue or void; the latest are drafts, pending approval or approved. Numbers
 * continue the per-year sequences; approved ones carry their approval request and decision.
 * Deterministic for a given `random` and `today`. Returns the number of invoices written.
 */
export async function seedInvoices(em: EntityManager, random: () => number, today = todayUtc()): Promise<number> {
  const chance = (p: number) => random() < p;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const contracts = await em.find(Contract, {
    where: {
      status: In([ContractStatus.ACTIVE, ContractStatus.RENEWED, ContractStatus.EXPIRED, ContractStatus.TERMINATED]),
    },
    order: { id: 'ASC' },
  });
  const users = await em.find(User, { order: { id: 'ASC' } });
  const usersById = new Map(users.map((u) => [u.id, u]));
  const active = users.filter((u) => u.active);
  const finance = active.find((u) => u.role === Role.FINANCE);
  const executives = active.filter((u) => u.role === Role.EXECUTIVE || u.role === Role.ADMIN);
  const seniors = active.filter((u) => u.role === Role.SENIOR_ACCOUNT_MANAGER);
  if (contracts.length === 0 || executives.length === 0) return 0;

  // Monthly platform invoices for every contract; a services stream on some, to come near the target.
  const monthly = contracts.map((contract) => ({ contract, ...monthlyPeriods(contract, today) }));
  const platformCount = monthly.reduce((sum, c) => sum + c.billed.length, 0);
  const servicesShare =
    platformCount === 0 ? 0 : Math.min(1, Math.max(0, (TARGET_INVOICES - platformCount) / platformCount));
  const planned: Planned[] = [];
  for (const { contract, billed, inTerm } of monthly) {
    const withServices = chance(servicesShare);
    const periodBudget = Math.floor(contract.valueCents / inTerm);
    const platformBudget = withServices ? Math.floor(periodBudget * 0.7) : periodBudget;
    for (const { start: periodStart, issue: issueDate } of billed) {
      planned.push({ contract, stream: 'platform', periodStart, issueDate, budgetCents: platformBudget });
      if (withServices)
        planned.push({
          contract,
          stream: 'services',
          periodStart,
          issueDate,
          budgetCents: periodBudget - platformBudget,
        });
    }
  }
  planned.sort(
    (a, b) =>
      a.issueDate.localeCompare(b.issueDate) || a.contract.id - b.contract.id || a.stream.localeCompare(b.stream),
  );

  const sequences = new Map(
    (await em.find(NumberSequence)).filter((s) => s.name.startsWith('invoice-')).map((s) => [s.name, s]),
  );
  const counters = new Map<string, number>();
  let invoiceId = await maxId(em, Invoice);
  let lineId = await maxId(em, InvoiceLine);
  let paymentId = await maxId(em, Payment);
  let requestId = await maxId(em, ApprovalRequest);
  let decisionId = await maxId(em, ApprovalDecision);
  const invoices: Row<Invoice>[] = [];
  const lines: Row<InvoiceLine>[] = [];
  const payments: Row<Payment>[] = [];
  const requests: Row<ApprovalRequest>[] = [];
  const decisions: Row<ApprovalDecision>[] = [];

  for (const plan of planned) {
    const { contract, issueDate } = plan;
    const invoiceLines = plan.stream === 'platform' ? platformLines(plan, random) : servicesLines(plan, random);
    if (invoiceLines.length === 0) continue;
    const year = issueDate.slice(0, 4);
    const next = (counters.get(year) ?? sequences.get(`invoice-${year}`)?.lastValue ?? 0) + 1;
    counters.set(year, next);
    const id = ++invoiceId;
    const currency = contract.currency;
    const totalCents = invoiceLines.reduce((sum, line) => sum + line.amountCents, 0);
    const dueDate = addDays(issueDate, chance(0.8) ? 30 : 45);
    let status = pickStatus(issueDate, dueDate, today, random);
    if (status === InvoiceStatus.PARTIALLY_PAID && totalCents < 2) status = InvoiceStatus.PAID;

    const owner = usersById.get(contract.ownerId);
    const creator = finance && chance(0.8) ? finance : owner?.active ? owner : (finance ?? executives[0]);
    const voidedAsDraft = status === InvoiceStatus.VOID && chance(0.5);
    const submitted = status !== InvoiceStatus.DRAFT && !voidedAsDraft;
    const approved = submitted && status !== InvoiceStatus.PENDING_APPROVAL;
    const sent = approved && status !== InvoiceStatus.APPROVED;
    const approver = approved ? chooseApprover(totalCents, creator, owner, finance, seniors, executives) : null;
    const createdAt = at(issueDate, 15, -3);
    const submittedAt = new Date(createdAt.getTime() + 3_600_000);
    const approvedAt = at(issueDate, 16, -1);
    const sentAt = issueDate === today ? at(today, 0) : at(issueDate, 14);
    const voidedAt = status !== InvoiceStatus.VOID ? null : sent ? at(issueDate, 11, 2) : at(issueDate, 10, -2);
    const events = [
      createdAt,
      submitted ? submittedAt : null,
      approved ? approvedAt : null,
      sent ? sentAt : null,
      voidedAt,
    ];

    let paidCents = 0;
    if (status === InvoiceStatus.PAID || status === InvoiceStatus.PARTIALLY_PAID) {
      const amounts =
        status === InvoiceStatus.PAID
          ? splitPaid(totalCents, random)
          : [Math.min(totalCents - 1, Math.max(1, Math.round((totalCents * between(25, 75)) / 100)))];
      let paidAt = at(issueDate, 17, between(5, 25));
      for (const amountCents of amounts) {
        if (paidAt.getTime() >= Date.parse(`${today}T00:00:00.000Z`)) paidAt = at(today, 9, -1);
        const reference = `${['ACH', 'WIRE', 'CHK'][between(0, 2)]}-${between(10_000_000, 99_999_999)}`;
        payments.push({
          id: ++paymentId,
          invoiceId: id,
          amountCents,
          currency,
          paidAt,
          reference,
          recordedById: (finance ?? executives[0]).id,
          createdAt: paidAt,
          updatedAt: paidAt,
          version: 1,
        });
        events.push(paidAt);
        paidCents += amountCents;
        paidAt = new Date(paidAt.getTime() + between(7, 20) * DAY_MS);
      }
    }
    const updatedAt = events.filter((d): d is Date => d !== null).reduce((a, b) => (a > b ? a : b));

    invoices.push({
      id,
      accountId: contract.accountId,
      contractId: contract.id,
      number: `INV-${year}-${String(next).padStart(5, '0')}`,
      status,
      issueDate,
      dueDate,
      currency,
      totalCents,
      paidCents,
      createdById: creator.id,
      submittedById: submitted ? creator.id : null,
      approvedById: approver?.id ?? null,
      approvedAt: approver ? approvedAt : null,
      sentAt: sent ? sentAt : null,
      voidedAt,
      voidReason:
        status !== InvoiceStatus.VOID
          ? null
          : sent
            ? 'Billed to the wrong cost center; reissued.'
            : 'Raised twice for the same period.',
      createdAt,
      updatedAt,
      version: events.filter((d) => d !== null).length,
    });
    for (const line of invoiceLines)
      lines.push({ ...line, id: ++lineId, invoiceId: id, currency, createdAt, updatedAt: createdAt, version: 1 });

    if (submitted) {
      const request = ++requestId;
      requests.push({
        id: request,
        subjectType: ApprovalSubjectType.INVOICE,
        subjectId: id,
        accountId: contract.accountId,
        amountCents: totalCents,
        currency,
        requestedById: creator.id,
        createdById: creator.id,
        requestedAt: submittedAt,
        status: approver ? ApprovalRequestStatus.APPROVED : ApprovalRequestStatus.PENDING,
        createdAt: submittedAt,
        updatedAt: approver ? approvedAt : submittedAt,
        version: approver ? 2 : 1,
      });
      if (approver) {
        decisions.push({
          id: ++decisionId,
          subjectType: ApprovalSubjectType.INVOICE,
          subjectId: id,
          requestId: request,
          decision: ApprovalDecisionKind.APPROVED,
          actorId: approver.id,
          note: chance(0.3) ? 'Checked against the contract billing schedule.' : null,
          amountCents: totalCents,
          currency,
          decidedAt: approvedAt,
          createdAt: approvedAt,
          updatedAt: approvedAt,
          version: 1,
        });
      }
    }
  }

  await insertChunks(em, Invoice, invoices);
  await insertChunks(em, InvoiceLine, lines);
  await insertChunks(em, Payment, payments);
  await insertChunks(em, ApprovalRequest, requests);
  await insertChunks(em, ApprovalDecision, decisions);
  const now = new Date();
  for (const [year, lastValue] of counters) {
    const name = `invoice-${year}`;
    if (sequences.has(name))
      await em.update(NumberSequence, { name }, { lastValue, updatedAt: now, version: () => 'version + 1' });
    else await em.insert(NumberSequence, { name, lastValue, createdAt: now, updatedAt: now, version: 1 });
  }
  return invoices.length;
}

/** The platform fee for the month, sometimes with premium support split out. */
function platformLines(plan: Planned, random: () => number): PlannedLine[] {
  const label = periodLabel(plan.periodStart);
  if (plan.budgetCents <= 0) return [];
  const support = random() < 0.3 ? Math.floor(plan.budgetCents * 0.1) : 0;
  const lines: PlannedLine[] = [
    {
      position: 1,
      description: `Member cost-transparency platform, ${label}`,
      quantityThousandths: 1000,
      unitPriceCents: plan.budgetCents - support,
      amountCents: plan.budgetCents - support,
    },
  ];
  if (support > 0)
    lines.push({
      position: 2,
      description: `Premium support, ${label}`,
      quantityThousandths: 1000,
      unitPriceCents: support,
      amountCents: support,
    });
  return lines;
}

/** Hours of implementation services (in quarter hours) and data loads (per thousand records), within the budget. */
function servicesLines(plan: Planned, random: () => number): PlannedLine[] {
  const label = periodLabel(plan.periodStart);
  const hoursBudget = Math.floor(plan.budgetCents * (0.5 + random() * 0.4));
  const quarterHours = Math.floor((hoursBudget * 4) / HOURLY_RATE_CENTS);
  const lines: PlannedLine[] = [];
  let used = 0;
  if (quarterHours > 0) {
    const quantityThousandths = quarterHours * 250;
    const amountCents = lineAmountCents(quantityThousandths, HOURLY_RATE_CENTS);
    lines.push({
      position: 1,
      description: `Implementation services, ${label} (hours)`,
      quantityThousandths,
      unitPriceCents: HOURLY_RATE_CENTS,
      amountCents,
    });
    used = amountCents;
  }
  // Thousands of records to three decimals; rounding half-even never takes the amount past the budget.
  const recordsThousandths = Math.floor(((plan.budgetCents - used - 1) * 1000) / PER_THOUSAND_RECORDS_CENTS);
  if (recordsThousandths > 0 && random() < 0.7) {
    const amountCents = lineAmountCents(recordsThousandths, PER_THOUSAND_RECORDS_CENTS);
    lines.push({
      position: lines.length + 1,
      description: `Claims data loads, ${label} (thousands of records)`,
      quantityThousandths: recordsThousandths,
      unitPriceCents: PER_THOUSAND_RECORDS_CENTS,
      amountCents,
    });
  }
  return lines;
}

/** By age: the latest are in the approval flow, the not-yet-due mostly sent, older ones mostly paid. */
export function pickStatus(
  issueDate: LocalDate,
  dueDate: LocalDate,
  today: LocalDate,
  random: () => number,
): InvoiceStatus {
  const roll = random();
  if (daysBetween(issueDate, today) <= 6) {
    return roll < 0.3
      ? InvoiceStatus.DRAFT
      : roll < 0.65
        ? InvoiceStatus.PENDING_APPROVAL
        : roll < 0.85
          ? InvoiceStatus.APPROVED
          : InvoiceStatus.SENT;
  }
  if (dueDate >= today)
    return roll < 0.75
      ? InvoiceStatus.SENT
      : roll < 0.85
        ? InvoiceStatus.PARTIALLY_PAID
        : roll < 0.98
          ? InvoiceStatus.PAID
          : InvoiceStatus.VOID;
  return roll < 0.86
    ? InvoiceStatus.PAID
    : roll < 0.91
      ? InvoiceStatus.PARTIALLY_PAID
      : roll < 0.97
        ? InvoiceStatus.SENT
        : InvoiceStatus.VOID;
}

/** Most invoices are paid at once; some in two instalments. */
export function splitPaid(totalCents: number, random: () => number): number[] {
  if (totalCents < 2 || random() >= 0.15) return [totalCents];
  const first = Math.max(1, Math.min(totalCents - 1, Math.round(totalCents * (0.3 + random() * 0.4))));
  return [first, totalCents - first];
}

/**
 * Someone with the authority (the default limits) who neither created nor submitted it: the
 * account's manager for small invoices, finance or a senior up to $250,000, an executive above.
 */
export function chooseApprover(
  totalCents: number,
  creator: User,
  owner: User | undefined,
  finance: User | undefined,
  seniors: User[],
  executives: User[],
): User {
  if (owner && owner.active && owner.id !== creator.id) {
    if (owner.role === Role.ACCOUNT_MANAGER && totalCents <= ACCOUNT_MANAGER_LIMIT_CENTS) return owner;
    if (owner.role === Role.SENIOR_ACCOUNT_MANAGER && totalCents <= SENIOR_AND_FINANCE_LIMIT_CENTS) return owner;
  }
  if (totalCents <= SENIOR_AND_FINANCE_LIMIT_CENTS) {
    if (finance && finance.id !== creator.id) return finance;
    const senior =
      seniors.find((s) => s.id === owner?.managerId && s.id !== creator.id) ?? seniors.find((s) => s.id !== creator.id);
    if (senior) return senior;
  }
  return executives.find((e) => e.id !== creator.id) ?? executives[0];
}
