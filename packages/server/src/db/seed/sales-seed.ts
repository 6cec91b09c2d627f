import type { EntityManager } from 'typeorm';
import { addDays, todayUtc, type LocalDate } from '../../common/dates';
import { Account, AccountTier } from '../../modules/account/account.entity';
import { ClientIssue } from '../../modules/client-issue/client-issue.entity';
import { Communication } from '../../modules/communication/communication.entity';
import { NumberSequence } from '../../common/sequence.entity';
import { Contract, ContractStatus, ContractType } from '../../modules/contract/contract.entity';
import {
  AccountOffering,
  AccountOfferingStatus,
  Offering,
  OfferingCategory,
} from '../../modules/offering/offering.entity';
import { Opportunity, OpportunityStage } from '../../modules/opportunity/opportunity.entity';
import { DEFAULT_PROBABILITY } from '../../modules/opportunity/pipeline.rules';
import { Project } from '../../modules/project/project.entity';

const DAY_MS = 86_400_000;

/** What a health-plan transparency vendor sells; the last one is retired, so it is never whitespace. */
const CATALOGUE: { name: string; category: OfferingCategory; description: string; active?: boolean }[] = [
  {
    name: 'Cost Estimator',
    category: OfferingCategory.COST_TRANSPARENCY,
    description: 'Member-facing out-of-pocket estimates for 1,500+ shoppable services, from the plan’s own rates.',
  },
  {
    name: 'Provider Finder',
    category: OfferingCategory.PROVIDER_SEARCH,
    description: 'In-network provider and facility search with specialties, languages and accepting-new-patients.',
  },
  {
    name: 'Quality & Value Scores',
    category: OfferingCategory.CARE_NAVIGATION,
    description: 'Provider quality and cost-efficiency ratings that steer members to high-value care.',
  },
  {
    name: 'Care Guidance',
    category: OfferingCategory.CARE_NAVIGATION,
    description: 'Guided care paths for common procedures, with nurse-advocate hand-off.',
  },
  {
    name: 'Member Rewards',
    category: OfferingCategory.MEMBER_ENGAGEMENT,
    description: 'Incentives for choosing lower-cost, high-quality providers; paid through the plan’s card vendor.',
  },
  {
    name: 'Outreach Campaigns',
    category: OfferingCategory.MEMBER_ENGAGEMENT,
    description: 'Targeted email, SMS and mail campaigns that bring members to the tools before a procedure.',
  },
  {
    name: 'Engagement Analytics',
    category: OfferingCategory.ANALYTICS,
    description: 'Adoption, shopping and savings dashboards for the plan, with a monthly data extract.',
  },
  {
    name: 'TiC Machine-Readable Files',
    category: OfferingCategory.COMPLIANCE,
    description: 'Transparency in Coverage in-network and allowed-amount files, built and published monthly.',
  },
  {
    name: 'No Surprises Act Toolkit',
    category: OfferingCategory.COMPLIANCE,
    description: 'Advanced EOBs, good-faith estimates and directory accuracy attestations.',
  },
  {
    name: 'Implementation & Integration',
    category: OfferingCategory.PROFESSIONAL_SERVICES,
    description: 'Eligibility, claims and SSO integration, configuration and launch support.',
  },
  {
    name: 'Legacy Price Compare',
    category: OfferingCategory.COST_TRANSPARENCY,
    description: 'The first-generation price comparison widget, replaced by Cost Estimator.',
    active: false,
  },
];

/** Every plan starts with these; the rest are sold later, so accounts differ in what they lack. */
const CORE = ['Cost Estimator', 'Provider Finder', 'TiC Machine-Readable Files'];

const LOSS_REASONS = [
  'Budget frozen for the year after the Medicaid redetermination losses.',
  'Chose a competitor bundled with their PBM contract.',
  'Sponsor left the plan; the new VP is reviewing all vendors.',
  'Built an in-house estimator with their claims team.',
  'Timing: the board deferred digital spend to next fiscal year.',
];

const NEEDS = [
  'Members call the contact centre for price quotes the tool could answer',
  'Regulator asked for evidence of price transparency adoption',
  'Sponsor wants savings figures for the board',
  'Network team wants to steer members to centres of excellence',
  'Open enrolment campaign needs member outreach',
];

/**
 * The sales side of the demo: a catalogue of eleven offerings (one retired), which offerings each
 * account has (leaving whitespace to sell into), and ~90 opportunities across the stages, found in
 * projects, communications and client issues; won ones are linked to the statements of work they
 * became, lost ones carry their reason. Dated around the day the seed runs, as the contracts are.
 */
