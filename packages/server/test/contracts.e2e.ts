import type { AccountGraphClient, CreateContractInput } from '@account-graph/sdk';
import { Role } from '../src/common/roles';
import { expectError } from './support/expect-error';
import { TestServer } from './support/harness';

/** Contracts, renewals and the approval engine through the SDK. */
let server: TestServer;
let jordan: AccountGraphClient;
let marcus: AccountGraphClient;
let vp: AccountGraphClient;
let accountId: string;

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const dollars = (amount: number) => ({ amountCents: amount * 100, currency: 'USD' });

async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return server.db.dataSource.query(query, params);
}

async function draft(client: AccountGraphClient, overrides: Partial<CreateContractInput> = {}) {
  const input: CreateContractInput = {
    accountId,
    title: 'Transparency platform',
    type: 'STATEMENT_OF_WORK',
    startDate: inDays(-30),
    endDate: inDays(335),
    value: dollars(40_000),
    ...overrides,
  };
  return (await client.createContract({ input })).createContract.contract;
}

/** A contract someone else created and submitted, ready for a decision. */
async function pending(amount: number, author = marcus) {
  const contract = await draft(author, { value: dollars(amount) });
  return (await author.submitContract({ input: { id: contract.id } })).submitContract.contract;
}

beforeAll(async () => {
  server = await TestServer.start();
  jordan = await server.client('jordan');
  marcus = await server.client('marcus');
  vp = await server.client(Role.EXECUTIVE);
  const [row] = await sql<{ id: number }>(
    "SELECT id FROM account WHERE ownerId = (SELECT id FROM user WHERE email = 'jordan.kim@accountgraph.example') ORDER BY id LIMIT 1",
  );
  accountId = Buffer.from(`Account:${row.id}`).toString('base64');
});

afterAll(async () => {
  await server.close();
});

