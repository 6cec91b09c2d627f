import type { EntityManager } from 'typeorm';
import { addDays, daysBetween, type LocalDate } from '../../common/dates';
import { lineAmountCents } from '../../common/money';
import { Role } from '../../common/roles';
import { NumberSequence } from '../../common/sequence.entity';
import { Account, AccountKind, AccountStatus, AccountTier } from '../../modules/account/account.entity';
import {
  ApprovalDecision,
  ApprovalDecisionKind,
  ApprovalRequest,
  ApprovalRequestStatus,
  ApprovalSubjectType,
} from '../../modules/approval/approval.entity';
import {
  ClientIssue,
  ClientIssueCategory,
  ClientIssueEvent,
  ClientIssueEventKind,
  ClientIssueSeverity,
  ClientIssueStatus,
  SEVERITY_RANK,
} from '../../modules/client-issue/client-issue.entity';
import { DEFAULT_SLA_POLICY } from '../../config/sla-terms';
import { slaClock } from '../../modules/client-issue/sla';
import { Contact } from '../../modules/contact/contact.entity';
import { Contract, ContractStatus, ContractType } from '../../modules/contract/contract.entity';
import { Invoice, InvoiceLine, InvoiceStatus, Payment } from '../../modules/invoice/invoice.entity';
import {
  CostCategory,
  Health,
  Project,
  ProjectCost,
  ProjectMember,
  ProjectStatus,
  StatusUpdate,
} from '../../modules/project/project.entity';
import { AccountTeamMember, TeamRole } from '../../modules/team/team-member.entity';
import { User } from '../../modules/user/user.entity';
import type { Database } from '../database';
import { BulkInserter } from './bulk-insert';
import { CATEGORIES, RESOLUTIONS, SEVERITIES, TITLES, weighted } from './client-issues-seed';
import { CONTACT_SHAPES, DEMO_STAFF, FIRST_NAMES, LAST_NAMES, random, slug } from './demo-seed';
import { chooseApprover, periodLabel, pickStatus, splitPaid } from './invoices-seed';
import { COST_NOTES, NAMES as PROJECT_NAMES, NEXT_STEPS, RISKS, SUMMARIES, walk } from './projects-seed';

/** The scale portfolio at scale 1 (`--scale large`): what the issue asks to measure on. */
export const LARGE_SEED = {
  accounts: 2_000,
  contracts: 10_000,
  invoices: 100_000,
  linesPerInvoice: 10,
  clientIssues: 16_000,
  projects: 500,
  statusUpdatesPerProject: 50,
} as const;

/**
 * The day the portfolio is dated around. Fixed, so that every run writes the same rows (the demo
 * seed follows the calendar instead): invoices run up to it, open items are open as of it.
 */
export const LARGE_SEED_AS_OF: LocalDate = '2026-11-30';

export interface LargeSeedOptions {
  /** 1 for the full portfolio; a fraction (0.01 for tests) scales every count down. */
  scale: number;
  /** The day the data is dated around (LARGE_SEED_AS_OF by default). */
  asOf?: LocalDate;
}