export async function seedSales(
  em: EntityManager,
  random: () => number,
  today = todayUtc(),
): Promise<{ offerings: number; opportunities: number }> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const base = new Date(`${addDays(today, -400)}T09:00:00Z`);
  const offerings: Offering[] = [];
  for (const item of CATALOGUE) {
    offerings.push(
      await em.save(
        em.create(Offering, {
          name: item.name,
          category: item.category,
          description: item.description,
          active: item.active ?? true,
          createdAt: base,
          updatedAt: base,
          version: 1,
        }),
      ),
    );
  }
  const byName = new Map(offerings.map((o) => [o.name, o]));
  const sellable = offerings.filter((o) => o.active && !CORE.includes(o.name));

  const accounts = await em.find(Account, { order: { id: 'ASC' } });
  const held: Partial<AccountOffering>[] = [];
  const has = new Map<number, Set<number>>();
  for (const account of accounts) {
    const owned = new Set<number>();
    has.set(account.id, owned);
    const since = addDays(today, -200 - Math.floor(random() * 900));
    const add = (offering: Offering, status: AccountOfferingStatus, from: LocalDate) => {
      owned.add(offering.id);
      const at = new Date(`${from}T12:00:00Z`);
      held.push({
        accountId: account.id,
        offeringId: offering.id,
        since: from,
        status,
        createdAt: at,
        updatedAt: at,
        version: 1,
      });
    };
    for (const name of CORE) if (random() < 0.85) add(byName.get(name)!, AccountOfferingStatus.ACTIVE, since);
    if (random() < 0.3) add(byName.get('Legacy Price Compare')!, AccountOfferingStatus.ENDED, addDays(since, -400));
    // Larger plans buy more of the catalogue.
    const extra = account.tier === AccountTier.STRATEGIC ? 4 : account.tier === AccountTier.ENTERPRISE ? 2 : 1;
    for (let i = 0; i < extra; i++) {
      const offering = pick(sellable);
      if (owned.has(offering.id)) continue;
      const status = pick([
        AccountOfferingStatus.ACTIVE,
        AccountOfferingStatus.ACTIVE,
        AccountOfferingStatus.ACTIVE,
        AccountOfferingStatus.PILOT,
        AccountOfferingStatus.SUSPENDED,
        AccountOfferingStatus.ENDED,
      ]);
      add(offering, status, addDays(since, 30 + Math.floor(random() * 300)));
    }
  }
  for (let i = 0; i < held.length; i += 200) await em.insert(AccountOffering, held.slice(i, i + 200));

  // Where needs were spotted: each account's projects, client issues and communications.
  const sources = new Map<number, { column: keyof Opportunity; id: number }[]>();
  const addSource = (accountId: number, column: keyof Opportunity, id: number) => {
    const list = sources.get(accountId) ?? [];
    list.push({ column, id });
    sources.set(accountId, list);
  };
  for (const p of await em.find(Project, { select: { id: true, accountId: true } }))
    addSource(p.accountId, 'sourceProjectId', p.id);
  for (const c of await em.find(Communication, { select: { id: true, accountId: true } }))
    addSource(c.accountId, 'sourceCommunicationId', c.id);
  for (const c of await em.find(ClientIssue, {
    select: { id: true, accountId: true },
    take: 400,
    order: { id: 'ASC' },
  }))
    addSource(c.accountId, 'sourceClientIssueId', c.id);

  // Won ones became statements of work: link each to one of its account's, never one twice.
  const statements = await em.find(Contract, {
    where: { type: ContractType.STATEMENT_OF_WORK },
    order: { id: 'ASC' },
  });
  const wonContracts = new Map<number, Contract[]>();
  for (const contract of statements) {
    const list = wonContracts.get(contract.accountId) ?? [];
    list.push(contract);
    wonContracts.set(contract.accountId, list);
  }

  const rows: Partial<Opportunity>[] = [];
  const target = 90;
  for (let n = 0; n < target; n++) {
    const account = accounts[Math.floor(random() * accounts.length)];
    const gaps = offerings.filter((o) => o.active && !has.get(account.id)!.has(o.id));
    const offering = gaps.length > 0 && random() < 0.85 ? pick(gaps) : null;
    const roll = random();
    const linkable = wonContracts.get(account.id) ?? [];
    const stage =
      roll < 0.2
        ? OpportunityStage.PROSPECTING
        : roll < 0.4
          ? OpportunityStage.QUALIFIED
          : roll < 0.55
            ? OpportunityStage.PROPOSAL
            : roll < 0.67
              ? OpportunityStage.NEGOTIATION
              : roll < 0.85
                ? OpportunityStage.WON
                : OpportunityStage.LOST;
    const what =
      offering?.name ??
      pick(['Custom reporting package', 'Expansion to the Medicare Advantage line', 'Integration services']);
    const title = `${what} for ${account.name}`.slice(0, 200);
    const foreign = stage !== OpportunityStage.WON && random() < 0.06;
    // About $0.02 to $0.12 per member a year, in whole hundreds of dollars, at least $25,000.
    const estimate = Math.max(2_500_000, Math.round((account.membersReached * (2 + random() * 10)) / 10_000) * 10_000);
    const open = stage !== OpportunityStage.WON && stage !== OpportunityStage.LOST;
    let expectedCloseDate = open
      ? addDays(today, -20 + Math.floor(random() * 300))
      : addDays(today, -10 - Math.floor(random() * 300));
    let closedAt = open
      ? null
      : new Date(Date.parse(`${expectedCloseDate}T15:00:00Z`) - Math.floor(random() * 10) * DAY_MS);
    let contract: Contract | null = null;
    if (stage === OpportunityStage.WON) {
      // A won one became a statement of work: one of the account's, or a DRAFT still being written.
      contract = linkable.shift() ?? null;
      if (contract) {
        expectedCloseDate = contract.startDate;
        closedAt = contract.createdAt;
      } else {
        expectedCloseDate = addDays(today, -1 - Math.floor(random() * 60));
        closedAt = new Date(`${expectedCloseDate}T16:00:00Z`);
        contract = await draftContract(em, account, title, estimate, addDays(expectedCloseDate, 30), closedAt);
      }
    }
    const amountCents = contract ? contract.valueCents : estimate;
    const createdAt = new Date(
      Math.min(Date.parse(`${expectedCloseDate}T10:00:00Z`), Date.parse(`${today}T10:00:00Z`)) -
        (45 + Math.floor(random() * 120)) * DAY_MS,
    );
    const found = sources.get(account.id) ?? [];
    const source = found.length > 0 && random() < 0.75 ? pick(found) : null;
    const jitter = open ? Math.floor(random() * 11) - 5 : 0;
    rows.push({
      accountId: account.id,
      offeringId: offering?.id ?? null,
      title,
      description: `${pick(NEEDS)}.`,
      sourceProjectId: source?.column === 'sourceProjectId' ? source.id : null,
      sourceCommunicationId: source?.column === 'sourceCommunicationId' ? source.id : null,
      sourceClientIssueId: source?.column === 'sourceClientIssueId' ? source.id : null,
      status: stage,
      amountCents,
      currency: contract ? contract.currency : foreign ? 'CAD' : 'USD',
      probability: Math.min(100, Math.max(0, DEFAULT_PROBABILITY[stage] + jitter)),
      expectedCloseDate,
      ownerId: contract ? contract.ownerId : account.ownerId!,
      closedAt,
      lostReason: stage === OpportunityStage.LOST ? pick(LOSS_REASONS) : null,
      contractId: contract?.id ?? null,
      createdById: account.ownerId!,
      createdAt,
      updatedAt: closedAt ?? createdAt,
      version: open ? 1 + Math.floor(random() * 3) : 3,
    });
  }
  for (let i = 0; i < rows.length; i += 200) await em.insert(Opportunity, rows.slice(i, i + 200));
  return { offerings: offerings.length, opportunities: rows.length };
}