describe('creating and editing contracts', () => {
  it('creates a numbered DRAFT with its notice deadline, audited', async () => {
    const contract = await draft(jordan, {
      noticePeriodDays: 60,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      autoRenew: true,
    });
    expect(contract).toMatchObject({
      status: 'DRAFT',
      noticeDeadline: '2027-11-01',
      autoRenew: true,
      value: { amountCents: 4_000_000, currency: 'USD' },
      owner: { name: 'Jordan Kim' },
      version: 1,
    });
    expect(contract.number).toMatch(/^C-2026-\d{4}$/);
    const { auditEvents } = await vp.auditEvents({ first: 1, filter: { entityId: contract.id } });
    expect(auditEvents.edges[0].node).toMatchObject({
      action: 'createContract',
      changes: expect.objectContaining({ valueCents: { before: null, after: 4_000_000 } }),
    });
  });

  it('keeps 10^13 cents exact', async () => {
    const contract = await draft(jordan, { value: { amountCents: 10_000_000_000_000 } });
    expect(contract.value).toEqual({ amountCents: 10_000_000_000_000, currency: 'USD' });
    const [row] = await sql<{ valueCents: string | number }>('SELECT valueCents FROM contract WHERE number = ?', [
      contract.number,
    ]);
    expect(String(row.valueCents)).toBe('10000000000000');
  });

  it('refuses a term that ends before it starts, a negative value and a bad currency, writing nothing', async () => {
    const [{ total: before }] = await sql<{ total: number }>('SELECT COUNT(*) AS total FROM contract');
    const term = await expectError(draft(jordan, { startDate: '2026-06-01', endDate: '2026-05-31' }), 'BAD_USER_INPUT');
    expect(term.fields).toEqual([
      { path: 'input.endDate', message: 'the end date must be on or after the start date' },
    ]);
    const negative = await expectError(draft(jordan, { value: dollars(-1) }), 'BAD_USER_INPUT');
    expect(negative.fields).toEqual([
      { path: 'input.value.amountCents', message: 'a contract value cannot be negative' },
    ]);
    const currency = await expectError(draft(jordan, { value: { amountCents: 1, currency: 'usd' } }), 'BAD_USER_INPUT');
    expect(currency.fields).toEqual([
      { path: 'input.value.currency', message: 'currency must be an ISO 4217 code such as USD' },
    ]);
    const huge = await expectError(draft(jordan, { value: { amountCents: 10_000_000_000_001 } }), 'BAD_USER_INPUT');
    expect(huge.fields[0].path).toBe('input.value.amountCents');
    const [{ total: after }] = await sql<{ total: number }>('SELECT COUNT(*) AS total FROM contract');
    expect(Number(after)).toBe(Number(before));
  });

  it('changes only a DRAFT, with expectedVersion', async () => {
    const contract = await draft(jordan);
    const updated = (
      await jordan.updateContract({
        input: { id: contract.id, expectedVersion: 1, title: 'Renamed', noticePeriodDays: 30 },
      })
    ).updateContract.contract;
    expect(updated).toMatchObject({ title: 'Renamed', noticePeriodDays: 30, version: 2 });
    await expectError(
      jordan.updateContract({ input: { id: contract.id, expectedVersion: 1, title: 'Lost' } }),
      'CONFLICT',
    );
    await jordan.submitContract({ input: { id: contract.id } });
    const locked = await expectError(
      jordan.updateContract({ input: { id: contract.id, expectedVersion: 3, title: 'Too late' } }),
      'CONFLICT',
    );
    expect(locked.message).toMatch(/only a DRAFT contract can be changed/);
  });

  it('numbers contracts created at the same moment without repeats or gaps', async () => {
    const created = await Promise.all(
      Array.from({ length: 20 }, () => draft(jordan, { startDate: '2031-01-01', endDate: '2031-12-31' })),
    );
    const numbers = created.map((c) => Number(c.number.slice('C-2031-'.length))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe('approving contracts', () => {
  it('lets an account manager approve within $50,000 what someone else created and submitted', async () => {
    const contract = await pending(40_000);
    const { approveContract } = await jordan.approveContract({
      input: { id: contract.id, note: 'Terms as agreed with the sponsor' },
    });
    expect(approveContract.contract).toMatchObject({ status: 'ACTIVE', approvedAt: expect.any(String) });
    expect(approveContract.decision).toMatchObject({
      decision: 'APPROVED',
      note: 'Terms as agreed with the sponsor',
      amount: { amountCents: 4_000_000 },
      actor: { name: 'Jordan Kim' },
    });
    const { contract: read } = await vp.contract({ id: contract.id });
    expect(read!.approvals.edges.map((e) => e.node.decision)).toEqual(['APPROVED']);
  });

  it('refuses self-approval, whoever the approver is', async () => {
    const own = await pending(10_000, vp);
    const error = await expectError(vp.approveContract({ input: { id: own.id } }), 'FORBIDDEN');
    expect(error.message).toMatch(/segregation of duties/);
    const drafted = await draft(jordan, { value: dollars(10_000) });
    await marcus.submitContract({ input: { id: drafted.id } });
    await expectError(jordan.approveContract({ input: { id: drafted.id } }), 'FORBIDDEN');
    await expectError(marcus.approveContract({ input: { id: drafted.id } }), 'FORBIDDEN');
  });

  it('sends amounts above a limit up the chain, naming who can approve', async () => {
    const mid = await pending(100_000);
    const amError = await expectError(jordan.approveContract({ input: { id: mid.id } }), 'FORBIDDEN');
    expect(amError.message).toBe(
      `contract ${mid.number} is for USD 100,000.00, above your approval limit of USD 50,000.00. A ` +
        `senior account manager (up to USD 250,000.00) or an executive must approve it.`,
    );
    const large = await pending(300_000, jordan);
    const seniorError = await expectError(marcus.approveContract({ input: { id: large.id } }), 'FORBIDDEN');
    expect(seniorError.message).toMatch(
      /above your approval limit of USD 250,000.00\. An executive or an admin must approve it\./,
    );
    await expect(vp.approveContract({ input: { id: large.id } })).resolves.toBeDefined();
    const finance = await server.client(Role.FINANCE);
    await expectError(finance.approveContract({ input: { id: mid.id } }), 'FORBIDDEN');
    const casey = await server.client('casey');
    await expectError(casey.approveContract({ input: { id: mid.id } }), 'NOT_FOUND');
  });

  it('rejects back to DRAFT with a reason, after which it can be submitted again', async () => {
    const contract = await pending(20_000);
    const noReason = await expectError(
      jordan.rejectContract({ input: { id: contract.id, reason: '  ' } }),
      'BAD_USER_INPUT',
    );
    expect(noReason.fields[0].path).toBe('input.reason');
    const { rejectContract } = await jordan.rejectContract({
      input: { id: contract.id, reason: 'Notice period must be 90 days' },
    });
    expect(rejectContract.contract.status).toBe('DRAFT');
    expect(rejectContract.decision).toMatchObject({ decision: 'REJECTED', note: 'Notice period must be 90 days' });
    await expectError(jordan.approveContract({ input: { id: contract.id } }), 'CONFLICT');
    const resubmitted = (await marcus.submitContract({ input: { id: contract.id } })).submitContract.contract;
    expect(resubmitted.status).toBe('PENDING_APPROVAL');
  });

  it('refuses every lifecycle step at a stale expectedVersion with STALE_VERSION, changing nothing', async () => {
    const contract = await pending(20_000);
    expect(contract.version).toBe(2);
    const actions = async () =>
      (await vp.auditEvents({ first: 20, filter: { entityId: contract.id } })).auditEvents.edges.map(
        (e) => e.node.action,
      );
    const stale = async (call: Promise<unknown>, actualVersion: number) => {
      const error = await expectError(call, 'CONFLICT');
      expect(error.reason).toBe('STALE_VERSION');
      expect(error.extensions).toMatchObject({ expectedVersion: 1, actualVersion });
    };
    await stale(jordan.approveContract({ input: { id: contract.id, expectedVersion: 1 } }), 2);
    await stale(jordan.rejectContract({ input: { id: contract.id, expectedVersion: 1, reason: 'Stale' } }), 2);
    expect((await vp.contract({ id: contract.id })).contract).toMatchObject({ status: 'PENDING_APPROVAL', version: 2 });
    expect(await actions()).toEqual(['submitContract', 'createContract']);
    const rowId = Number(Buffer.from(contract.id, 'base64').toString().split(':')[1]);
    const [{ decisions }] = await sql<{ decisions: number }>(
      "SELECT COUNT(*) AS decisions FROM approval_decision WHERE subjectType = 'CONTRACT' AND subjectId = ?",
      [rowId],
    );
    expect(Number(decisions)).toBe(0);

    const approved = (await jordan.approveContract({ input: { id: contract.id, expectedVersion: 2 } })).approveContract
      .contract;
    expect(approved).toMatchObject({ status: 'ACTIVE', version: 3 });

    const termination = { reason: 'Client merged', terminationDate: inDays(10) };
    await stale(marcus.terminateContract({ input: { id: contract.id, expectedVersion: 1, ...termination } }), 3);
    await stale(jordan.renewContract({ input: { id: contract.id, expectedVersion: 1 } }), 3);
    const { contract: after } = await vp.contract({ id: contract.id });
    expect(after).toMatchObject({ status: 'ACTIVE', version: 3, renewals: { totalCount: 0 } });
    expect(await actions()).toEqual(['approveContract', 'submitContract', 'createContract']);

    const terminated = (
      await marcus.terminateContract({ input: { id: contract.id, expectedVersion: 3, ...termination } })
    ).terminateContract.contract;
    expect(terminated).toMatchObject({ status: 'TERMINATED', version: 4 });
  });

  it('lets exactly one of 20 concurrent approvals through: one decision, one audit event', async () => {
    const contract = await pending(30_000, jordan);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => vp.approveContract({ input: { id: contract.id } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason.code),
    ).toEqual(Array(19).fill('CONFLICT'));
    const rowId = Number(Buffer.from(contract.id, 'base64').toString().split(':')[1]);
    const [{ decisions }] = await sql<{ decisions: number }>(
      "SELECT COUNT(*) AS decisions FROM approval_decision WHERE subjectType = 'CONTRACT' AND subjectId = ?",
      [rowId],
    );
    expect(Number(decisions)).toBe(1);
    const { auditEvents } = await vp.auditEvents({
      first: 50,
      filter: { entityId: contract.id, action: 'approveContract' },
    });
    expect(auditEvents.totalCount).toBe(1);
  });

  it('shows each approver the queue they could decide', async () => {
    const small = await pending(5_000, jordan);
    const big = await pending(120_000, jordan);
    const queueOf = async (client: AccountGraphClient) =>
      (await client.approvalQueue({ first: 100 })).approvalQueue.edges.map((e) => e.node.subject);
    const marcusQueue = await queueOf(marcus);
    expect(marcusQueue).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: small.id }), expect.objectContaining({ id: big.id })]),
    );
    const jordansQueue = await queueOf(jordan);
    expect(jordansQueue.map((s) => s?.__typename === 'Contract' && s.id)).not.toContain(small.id);
    const finance = await server.client(Role.FINANCE);
    expect((await queueOf(finance)).filter((subject) => subject?.__typename === 'Contract')).toEqual([]);
    const taylor = await server.client('taylor');
    expect((await queueOf(taylor)).map((s) => s?.__typename === 'Contract' && s.id)).not.toContain(big.id);
  });
});