export interface LargeSeedSummary {
  scale: number;
  asOf: LocalDate;
  /** Rows written per table. */
  rows: Record<string, number>;
  /** INSERT statements it took. */
  statements: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** A second and a third currency for a few accounts, so that totals must be kept apart by currency. */
const CURRENCIES: [string, number][] = [
  ['USD', 0.9],
  ['CAD', 0.07],
  ['EUR', 0.03],
];
const FAMILY_WORDS = [
  'Cascadia',
  'Summit',
  'Lone Star',
  'Great Lakes',
  'Magnolia',
  'Keystone',
  'Sierra',
  'Heartland',
  'Evergreen',
  'Sunbelt',
  'Atlantic',
  'Bayou',
  'Prairie',
  'Harbor',
  'Redwood',
  'Granite',
  'Blue Ridge',
  'Tidewater',
  'Copper',
  'Northern Lights',
  'Palmetto',
  'Big Sky',
  'Chesapeake',
  'Ozark',
  'Pinnacle',
  'Riverbend',
  'Mesa',
  'Lakeshore',
  'Golden Valley',
  'Pioneer',
];
const FAMILY_KINDS = ['Health', 'Health Plan', 'Care', 'Mutual', 'Community Plan', 'Health Partners'];
const REGIONS = [
  'Northeast',
  'Southeast',
  'Midwest',
  'Southwest',
  'West',
  'Northwest',
  'Mountain',
  'Gulf Coast',
  'Great Plains',
  'Mid-Atlantic',
];
const LINE_KINDS = [
  { description: 'Member cost-transparency platform', unitCents: 0 },
  { description: 'Premium support', unitCents: 0 },
  { description: 'Implementation services (hours)', unitCents: 18_500 },
  { description: 'Claims data loads (thousands of records)', unitCents: 42 },
  { description: 'Provider directory hosting', unitCents: 0 },
  { description: 'Price transparency file publication', unitCents: 0 },
];

/** Seeds the scale portfolio into an empty database, in one transaction; refuses (with why) otherwise. */
export async function seedLargeIfEmpty(db: Database, options: LargeSeedOptions): Promise<LargeSeedSummary> {
  return db.transaction(async (em) => {
    const [users, accounts] = [await em.count(User), await em.count(Account)];
    if (users > 0 || accounts > 0)
      throw new Error(
        `The database already has data (${users} users, ${accounts} accounts); the large seed loads only into an empty one. Point DATABASE_URL at a new database (or drop this one) and run it again.`,
      );
    return seedLarge(em, options);
  });
}

/** A contract as planned, before its id and number. */
interface PlannedContract {
  account: PlannedAccount;
  type: ContractType;
  status: ContractStatus;
  startDate: LocalDate;
  endDate: LocalDate;
  valueCents: number;
  renewalOf: PlannedContract | null;
  terminationDate: LocalDate | null;
  id: number;
}

interface PlannedAccount {
  id: number;
  name: string;
  parentId: number | null;
  ownerId: number;
  membersReached: number;
  tier: AccountTier;
  status: AccountStatus;
  currency: string;
  createdAt: Date;
  contactIds: number[];
}

/**
 * Writes the scale portfolio: the demo staff (so dev tokens work), accounts in health-plan families,
 * their contracts, invoices with lines, payments and approval trails, client issues with their
 * timelines, and projects with weekly status updates and costs. Everything comes from one seeded
 * PRNG and `asOf`, so the same options write the same rows; ids are explicit, in order, from 1.
 * Number sequences end at the highest number written, so the API's next numbers follow on.
 */
export async function seedLarge(em: EntityManager, options: LargeSeedOptions): Promise<LargeSeedSummary> {
  const scale = options.scale;
  if (!(scale > 0 && scale <= 1)) throw new Error(`The scale must be more than 0 and at most 1, not ${scale}.`);
  const asOf = options.asOf ?? LARGE_SEED_AS_OF;
  const count = (n: number, least = 1) => Math.max(least, Math.round(n * scale));
  const rand = random(20_100_000);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const chance = (p: number) => rand() < p;
  const at = (day: LocalDate, hours: number) => new Date(Date.parse(`${day}T00:00:00.000Z`) + hours * HOUR_MS);
  const asOfEnd = at(asOf, 24);

  const out = new BulkInserter(em).register(
    User,
    Account,
    Contact,
    AccountTeamMember,
    Contract,
    Invoice,
    InvoiceLine,
    Payment,
    ApprovalRequest,
    ApprovalDecision,
    Project,
    ProjectMember,
    ProjectCost,
    StatusUpdate,
    ClientIssue,
    ClientIssueEvent,
    NumberSequence,
  );

  // Staff: the demo's, with the demo's ids (1 up, in order), so `pnpm token --role ...` signs for them.
  const origin = at(addDays(asOf, -6 * 365), 16);
  const staff: User[] = [];
  for (const [index, person] of DEMO_STAFF.entries()) {
    const user = Object.assign(new User(), {
      id: index + 1,
      name: person.name,
      email: person.email,
      title: person.title,
      role: person.role,
      active: 'active' in person ? person.active : true,
      managerId: 'manager' in person ? staff[DEMO_STAFF.findIndex((s) => s.key === person.manager)].id : null,
      createdAt: origin,
      updatedAt: origin,
      version: 1,
    });
    staff.push(user);
    await out.add(User, { ...user });
  }
  const active = staff.filter((u) => u.active);
  const seniors = active.filter((u) => u.role === Role.SENIOR_ACCOUNT_MANAGER);
  const managers = active.filter((u) => u.role === Role.ACCOUNT_MANAGER);
  const finance = active.find((u) => u.role === Role.FINANCE);
  const executives = active.filter((u) => u.role === Role.EXECUTIVE || u.role === Role.ADMIN);
  const director = active.find((u) => u.role === Role.IT_DIRECTOR)!;
  const delivery = active.filter((u) => u.role === Role.PROJECT_MEMBER || u.role === Role.IT_DIRECTOR);
  const usersById = new Map(staff.map((u) => [u.id, u]));
  const contractApprover = executives.find((u) => u.role === Role.EXECUTIVE)!;

  // Accounts: families (a parent and 2-5 children sharing its owner) and standalone plans.
  const accountCount = count(LARGE_SEED.accounts);
  const accounts: PlannedAccount[] = [];
  let contactId = 0;
  let teamId = 0;
  while (accounts.length < accountCount) {
    const family = chance(0.55);
    const base = `${pick(FAMILY_WORDS)} ${pick(FAMILY_KINDS)}`;
    const parent = newAccount(`${base} ${String(accounts.length + 1).padStart(4, '0')}`, null);
    if (family) {
      const first = between(0, REGIONS.length - 1);
      for (let k = between(2, 5); k > 0 && accounts.length < accountCount; k--)
        newAccount(`${parent.name} of ${REGIONS[(first + k) % REGIONS.length]}`, parent);
    }
  }
  function newAccount(name: string, parent: PlannedAccount | null): PlannedAccount {
    const id = accounts.length + 1;
    const membersReached = parent
      ? between(20_000, 1_500_000)
      : Math.round(Math.exp(Math.log(10_000) + rand() * Math.log(500)));
    const tier =
      membersReached > 2_000_000
        ? AccountTier.STRATEGIC
        : membersReached > 700_000
          ? AccountTier.ENTERPRISE
          : AccountTier.GROWTH;
    const account: PlannedAccount = {
      id,
      name: name.slice(0, 200),
      parentId: parent?.id ?? null,
      ownerId: parent ? parent.ownerId : pick(tier === AccountTier.STRATEGIC ? seniors : managers).id,
      membersReached,
      tier,
      status: weighted(
        [
          [AccountStatus.ACTIVE, 0.8],
          [AccountStatus.AT_RISK, 0.1],
          [AccountStatus.ONBOARDING, 0.06],
          [AccountStatus.CHURNED, 0.04],
        ],
        rand,
      ),
      currency: parent ? parent.currency : weighted(CURRENCIES, rand),
      createdAt: new Date(origin.getTime() + id * 7 * 60_000),
      contactIds: [],
    };
    accounts.push(account);
    return account;
  }
  for (const account of accounts) {
    await out.add(Account, {
      id: account.id,
      name: account.name,
      kind: AccountKind.HEALTH_PLAN,
      tier: account.tier,
      status: account.status,
      membersReached: account.membersReached,
      region: pick(REGIONS),
      parentId: account.parentId,
      ownerId: account.ownerId,
      createdAt: account.createdAt,
      updatedAt: account.createdAt,
      version: 1,
    });
  }
  for (const account of accounts) {
    const domain = `${slug(account.name).slice(0, 40)}.example`;
    for (let i = 0; i < 2; i++) {
      const shape = CONTACT_SHAPES[(account.id + i) % CONTACT_SHAPES.length];
      const [first, last] = [pick(FIRST_NAMES), pick(LAST_NAMES)];
      account.contactIds.push(++contactId);
      await out.add(Contact, {
        id: contactId,
        accountId: account.id,
        name: `${first} ${last}`,
        title: shape.title,
        email: `${slug(first)}.${slug(last)}@${domain}`,
        phone: `+1 503 555 ${String(between(1000, 9999))}`,
        roles: shape.roles,
        isPrimary: i === 0,
        createdAt: account.createdAt,
        updatedAt: account.createdAt,
        version: 1,
      });
    }
    const member = pick(delivery);
    await out.add(AccountTeamMember, {
      id: ++teamId,
      accountId: account.id,
      userId: member.id,
      teamRole: member.role === Role.IT_DIRECTOR ? TeamRole.SOLUTIONS_ENGINEER : TeamRole.IMPLEMENTATION_LEAD,
      createdAt: account.createdAt,
      updatedAt: account.createdAt,
      version: 1,
    });
  }

  // Contracts: a master renewed term after term up to about now, and statements of work beside it.
  const contractCount = count(LARGE_SEED.contracts, accountCount);
  const perAccount = apportion(
    contractCount - accountCount,
    accounts.map((a) => Math.sqrt(a.membersReached)),
  ).map((n) => n + 1);
  const contracts: PlannedContract[] = [];
  for (const account of accounts) {
    const n = perAccount[account.id - 1];
    const annual = Math.max(2_500_000, Math.round((account.membersReached * pick([6, 8, 10, 12, 14])) / 1000) * 1000);
    const chain = Math.max(1, Math.ceil(n * 0.6));
    const terms = Array.from({ length: chain }, (_, k) => (k === 0 ? 730 : pick([365, 730])));
    const churned = account.status === AccountStatus.CHURNED;
    // The chain's last term holds `asOf` (or, for a churned account, ended before it).
    const lastStart = churned
      ? addDays(asOf, -terms[chain - 1] - between(30, 400))
      : addDays(asOf, -between(0, terms[chain - 1] - 1));
    let start = addDays(lastStart, -terms.slice(0, chain - 1).reduce((sum, t) => sum + t, 0));
    let previous: PlannedContract | null = null;
    for (let k = 0; k < chain; k++) {
      const end = addDays(start, terms[k] - 1);
      const contract: PlannedContract = {
        account,
        type: k === 0 ? ContractType.MASTER_SERVICES : ContractType.RENEWAL,
        status: end < asOf ? (k < chain - 1 ? ContractStatus.RENEWED : ContractStatus.EXPIRED) : ContractStatus.ACTIVE,
        startDate: start,
        endDate: end,
        valueCents: Math.round((annual * (terms[k] / 365) * (1 + 0.04 * k)) / 100) * 100,
        renewalOf: previous,
        terminationDate: null,
        id: 0,
      };
      if (contract.status === ContractStatus.ACTIVE && chance(0.02)) {
        contract.status = ContractStatus.TERMINATED;
        contract.terminationDate = addDays(asOf, -between(1, 60));
        if (contract.terminationDate < start) contract.terminationDate = start;
      }
      contracts.push(contract);
      previous = contract;
      start = addDays(end, 1);
    }
    const firstStart = contracts[contracts.length - chain].startDate;
    for (let k = chain; k < n; k++) {
      const sowStart = addDays(firstStart, between(0, Math.max(0, daysBetween(firstStart, asOf) + 60)));
      const sowEnd = addDays(sowStart, between(180, 365));
      contracts.push({
        account,
        type: ContractType.STATEMENT_OF_WORK,
        status:
          sowStart > asOf
            ? chance(0.5)
              ? ContractStatus.PENDING_APPROVAL
              : ContractStatus.DRAFT
            : sowEnd < asOf
              ? ContractStatus.EXPIRED
              : ContractStatus.ACTIVE,
        startDate: sowStart,
        endDate: sowEnd,
        valueCents: Math.round((annual * 0.25 * (daysBetween(sowStart, sowEnd) + 1)) / 365 / 100) * 100,
        renewalOf: null,
        terminationDate: null,
        id: 0,
      });
    }
  }
  // Ids and numbers in order of start, as they would have been created.
  contracts.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.account.id - b.account.id);
  contracts.forEach((contract, index) => (contract.id = index + 1));
  const contractCounters = new Map<string, number>();
  let requestId = 0;
  let decisionId = 0;
  for (const contract of contracts) {
    const year = contract.startDate.slice(0, 4);
    const next = (contractCounters.get(year) ?? 0) + 1;
    contractCounters.set(year, next);
    const owner = contract.account.ownerId;
    const createdAt = at(addDays(contract.startDate, -45), 17);
    const approved = contract.status !== ContractStatus.DRAFT && contract.status !== ContractStatus.PENDING_APPROVAL;
    const submitted = contract.status !== ContractStatus.DRAFT;
    const approvedAt = new Date(createdAt.getTime() + 3 * DAY_MS);
    const noticePeriodDays = pick([60, 90, 90, 120]);
    await out.add(Contract, {
      id: contract.id,
      accountId: contract.account.id,
      number: `C-${year}-${String(next).padStart(4, '0')}`,
      title:
        `${contract.account.name}: ${contract.type === ContractType.STATEMENT_OF_WORK ? 'provider transparency rollout' : 'member cost-transparency platform'} ${contract.startDate.slice(0, 4)}-${contract.endDate.slice(0, 4)}`.slice(
          0,
          200,
        ),
      type: contract.type,
      status: contract.status,
      startDate: contract.startDate,
      endDate: contract.endDate,
      signedAt: approved ? at(addDays(contract.startDate, -10), 18) : null,
      noticePeriodDays,
      noticeDeadline: addDays(contract.endDate, -noticePeriodDays),
      autoRenew: chance(0.4),
      valueCents: contract.valueCents,
      currency: contract.account.currency,
      ownerId: owner,
      renewalOfId: contract.renewalOf?.id ?? null,
      createdById: owner,
      submittedById: submitted ? owner : null,
      approvedById: approved ? contractApprover.id : null,
      approvedAt: approved ? approvedAt : null,
      terminationDate: contract.terminationDate,
      terminationReason: contract.terminationDate
        ? 'Client consolidated vendors after its merger; terminated by mutual agreement.'
        : null,
      createdAt,
      updatedAt: approved ? approvedAt : createdAt,
      version: approved ? 3 : submitted ? 2 : 1,
    });
    if (!submitted) continue;
    const requestedAt = new Date(createdAt.getTime() + DAY_MS);
    await out.add(ApprovalRequest, {
      id: ++requestId,
      subjectType: ApprovalSubjectType.CONTRACT,
      subjectId: contract.id,
      accountId: contract.account.id,
      amountCents: contract.valueCents,
      currency: contract.account.currency,
      requestedById: owner,
      createdById: owner,
      requestedAt,
      status: approved ? ApprovalRequestStatus.APPROVED : ApprovalRequestStatus.PENDING,
      createdAt: requestedAt,
      updatedAt: approved ? approvedAt : requestedAt,
      version: approved ? 2 : 1,
    });
    if (!approved) continue;
    await out.add(ApprovalDecision, {
      id: ++decisionId,
      subjectType: ApprovalSubjectType.CONTRACT,
      subjectId: contract.id,
      requestId,
      decision: ApprovalDecisionKind.APPROVED,
      actorId: contractApprover.id,
      note: 'Terms and pricing as negotiated.',
      amountCents: contract.valueCents,
      currency: contract.account.currency,
      decidedAt: approvedAt,
      createdAt: approvedAt,
      updatedAt: approvedAt,
      version: 1,
    });
  }