/** A DRAFT statement of work for a just-won opportunity, numbered from the contracts' own sequence. */
async function draftContract(
  em: EntityManager,
  account: Account,
  title: string,
  valueCents: number,
  startDate: LocalDate,
  at: Date,
): Promise<Contract> {
  const year = startDate.slice(0, 4);
  const name = `contract-${year}`;
  const sequence = await em.findOneBy(NumberSequence, { name });
  const next = (sequence?.lastValue ?? 0) + 1;
  if (sequence) await em.update(NumberSequence, { name }, { lastValue: next, updatedAt: at });
  else await em.insert(NumberSequence, { name, lastValue: next, createdAt: at, updatedAt: at, version: 1 });
  const endDate = addDays(startDate, 364);
  return em.save(
    em.create(Contract, {
      accountId: account.id,
      number: `C-${year}-${String(next).padStart(4, '0')}`,
      title,
      type: ContractType.STATEMENT_OF_WORK,
      status: ContractStatus.DRAFT,
      startDate,
      endDate,
      signedAt: null,
      noticePeriodDays: 90,
      noticeDeadline: addDays(endDate, -90),
      autoRenew: false,
      valueCents,
      currency: 'USD',
      ownerId: account.ownerId!,
      renewalOfId: null,
      createdById: account.ownerId!,
      submittedById: null,
      approvedById: null,
      approvedAt: null,
      terminationDate: null,
      terminationReason: null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    }),
  );
}