describe('renewals and termination', () => {
  async function active(amount = 20_000, overrides: Partial<CreateContractInput> = {}) {
    const contract = await draft(jordan, { value: dollars(amount), ...overrides });
    await jordan.submitContract({ input: { id: contract.id } });
    return (await marcus.approveContract({ input: { id: contract.id } })).approveContract.contract;
  }

  it('renews an ACTIVE contract into a DRAFT whose activation marks the predecessor RENEWED', async () => {
    const original = await active(20_000, { startDate: '2025-01-01', endDate: '2025-12-31' });
    const renewal = (await jordan.renewContract({ input: { id: original.id, value: dollars(22_000) } })).renewContract
      .contract;
    expect(renewal).toMatchObject({
      status: 'DRAFT',
      type: 'RENEWAL',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      value: { amountCents: 2_200_000 },
      renewalOf: { id: original.id },
    });
    const again = await expectError(jordan.renewContract({ input: { id: original.id } }), 'CONFLICT');
    expect(again.message).toMatch(/already has a renewal in progress/);
    await expectError(jordan.renewContract({ input: { id: renewal.id } }), 'CONFLICT');
    await jordan.submitContract({ input: { id: renewal.id } });
    await marcus.approveContract({ input: { id: renewal.id } });
    const { contract: predecessor } = await jordan.contract({ id: original.id });
    expect(predecessor).toMatchObject({ status: 'RENEWED', renewals: { totalCount: 1 } });
  });

  it('terminates with a reason and a date inside the term; seniors and up only', async () => {
    const contract = await active();
    await expectError(
      jordan.terminateContract({ input: { id: contract.id, reason: 'Client merged', terminationDate: inDays(10) } }),
      'FORBIDDEN',
    );
    const outside = await expectError(
      marcus.terminateContract({ input: { id: contract.id, reason: 'Client merged', terminationDate: inDays(900) } }),
      'BAD_USER_INPUT',
    );
    expect(outside.fields[0].path).toBe('input.terminationDate');
    const { terminateContract } = await marcus.terminateContract({
      input: { id: contract.id, reason: 'Client merged', terminationDate: inDays(10) },
    });
    expect(terminateContract.contract).toMatchObject({
      status: 'TERMINATED',
      terminationReason: 'Client merged',
      terminationDate: inDays(10),
    });
    await expectError(jordan.renewContract({ input: { id: contract.id } }), 'CONFLICT');
  });
});