  // Invoices: shared out over the billed contracts by days billed so far, issued evenly over each.
  const billable = contracts.filter(
    (c) => c.status !== ContractStatus.DRAFT && c.status !== ContractStatus.PENDING_APPROVAL && c.startDate < asOf,
  );
  const billedDays = billable.map((c) => {
    const last = [c.endDate, c.terminationDate ?? c.endDate, asOf].sort()[0];
    return Math.max(1, daysBetween(c.startDate, last) + 1);
  });
  const invoiceCount = count(LARGE_SEED.invoices);
  const quotas = apportion(invoiceCount, billedDays);
  const planned: { contract: PlannedContract; issueDate: LocalDate; budgetCents: number; periodStart: LocalDate }[] =
    [];
  billable.forEach((contract, index) => {
    const quota = quotas[index];
    const termDays = daysBetween(contract.startDate, contract.endDate) + 1;
    const budgetCents = Math.floor((contract.valueCents * billedDays[index]) / termDays / Math.max(1, quota));
    for (let j = 0; j < quota; j++) {
      const periodStart = addDays(contract.startDate, Math.floor((j * billedDays[index]) / quota));
      const issueDate = addDays(contract.startDate, Math.floor(((j + 1) * billedDays[index]) / quota));
      planned.push({ contract, issueDate: issueDate > asOf ? asOf : issueDate, budgetCents, periodStart });
    }
  });
  planned.sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.contract.id - b.contract.id);

  const invoiceCounters = new Map<string, number>();
  let lineId = 0;
  let paymentId = 0;
  let lineDeviation = 0;
  for (const [index, plan] of planned.entries()) {
    const { contract, issueDate } = plan;
    const id = index + 1;
    const currency = contract.account.currency;
    const year = issueDate.slice(0, 4);
    const next = (invoiceCounters.get(year) ?? 0) + 1;
    invoiceCounters.set(year, next);
    // Lines per invoice vary around the mean in pairs (mean + d, then mean - d), so the total is exact.
    if (index % 2 === 0) lineDeviation = index === planned.length - 1 ? 0 : between(0, LARGE_SEED.linesPerInvoice - 2);
    const lineCount = LARGE_SEED.linesPerInvoice + (index % 2 === 0 ? lineDeviation : -lineDeviation);
    const createdAt = at(issueDate, 15 - 72);
    const label = periodLabel(plan.periodStart);
    let totalCents = 0;
    const lines: { description: string; quantityThousandths: number; unitPriceCents: number; amountCents: number }[] =
      [];
    // Weights split the budget; each line's quantity times its unit price comes to about its share.
    const weights = Array.from({ length: lineCount }, () => 0.2 + rand());
    const weightSum = weights.reduce((sum, w) => sum + w, 0);
    for (let k = 0; k < lineCount; k++) {
      const share = Math.max(100, Math.floor((plan.budgetCents * weights[k]) / weightSum));
      const kind = k === 0 ? LINE_KINDS[0] : pick(LINE_KINDS);
      let quantityThousandths: number;
      let unitPriceCents: number;
      if (kind.unitCents > 0) {
        unitPriceCents = kind.unitCents;
        quantityThousandths = Math.max(250, Math.floor((share * 1000) / unitPriceCents / 250) * 250);
      } else {
        quantityThousandths = 1000;
        unitPriceCents = share;
      }
      const amountCents = lineAmountCents(quantityThousandths, unitPriceCents);
      totalCents += amountCents;
      lines.push({ description: `${kind.description}, ${label}`, quantityThousandths, unitPriceCents, amountCents });
    }

    const dueDate = addDays(issueDate, chance(0.8) ? 30 : 45);
    let status = pickStatus(issueDate, dueDate, asOf, rand);
    if (status === InvoiceStatus.PARTIALLY_PAID && totalCents < 2) status = InvoiceStatus.PAID;
    const owner = usersById.get(contract.account.ownerId);
    const creator = finance && chance(0.8) ? finance : owner?.active ? owner : (finance ?? executives[0]);
    const voidedAsDraft = status === InvoiceStatus.VOID && chance(0.5);
    const submitted = status !== InvoiceStatus.DRAFT && !voidedAsDraft;
    const approved = submitted && status !== InvoiceStatus.PENDING_APPROVAL;
    const sent = approved && status !== InvoiceStatus.APPROVED;
    const approver = approved ? chooseApprover(totalCents, creator, owner, finance, seniors, executives) : null;
    const submittedAt = new Date(createdAt.getTime() + HOUR_MS);
    const approvedAt = at(issueDate, 16 - 24);
    const sentAt = at(issueDate, 14);
    const voidedAt = status !== InvoiceStatus.VOID ? null : sent ? at(issueDate, 11 + 48) : at(issueDate, 10 - 48);
    const events: Date[] = [createdAt];
    if (submitted) events.push(submittedAt);
    if (approved) events.push(approvedAt);
    if (sent) events.push(sentAt);
    if (voidedAt) events.push(voidedAt);

    const payments: { amountCents: number; paidAt: Date }[] = [];
    if (status === InvoiceStatus.PAID || status === InvoiceStatus.PARTIALLY_PAID) {
      const amounts =
        status === InvoiceStatus.PAID
          ? splitPaid(totalCents, rand)
          : [Math.min(totalCents - 1, Math.max(1, Math.round((totalCents * between(25, 75)) / 100)))];
      let paidAt = at(issueDate, 17 + 24 * between(5, 25));
      for (const amountCents of amounts) {
        if (paidAt >= asOfEnd) paidAt = at(asOf, 9);
        payments.push({ amountCents, paidAt });
        events.push(paidAt);
        paidAt = new Date(paidAt.getTime() + between(7, 20) * DAY_MS);
      }
    }
    const paidCents = payments.reduce((sum, p) => sum + p.amountCents, 0);
    await out.add(Invoice, {
      id,
      accountId: contract.account.id,
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
      updatedAt: events.reduce((a, b) => (a > b ? a : b)),
      version: events.length,
    });
    for (const [k, line] of lines.entries())
      await out.add(InvoiceLine, {
        id: ++lineId,
        invoiceId: id,
        position: k + 1,
        ...line,
        currency,
        createdAt,
        updatedAt: createdAt,
        version: 1,
      });
    for (const payment of payments)
      await out.add(Payment, {
        id: ++paymentId,
        invoiceId: id,
        amountCents: payment.amountCents,
        currency,
        paidAt: payment.paidAt,
        reference: `${pick(['ACH', 'WIRE', 'CHK'])}-${between(10_000_000, 99_999_999)}`,
        recordedById: (finance ?? executives[0]).id,
        createdAt: payment.paidAt,
        updatedAt: payment.paidAt,
        version: 1,
      });
    if (!submitted) continue;
    await out.add(ApprovalRequest, {
      id: ++requestId,
      subjectType: ApprovalSubjectType.INVOICE,
      subjectId: id,
      accountId: contract.account.id,
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
    if (!approver) continue;
    await out.add(ApprovalDecision, {
      id: ++decisionId,
      subjectType: ApprovalSubjectType.INVOICE,
      subjectId: id,
      requestId,
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

  // Projects: 50 weekly status updates each (a random walk per dimension), monthly costs, a small team.
  const activeByAccount = new Map<number, PlannedContract>();
  for (const contract of contracts)
    if (contract.status === ContractStatus.ACTIVE) activeByAccount.set(contract.account.id, contract);
  const weeks = LARGE_SEED.statusUpdatesPerProject;
  const projectCount = count(LARGE_SEED.projects);
  let updateId = 0;
  let costId = 0;
  let projectMemberId = 0;
  for (let p = 1; p <= projectCount; p++) {
    const account = accounts[Math.floor(((p - 1) * accounts.length) / projectCount)];
    const contract = activeByAccount.get(account.id) ?? null;
    const startDate = addDays(asOf, -(weeks * 7 + between(0, 540)));
    const plannedDays = weeks * 7 + between(-30, 90);
    const targetEndDate = addDays(startDate, plannedDays);
    const lastUpdate = addDays(startDate, (weeks - 1) * 7 + 4);
    const completed = targetEndDate < addDays(asOf, -30) && chance(0.8);
    const workEnd = completed ? (lastUpdate > targetEndDate ? lastUpdate : targetEndDate) : asOf;
    const budgetCents = between(50, 900) * 100_000;
    const spendRate = chance(0.18) ? 1.05 + rand() * 0.35 : 0.55 + rand() * 0.45;
    const lead = pick(delivery);
    const team = [...new Set([lead.id, pick(delivery).id, pick([...managers, ...seniors]).id])];
    const createdAt = at(addDays(startDate, -between(7, 21)), 15);
    const currency = contract?.account.currency ?? account.currency;

    const costs: { date: LocalDate; category: CostCategory; amountCents: number }[] = [];
    const workedDays = Math.max(0, daysBetween(startDate, workEnd));
    const spend = Math.round(budgetCents * Math.min(1, workedDays / plannedDays) * spendRate);
    const months = Math.max(1, Math.floor(workedDays / 30));
    for (let m = 0; m < months; m++) {
      for (const [category, share] of [
        [CostCategory.LABOR, 0.7],
        [CostCategory.VENDOR, 0.22],
        [CostCategory.OTHER, 0.08],
      ] as const) {
        const date = addDays(startDate, m * 30 + between(20, 29));
        if (date > asOf) continue;
        costs.push({
          date,
          category,
          amountCents: Math.max(1, Math.round((spend / months) * share * (0.85 + rand() * 0.3))),
        });
      }
    }
    const dims = { schedule: Health.GREEN, budget: Health.GREEN, scope: Health.GREEN, quality: Health.GREEN };
    const updates: (typeof dims & { overall: Health; postedAt: Date })[] = [];
    for (let w = 0; w < weeks; w++) {
      for (const key of ['schedule', 'budget', 'scope', 'quality'] as const) dims[key] = walk(dims[key], rand());
      if (spendRate > 1 && w > weeks / 2) dims.budget = w > weeks * 0.8 ? Health.RED : Health.AMBER;
      const worst = [dims.schedule, dims.budget, dims.scope, dims.quality];
      const overall = worst.includes(Health.RED)
        ? Health.RED
        : worst.includes(Health.AMBER)
          ? Health.AMBER
          : Health.GREEN;
      updates.push({ ...dims, overall, postedAt: at(addDays(startDate, w * 7 + 4), 16) });
    }
    const actualCostCents = costs.reduce((sum, c) => sum + c.amountCents, 0);
    await out.add(Project, {
      id: p,
      accountId: account.id,
      contractId: contract?.id ?? null,
      name: `${pick(PROJECT_NAMES)}${contract ? '' : ' (internal)'}`,
      description: chance(0.6)
        ? "Delivery project agreed with the client's sponsor; scope as in the statement of work."
        : null,
      status: completed ? ProjectStatus.COMPLETED : ProjectStatus.ACTIVE,
      startDate,
      targetEndDate,
      actualEndDate: completed ? workEnd : null,
      budgetCents,
      currency,
      actualCostCents,
      leadId: lead.id,
      health: updates[updates.length - 1].overall,
      createdById: account.ownerId,
      createdAt,
      updatedAt: updates[updates.length - 1].postedAt,
      version: 1 + updates.length,
    });
    for (const userId of team)
      await out.add(ProjectMember, {
        id: ++projectMemberId,
        projectId: p,
        userId,
        createdAt,
        updatedAt: createdAt,
        version: 1,
      });
    for (const cost of costs) {
      const recordedAt = at(cost.date, 17);
      await out.add(ProjectCost, {
        id: ++costId,
        projectId: p,
        date: cost.date,
        category: cost.category,
        amountCents: cost.amountCents,
        currency,
        note: pick(COST_NOTES[cost.category]),
        recordedById: pick(team),
        createdAt: recordedAt,
        updatedAt: recordedAt,
        version: 1,
      });
    }
    for (const update of updates)
      await out.add(StatusUpdate, {
        id: ++updateId,
        projectId: p,
        authorId: lead.id,
        postedAt: update.postedAt,
        overall: update.overall,
        schedule: update.schedule,
        budget: update.budget,
        scope: update.scope,
        quality: update.quality,
        summary: pick(SUMMARIES[update.overall]),
        risks: update.overall === Health.GREEN ? null : pick(RISKS),
        nextSteps: pick(NEXT_STEPS),
        correctsId: null,
        createdAt: update.postedAt,
        updatedAt: update.postedAt,
        version: 1,
      });
  }

  // Client issues over the two years before `asOf`, on the default SLA; most met it, the recent ones open.
  const issueCount = count(LARGE_SEED.clientIssues);
  const workers = [...managers, ...seniors, ...delivery.filter((u) => u.role === Role.PROJECT_MEMBER)];
  let eventId = 0;
  const span = 730 * DAY_MS;
  for (let id = 1; id <= issueCount; id++) {
    const account = pick(accounts);
    const severity = weighted(SEVERITIES, rand);
    const category = weighted(CATEGORIES, rand);
    // In order of report, so ids follow time as they would through the API.
    const reportedAt = new Date(
      asOfEnd.getTime() - span + Math.floor(((id - 1 + rand()) * span) / issueCount / HOUR_MS) * HOUR_MS,
    );
    const clock = slaClock(reportedAt, DEFAULT_SLA_POLICY[severity]);
    const worker =
      usersById.get(account.ownerId)!.active && chance(0.6) ? usersById.get(account.ownerId)! : pick(workers);
    const responseWindow = clock.responseDueAt.getTime() - reportedAt.getTime();
    const resolutionWindow = clock.resolutionDueAt.getTime() - reportedAt.getTime();
    const respondAt = new Date(
      reportedAt.getTime() + responseWindow * (chance(0.1) ? 1.1 + rand() : 0.1 + rand() * 0.8),
    );
    const resolveAt = new Date(
      reportedAt.getTime() + resolutionWindow * (chance(0.12) ? 1.05 + rand() * 0.8 : 0.2 + rand() * 0.75),
    );
    const firstResponseAt = respondAt < asOfEnd ? respondAt : null;
    const resolvedAt =
      firstResponseAt && resolveAt < asOfEnd && resolveAt > firstResponseAt && !chance(0.03) ? resolveAt : null;
    const closedAt =
      resolvedAt && resolvedAt.getTime() + 16 * DAY_MS < asOfEnd.getTime() && chance(0.75)
        ? new Date(resolvedAt.getTime() + between(2, 14) * DAY_MS)
        : null;
    const escalatedAt =
      severity === ClientIssueSeverity.CRITICAL && category === ClientIssueCategory.TECHNICAL ? reportedAt : null;
    const contactIdOf = chance(0.8) ? pick(account.contactIds) : null;
    const title = pick(TITLES[category]);
    const resolution = resolvedAt ? pick(RESOLUTIONS[category]) : null;
    const assigneeId = escalatedAt ? director.id : worker.id;

    const timeline: {
      kind: ClientIssueEventKind;
      at: Date;
      from: ClientIssueStatus | null;
      to: ClientIssueStatus | null;
      body: string | null;
    }[] = [
      { kind: ClientIssueEventKind.STATUS_CHANGE, at: reportedAt, from: null, to: ClientIssueStatus.OPEN, body: null },
    ];
    let current = ClientIssueStatus.OPEN;
    const move = (
      to: ClientIssueStatus,
      when: Date,
      kind = ClientIssueEventKind.STATUS_CHANGE,
      body: string | null = null,
    ) => {
      timeline.push({ kind, at: when, from: current, to, body });
      current = to;
    };
    if (escalatedAt)
      move(
        ClientIssueStatus.ESCALATED,
        escalatedAt,
        ClientIssueEventKind.ESCALATION,
        'CRITICAL TECHNICAL issue: escalated to the IT Director on report.',
      );
    if (firstResponseAt) {
      timeline.push({
        kind: ClientIssueEventKind.RESPONSE,
        at: firstResponseAt,
        from: null,
        to: null,
        body: 'Acknowledged; we are looking into it and will update you shortly.',
      });
      if (current === ClientIssueStatus.OPEN) move(ClientIssueStatus.IN_PROGRESS, firstResponseAt);
    }
    if (resolvedAt) move(ClientIssueStatus.RESOLVED, resolvedAt, ClientIssueEventKind.STATUS_CHANGE, resolution);
    if (closedAt) move(ClientIssueStatus.CLOSED, closedAt);

    await out.add(ClientIssue, {
      id,
      accountId: account.id,
      projectId: null,
      title,
      description: `${title}. Reported for ${account.name}.`,
      severity,
      severityRank: SEVERITY_RANK[severity],
      category,
      status: current,
      reportedByContactId: contactIdOf,
      reportedByUserId: contactIdOf ? null : worker.id,
      assigneeId,
      createdById: worker.id,
      reportedAt,
      ...clock,
      firstResponseAt,
      resolvedAt,
      resolution,
      conflictResolutionNote:
        resolvedAt && category === ClientIssueCategory.RELATIONSHIP
          ? 'Agreed a monthly executive check-in with the sponsor.'
          : null,
      escalatedAt,
      escalationReason: escalatedAt ? 'CRITICAL TECHNICAL issue: escalated to the IT Director on report.' : null,
      createdAt: reportedAt,
      updatedAt: timeline[timeline.length - 1].at,
      version: timeline.length,
    });
    for (const event of timeline)
      await out.add(ClientIssueEvent, {
        id: ++eventId,
        issueId: id,
        kind: event.kind,
        actorId: event.kind === ClientIssueEventKind.ESCALATION ? worker.id : assigneeId,
        at: event.at,
        body: event.body,
        fromStatus: event.from,
        toStatus: event.to,
        createdAt: event.at,
        updatedAt: event.at,
        version: 1,
      });
  }

  // Sequences end at the last number written, so the API's next contract and invoice numbers follow on.
  let sequenceId = 0;
  for (const [prefix, counters] of [
    ['contract', contractCounters],
    ['invoice', invoiceCounters],
  ] as const) {
    for (const [year, lastValue] of [...counters].sort()) {
      await out.add(NumberSequence, {
        id: ++sequenceId,
        name: `${prefix}-${year}`,
        lastValue,
        createdAt: asOfEnd,
        updatedAt: asOfEnd,
        version: 1,
      });
    }
  }
  await out.flush();
  const written = out.written;
  return { scale, asOf, rows: written.rows, statements: written.statements };
}

/** Splits `total` into whole parts in proportion to `weights` (largest remainder), so the parts add up to it exactly. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    parts[i]++;
  }
  return parts;
}