describe('the renewal pipeline', () => {
  it('lists ACTIVE contracts ending within the horizon, soonest notice deadline first, in scope', async () => {
    const soon = await draft(jordan, {
      title: 'Ends in 20',
      startDate: inDays(-300),
      endDate: inDays(20),
      noticePeriodDays: 10,
    });
    const later = await draft(jordan, {
      title: 'Ends in 50',
      startDate: inDays(-300),
      endDate: inDays(50),
      noticePeriodDays: 45,
    });
    const far = await draft(jordan, { title: 'Ends in 100', startDate: inDays(-300), endDate: inDays(100) });
    for (const c of [soon, later, far]) {
      await jordan.submitContract({ input: { id: c.id } });
      await marcus.approveContract({ input: { id: c.id } });
    }
    const { renewalPipeline } = await jordan.renewalPipeline({ withinDays: 60, first: 100 });
    const titles = renewalPipeline.edges.map((e) => e.node.title);
    expect(titles.indexOf('Ends in 50')).toBeLessThan(titles.indexOf('Ends in 20'));
    expect(titles).not.toContain('Ends in 100');
    expect(
      renewalPipeline.edges.every(
        (e) => e.node.status === 'ACTIVE' && e.node.daysToExpiry <= 60 && e.node.daysToExpiry >= 0,
      ),
    ).toBe(true);
    const deadlines = renewalPipeline.edges.map((e) => e.node.noticeDeadline);
    expect(deadlines).toEqual([...deadlines].sort());

    const filtered = await jordan.contracts({ first: 100, filter: { endsWithinDays: 60, status: ['ACTIVE'] } });
    expect(filtered.contracts.totalCount).toBe(renewalPipeline.totalCount);
    const casey = await server.client('casey');
    expect(
      (await casey.renewalPipeline({ withinDays: 60 })).renewalPipeline.edges.map((e) => e.node.title),
    ).not.toContain('Ends in 20');
    await expectError(jordan.renewalPipeline({ withinDays: 0 }), 'BAD_USER_INPUT');
  });
});
