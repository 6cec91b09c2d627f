import type { AccountGraphClient, CreateChangeOrderInput, MoneyInput } from '@account-graph/sdk';
import { seedChangeOrders } from '../src/db/seed/change-orders-seed';
import { Role } from '../src/common/roles';
import { expectError } from './support/expect-error';
import { TestServer } from './support/harness';

/** Change orders through the SDK: lifecycle, authority, the contract's value, the queue, scope and the demo seed. */
let server: TestServer;
let jordan: AccountGraphClient;
let marcus: AccountGraphClient;
let vp: AccountGraphClient;
let casey: AccountGraphClient;
let accountId: string;

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const dollars = (amount: number, currency = 'USD'): MoneyInput => ({ amountCents: Math.round(amount * 100), currency });
const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return server.db.dataSource.query(query, params);
}

async function count(query: string, params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ total: number | string }>(query, params);
  return Number(row.total);
}

/** An ACTIVE contract on Jordan's account, raised by Jordan and approved by the VP. */
async function activeContract(value = 100_000, currency = 'USD') {
  const { createContract } = await jordan.createContract({
    input: {
      accountId,
      title: 'Provider transparency platform',
      type: 'STATEMENT_OF_WORK',
      startDate: inDays(-30),
      endDate: inDays(335),
      value: dollars(value, currency),
    },
  });
  await jordan.submitContract({ input: { id: createContract.contract.id } });
  return (await vp.approveContract({ input: { id: createContract.contract.id } })).approveContract.contract;
}

async function draft(client: AccountGraphClient, contractId: string, overrides: Partial<CreateChangeOrderInput> = {}) {
  const input: CreateChangeOrderInput = {
    contractId,
    title: 'Add dental network to the provider directory',
    amountDelta: dollars(10_000),
    ...overrides,
  };
  return (await client.createChangeOrder({ input })).createChangeOrder.changeOrder;
}

/** A change order raised and submitted by `author` (by default Marcus, so that Jordan may decide it). */
async function pending(contractId: string, amount: number, author = marcus, submitter = author) {
  const changeOrder = await draft(author, contractId, { amountDelta: dollars(amount) });
  return (await submitter.submitChangeOrder({ input: { id: changeOrder.id } })).submitChangeOrder.changeOrder;
}

async function contractValue(contractId: string): Promise<number> {
  const { contract } = await vp.contract({ id: contractId });
  return contract!.value.amountCents;
}

beforeAll(async () => {
  server = await TestServer.start();
  jordan = await server.client('jordan');
  marcus = await server.client('marcus');
  vp = await server.client(Role.EXECUTIVE);
  casey = await server.client('casey');
  const [row] = await sql<{ id: number }>(
    "SELECT id FROM account WHERE ownerId = (SELECT id FROM user WHERE email = 'jordan.kim@accountgraph.example') ORDER BY id LIMIT 1",
  );
  accountId = Buffer.from(`Account:${row.id}`).toString('base64');
});

afterAll(async () => {
  await server.close();
});

describe('raising and editing change orders', () => {
  it('raises a numbered DRAFT on an ACTIVE contract, audited; a reduction is a negative delta', async () => {
    const contract = await activeContract();
    const changeOrder = await draft(jordan, contract.id, {
      description: 'Dental carriers join in January.',
      amountDelta: dollars(12_500),
      scheduleImpactDays: 14,
    });
    expect(changeOrder).toMatchObject({
      status: 'DRAFT',
      version: 1,
      description: 'Dental carriers join in January.',
      amountDelta: { amountCents: 1_250_000, currency: 'USD' },
      scheduleImpactDays: 14,
      decidedAt: null,
      contract: { id: contract.id, status: 'ACTIVE' },
      account: { id: accountId },
      requestedBy: { name: 'Jordan Kim' },
    });
    expect(changeOrder.number).toMatch(new RegExp(`^CO-${new Date().getUTCFullYear()}-\\d{4}$`));

    const reduction = await draft(jordan, contract.id, {
      title: 'Drop the printed directory',
      amountDelta: { amountCents: -500_000 },
      scheduleImpactDays: -7,
    });
    expect(reduction).toMatchObject({
      amountDelta: { amountCents: -500_000, currency: 'USD' },
      scheduleImpactDays: -7,
      description: null,
    });

    const { auditEvents } = await vp.auditEvents({ first: 5, filter: { entityId: changeOrder.id } });
    expect(auditEvents.edges.map((e) => e.node.action)).toEqual(['createChangeOrder']);
    expect(auditEvents.edges[0].node.changes).toMatchObject({
      amountDeltaCents: { before: null, after: 1_250_000 },
      status: { before: null, after: 'DRAFT' },
      number: { before: null, after: changeOrder.number },
    });
    expect((await vp.node({ id: changeOrder.id })).node).toEqual({ __typename: 'ChangeOrder', id: changeOrder.id });
  });

  it('numbers change orders raised at the same moment without repeats or gaps', async () => {
    const contract = await activeContract();
    const created = await Promise.all(Array.from({ length: 10 }, () => draft(jordan, contract.id)));
    const numbers = created.map((c) => Number(c.number.slice(-4))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => numbers[0] + i));
  });

  it('refuses a contract that is not ACTIVE, with the reason, writing nothing', async () => {
    const before = await count('SELECT COUNT(*) AS total FROM change_order');
    const { createContract } = await jordan.createContract({
      input: {
        accountId,
        title: 'Not yet signed',
        type: 'STATEMENT_OF_WORK',
        startDate: inDays(0),
        endDate: inDays(365),
        value: dollars(10_000),
      },
    });
    const onDraft = await expectError(draft(jordan, createContract.contract.id), 'CONFLICT');
    expect(onDraft.message).toBe(
      `Contract ${createContract.contract.number} is DRAFT; change orders apply only to an ACTIVE contract. Renew it, or raise the change on its successor.`,
    );
    const ended = await activeContract();
    await marcus.terminateContract({ input: { id: ended.id, reason: 'Client merged', terminationDate: inDays(1) } });
    const onTerminated = await expectError(draft(jordan, ended.id), 'CONFLICT');
    expect(onTerminated.message).toMatch(/is TERMINATED; change orders apply only to an ACTIVE contract/);
    expect(await count('SELECT COUNT(*) AS total FROM change_order')).toBe(before);
  });

  it('refuses bad input with the input path, writing nothing', async () => {
    const contract = await activeContract(20_000);
    const written = async () => [
      await count('SELECT COUNT(*) AS total FROM change_order'),
      await count("SELECT COUNT(*) AS total FROM audit_event WHERE action = 'createChangeOrder'"),
      await count("SELECT COALESCE(SUM(lastValue), 0) AS total FROM number_sequence WHERE name LIKE 'change-order-%'"),
    ];
    const before = await written();
    const fieldsOf = async (overrides: Partial<CreateChangeOrderInput>) =>
      (await expectError(draft(jordan, contract.id, overrides), 'BAD_USER_INPUT')).fields;

    expect(await fieldsOf({ title: '   ' })).toEqual([{ path: 'input.title', message: 'title must not be empty' }]);
    expect(await fieldsOf({ amountDelta: dollars(100, 'EUR') })).toEqual([
      { path: 'input.amountDelta.currency', message: "must be the contract's currency, USD" },
    ]);
    expect(await fieldsOf({ amountDelta: { amountCents: 10_000_000_000_001 } })).toEqual([
      { path: 'input.amountDelta.amountCents', message: 'amountCents must be at most 10000000000000' },
    ]);
    expect(await fieldsOf({ amountDelta: { amountCents: -10_000_000_000_001 } })).toEqual([
      { path: 'input.amountDelta.amountCents', message: 'amountCents must be at least -10000000000000' },
    ]);
    expect((await fieldsOf({ scheduleImpactDays: 3651 }))[0].path).toBe('input.scheduleImpactDays');
    expect((await fieldsOf({ scheduleImpactDays: -3651 }))[0].path).toBe('input.scheduleImpactDays');
    expect(await fieldsOf({ description: 'x'.repeat(5001) })).toEqual([
      { path: 'input.description', message: 'description must be at most 5000 characters' },
    ]);
    expect(await fieldsOf({ amountDelta: dollars(-20_000.01) })).toEqual([
      {
        path: 'input.amountDelta.amountCents',
        message: "a reduction cannot exceed the contract's value (USD 20,000.00)",
      },
    ]);
    expect((await fieldsOf({ contractId: 'not-an-id' }))[0].path).toBe('input.contractId');
    // Past what GraphQL's scalars hold, the request is refused before it reaches the resolver.
    await expectError(draft(jordan, contract.id, { amountDelta: { amountCents: 2 ** 60 } }), 'BAD_USER_INPUT');
    await expectError(draft(jordan, contract.id, { scheduleImpactDays: 2 ** 31 }), 'BAD_USER_INPUT');
    expect(await written()).toEqual(before);

    // A EUR contract takes EUR change orders, and refuses the default USD.
    const euro = await activeContract(10_000, 'EUR');
    expect(await fieldsOf({ contractId: euro.id, amountDelta: { amountCents: 100 } })).toEqual([
      { path: 'input.amountDelta.currency', message: "must be the contract's currency, EUR" },
    ]);
    await expect(draft(jordan, euro.id, { amountDelta: dollars(100, 'EUR') })).resolves.toMatchObject({
      amountDelta: { currency: 'EUR' },
    });
  });

  it('changes only a DRAFT, with expectedVersion', async () => {
    const contract = await activeContract();
    const changeOrder = await draft(jordan, contract.id, { description: 'First take' });
    const { updateChangeOrder } = await jordan.updateChangeOrder({
      input: {
        id: changeOrder.id,
        expectedVersion: 1,
        title: 'Renamed',
        description: '',
        amountDelta: dollars(-2_500),
        scheduleImpactDays: 30,
      },
    });
    expect(updateChangeOrder.changeOrder).toMatchObject({
      title: 'Renamed',
      description: null,
      amountDelta: { amountCents: -250_000 },
      scheduleImpactDays: 30,
      version: 2,
    });
    const { auditEvents } = await vp.auditEvents({
      first: 1,
      filter: { entityId: changeOrder.id, action: 'updateChangeOrder' },
    });
    expect(auditEvents.edges[0].node.changes).toEqual({
      title: { before: 'Add dental network to the provider directory', after: 'Renamed' },
      description: { before: 'First take', after: null },
      amountDeltaCents: { before: 1_000_000, after: -250_000 },
      scheduleImpactDays: { before: 0, after: 30 },
    });

    const stale = await expectError(
      jordan.updateChangeOrder({ input: { id: changeOrder.id, expectedVersion: 1, title: 'Lost' } }),
      'CONFLICT',
    );
    expect(stale.message).toMatch(/you sent version 1, it is now 2/);
    const currency = await expectError(
      jordan.updateChangeOrder({ input: { id: changeOrder.id, expectedVersion: 2, amountDelta: dollars(1, 'GBP') } }),
      'BAD_USER_INPUT',
    );
    expect(currency.fields).toEqual([
      { path: 'input.amountDelta.currency', message: "must be the contract's currency, USD" },
    ]);

    await expectError(jordan.submitChangeOrder({ input: { id: changeOrder.id, expectedVersion: 1 } }), 'CONFLICT');
    await jordan.submitChangeOrder({ input: { id: changeOrder.id, expectedVersion: 2 } });
    const locked = await expectError(
      jordan.updateChangeOrder({ input: { id: changeOrder.id, expectedVersion: 3, title: 'Too late' } }),
      'CONFLICT',
    );
    expect(locked.message).toBe(
      `Change order ${changeOrder.number} is PENDING_APPROVAL; only a DRAFT change order can be changed or submitted.`,
    );
    const { changeOrder: read } = await jordan.changeOrder({ id: changeOrder.id });
    expect(read).toMatchObject({ title: 'Renamed', status: 'PENDING_APPROVAL', version: 3 });
  });
});

describe('the lifecycle', () => {
  it('goes DRAFT, PENDING_APPROVAL, APPROVED, and refuses every further step', async () => {
    const contract = await activeContract();
    const changeOrder = await draft(marcus, contract.id);
    const submitted = (await marcus.submitChangeOrder({ input: { id: changeOrder.id } })).submitChangeOrder.changeOrder;
    expect(submitted).toMatchObject({ status: 'PENDING_APPROVAL', version: 2 });
    expect(
      (await expectError(marcus.submitChangeOrder({ input: { id: changeOrder.id } }), 'CONFLICT')).message,
    ).toMatch(/is PENDING_APPROVAL; only a DRAFT/);

    const { approveChangeOrder } = await jordan.approveChangeOrder({
      input: { id: changeOrder.id, note: 'Agreed with the sponsor' },
    });
    expect(approveChangeOrder.changeOrder).toMatchObject({
      status: 'APPROVED',
      version: 3,
      decidedAt: expect.any(String),
    });
    expect(approveChangeOrder.decision).toMatchObject({
      subjectType: 'CHANGE_ORDER',
      decision: 'APPROVED',
      note: 'Agreed with the sponsor',
      amount: { amountCents: 1_000_000 },
      actor: { name: 'Jordan Kim' },
    });

    await expectError(vp.approveChangeOrder({ input: { id: changeOrder.id } }), 'CONFLICT');
    await expectError(vp.rejectChangeOrder({ input: { id: changeOrder.id, reason: 'Too late' } }), 'CONFLICT');
    expect(
      (await expectError(marcus.withdrawChangeOrder({ input: { id: changeOrder.id } }), 'CONFLICT')).message,
    ).toMatch(/is APPROVED; only a DRAFT or PENDING_APPROVAL change order can be withdrawn/);
    await expectError(marcus.submitChangeOrder({ input: { id: changeOrder.id } }), 'CONFLICT');
    await expectError(
      marcus.updateChangeOrder({ input: { id: changeOrder.id, expectedVersion: 3, title: 'Again' } }),
      'CONFLICT',
    );

    const { changeOrder: read } = await vp.changeOrder({ id: changeOrder.id });
    expect(read!.approvals.edges.map((e) => e.node.decision)).toEqual(['APPROVED']);
    const { auditEvents } = await vp.auditEvents({ first: 10, filter: { entityId: changeOrder.id } });
    expect(auditEvents.edges.map((e) => e.node.action)).toEqual([
      'approveChangeOrder',
      'submitChangeOrder',
      'createChangeOrder',
    ]);
  });

  it('refuses approval and rejection at a stale expectedVersion with STALE_VERSION, changing nothing', async () => {
    const contract = await activeContract();
    const changeOrder = await pending(contract.id, 5_000);
    expect(changeOrder.version).toBe(2);
    for (const call of [
      jordan.approveChangeOrder({ input: { id: changeOrder.id, expectedVersion: 1 } }),
      jordan.rejectChangeOrder({ input: { id: changeOrder.id, expectedVersion: 1, reason: 'Stale' } }),
    ]) {
      const error = await expectError(call, 'CONFLICT');
      expect(error.reason).toBe('STALE_VERSION');
      expect(error.extensions).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    }
    expect((await vp.changeOrder({ id: changeOrder.id })).changeOrder).toMatchObject({
      status: 'PENDING_APPROVAL',
      version: 2,
    });
    expect(await contractValue(contract.id)).toBe(10_000_000);
    const actions = async () =>
      (await vp.auditEvents({ first: 10, filter: { entityId: changeOrder.id } })).auditEvents.edges.map(
        (e) => e.node.action,
      );
    expect(await actions()).toEqual(['submitChangeOrder', 'createChangeOrder']);

    const { approveChangeOrder } = await jordan.approveChangeOrder({
      input: { id: changeOrder.id, expectedVersion: 2 },
    });
    expect(approveChangeOrder.changeOrder).toMatchObject({ status: 'APPROVED', version: 3 });
    expect(await contractValue(contract.id)).toBe(10_500_000);
    expect(await actions()).toEqual(['approveChangeOrder', 'submitChangeOrder', 'createChangeOrder']);
  });

  it('refuses to approve a DRAFT', async () => {
    const contract = await activeContract();
    const changeOrder = await draft(marcus, contract.id);
    await expectError(jordan.approveChangeOrder({ input: { id: changeOrder.id } }), 'CONFLICT');
    await expectError(jordan.rejectChangeOrder({ input: { id: changeOrder.id, reason: 'No' } }), 'CONFLICT');
  });

  it('rejects with a reason: REJECTED is final and the contract keeps its value', async () => {
    const contract = await activeContract();
    const changeOrder = await pending(contract.id, 20_000);
    const noReason = await expectError(
      jordan.rejectChangeOrder({ input: { id: changeOrder.id, reason: '  ' } }),
      'BAD_USER_INPUT',
    );
    expect(noReason.fields[0].path).toBe('input.reason');
    const { rejectChangeOrder } = await jordan.rejectChangeOrder({
      input: { id: changeOrder.id, reason: 'Needs a breakdown by workstream' },
    });
    expect(rejectChangeOrder.changeOrder).toMatchObject({ status: 'REJECTED', decidedAt: expect.any(String) });
    expect(rejectChangeOrder.decision).toMatchObject({
      decision: 'REJECTED',
      note: 'Needs a breakdown by workstream',
      amount: { amountCents: 2_000_000 },
    });
    expect(await contractValue(contract.id)).toBe(10_000_000);
    await expectError(vp.approveChangeOrder({ input: { id: changeOrder.id } }), 'CONFLICT');
    await expectError(marcus.submitChangeOrder({ input: { id: changeOrder.id } }), 'CONFLICT');
    await expectError(marcus.withdrawChangeOrder({ input: { id: changeOrder.id } }), 'CONFLICT');
  });

  it('withdraws a DRAFT, and a pending change order, which leaves the queue without a decision', async () => {
    const contract = await activeContract();
    const drafted = await draft(jordan, contract.id);
    const bi = await server.client(Role.BI_READER);
    await expectError(bi.withdrawChangeOrder({ input: { id: drafted.id } }), 'FORBIDDEN');
    await expectError(jordan.withdrawChangeOrder({ input: { id: drafted.id, expectedVersion: 2 } }), 'CONFLICT');
    expect(
      (await jordan.withdrawChangeOrder({ input: { id: drafted.id, expectedVersion: 1 } })).withdrawChangeOrder
        .changeOrder,
    ).toMatchObject({ status: 'WITHDRAWN', version: 2, decidedAt: null });
    await expectError(jordan.submitChangeOrder({ input: { id: drafted.id } }), 'CONFLICT');

    const submitted = await pending(contract.id, 1_234.56);
    const queued = async () =>
      (await jordan.approvalQueue({ first: 100 })).approvalQueue.edges.filter(
        (e) => e.node.subjectType === 'CHANGE_ORDER' && e.node.amount.amountCents === 123_456,
      );
    expect(await queued()).toHaveLength(1);
    const withdrawn = (await jordan.withdrawChangeOrder({ input: { id: submitted.id } })).withdrawChangeOrder
      .changeOrder;
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', version: 3, decidedAt: null });
    expect(await queued()).toHaveLength(0);
    const requests = await sql<{ status: string }>(
      "SELECT status FROM approval_request WHERE subjectType = 'CHANGE_ORDER' AND subjectId = ?",
      [rowId(submitted.id)],
    );
    expect(requests).toEqual([{ status: 'WITHDRAWN' }]);
    expect(
      await count(
        "SELECT COUNT(*) AS total FROM approval_decision WHERE subjectType = 'CHANGE_ORDER' AND subjectId = ?",
        [rowId(submitted.id)],
      ),
    ).toBe(0);
    await expectError(vp.approveChangeOrder({ input: { id: submitted.id } }), 'CONFLICT');
    await expectError(jordan.withdrawChangeOrder({ input: { id: submitted.id } }), 'CONFLICT');
    const { auditEvents } = await vp.auditEvents({
      first: 10,
      filter: { entityId: submitted.id, action: 'withdrawChangeOrder' },
    });
    expect(auditEvents.edges[0].node.changes).toEqual({ status: { before: 'PENDING_APPROVAL', after: 'WITHDRAWN' } });
  });
});

describe('approval authority', () => {
  it('holds account managers to $50,000 of change either way, seniors to $250,000, executives to none, and finance out', async () => {
    const contract = await activeContract(1_000_000);
    const atAmLimit = await pending(contract.id, 50_000);
    await expect(jordan.approveChangeOrder({ input: { id: atAmLimit.id } })).resolves.toBeDefined();

    const overAmLimit = await pending(contract.id, -50_000.01);
    const amError = await expectError(jordan.approveChangeOrder({ input: { id: overAmLimit.id } }), 'FORBIDDEN');
    expect(amError.extensions.reason).toBe('OVER_APPROVAL_LIMIT');
    expect(amError.message).toBe(
      `change order ${overAmLimit.number} is for USD 50,000.01, above your approval limit of USD ` +
        `50,000.00. A senior account manager (up to USD 250,000.00) or an executive must approve it.`,
    );
    const atSeniorLimit = await pending(contract.id, 250_000, jordan);
    await expect(marcus.approveChangeOrder({ input: { id: atSeniorLimit.id } })).resolves.toBeDefined();
    const overSeniorLimit = await pending(contract.id, 250_000.01, jordan);
    const seniorError = await expectError(
      marcus.approveChangeOrder({ input: { id: overSeniorLimit.id } }),
      'FORBIDDEN',
    );
    expect(seniorError.message).toMatch(
      /above your approval limit of USD 250,000.00\. An executive or an admin must approve it\./,
    );
    await expect(vp.approveChangeOrder({ input: { id: overSeniorLimit.id } })).resolves.toBeDefined();
    await expect(vp.approveChangeOrder({ input: { id: overAmLimit.id } })).resolves.toBeDefined();

    const small = await pending(contract.id, 1_000);
    const finance = await server.client(Role.FINANCE);
    // Finance approves invoices only: the role gate refuses it and names who may.
    const financeError = await expectError(finance.approveChangeOrder({ input: { id: small.id } }), 'FORBIDDEN');
    expect(financeError.extensions.reason).toBe('ROLE_NOT_ALLOWED');
    expect(financeError.message).toMatch(/^Only admins, executives, senior account managers and account managers may/);
    await expectError(finance.rejectChangeOrder({ input: { id: small.id, reason: 'No' } }), 'FORBIDDEN');
    await expectError(casey.approveChangeOrder({ input: { id: small.id } }), 'NOT_FOUND');
    // 1,000,000 + 50,000 + 250,000 + 250,000.01 - 50,000.01
    expect(await contractValue(contract.id)).toBe(150_000_000);
    expect((await vp.changeOrder({ id: small.id })).changeOrder!.status).toBe('PENDING_APPROVAL');
  });

  it('refuses self-approval: whoever raised or submitted it cannot decide it', async () => {
    const contract = await activeContract();
    const own = await pending(contract.id, 10_000, vp);
    const ownWork = await expectError(vp.approveChangeOrder({ input: { id: own.id } }), 'FORBIDDEN');
    expect(ownWork.message).toMatch(/segregation of duties/);
    expect(ownWork.extensions.reason).toBe('OWN_WORK');
    await expectError(vp.rejectChangeOrder({ input: { id: own.id, reason: 'Mine' } }), 'FORBIDDEN');
    const raisedByJordan = await pending(contract.id, 10_000, jordan, marcus);
    await expectError(jordan.approveChangeOrder({ input: { id: raisedByJordan.id } }), 'FORBIDDEN');
    await expectError(marcus.approveChangeOrder({ input: { id: raisedByJordan.id } }), 'FORBIDDEN');
    await expect(vp.approveChangeOrder({ input: { id: raisedByJordan.id } })).resolves.toBeDefined();
  });
});

describe("approval and the contract's value", () => {
  it('adds the delta to the contract in the same transaction, up or down, audited on both', async () => {
    const contract = await activeContract(100_000);
    expect(await contractValue(contract.id)).toBe(10_000_000);
    const up = await pending(contract.id, 20_000);
    const { approveChangeOrder } = await jordan.approveChangeOrder({ input: { id: up.id } });
    expect(approveChangeOrder.changeOrder.contract.value).toEqual({ amountCents: 12_000_000, currency: 'USD' });
    const down = await pending(contract.id, -30_000);
    await jordan.approveChangeOrder({ input: { id: down.id } });
    const { contract: after } = await vp.contract({ id: contract.id });
    expect(after).toMatchObject({ value: { amountCents: 9_000_000 }, version: contract.version + 2 });

    const { auditEvents } = await vp.auditEvents({
      first: 10,
      filter: { entityId: contract.id, action: 'approveChangeOrder' },
    });
    expect(auditEvents.edges.map((e) => e.node.changes)).toEqual([
      { valueCents: { before: 12_000_000, after: 9_000_000 }, changeOrder: { before: null, after: down.id } },
      { valueCents: { before: 10_000_000, after: 12_000_000 }, changeOrder: { before: null, after: up.id } },
    ]);
    const { contract: nested } = await jordan.contractChangeOrders({ contractId: contract.id });
    expect(nested!.changeOrders.edges.map((e) => e.node.id)).toEqual([down.id, up.id]);
  });

  it('refuses an approval that would take the contract below zero, and changes nothing', async () => {
    const contract = await activeContract(50_000);
    const first = await pending(contract.id, -30_000);
    const second = await pending(contract.id, -30_000);
    await jordan.approveChangeOrder({ input: { id: first.id } });
    const audits = await count('SELECT COUNT(*) AS total FROM audit_event');
    const error = await expectError(jordan.approveChangeOrder({ input: { id: second.id, note: 'Try' } }), 'CONFLICT');
    expect(error.message).toBe(
      `Change order ${second.number} cannot be approved: it would take contract ${contract.number}'s ` +
        `value of USD 20,000.00 below zero (-USD 30,000.00). Reject it, or approve the changes that add ` +
        `value first.`,
    );
    const { changeOrder } = await vp.changeOrder({ id: second.id });
    expect(changeOrder).toMatchObject({
      status: 'PENDING_APPROVAL',
      version: 2,
      decidedAt: null,
      approvals: { totalCount: 0 },
    });
    expect(await contractValue(contract.id)).toBe(2_000_000);
    expect(
      await count(
        "SELECT COUNT(*) AS total FROM approval_decision WHERE subjectType = 'CHANGE_ORDER' AND subjectId = ?",
        [rowId(second.id)],
      ),
    ).toBe(0);
    expect(
      await sql("SELECT status FROM approval_request WHERE subjectType = 'CHANGE_ORDER' AND subjectId = ?", [
        rowId(second.id),
      ]),
    ).toEqual([{ status: 'PENDING' }]);
    expect(await count('SELECT COUNT(*) AS total FROM audit_event')).toBe(audits);
  });

  it('refuses an approval that would take the contract past the largest amount accepted', async () => {
    const contract = await activeContract(100_000_000_000);
    const changeOrder = await pending(contract.id, 0.01);
    const error = await expectError(jordan.approveChangeOrder({ input: { id: changeOrder.id } }), 'CONFLICT');
    expect(error.message).toMatch(/value would exceed the largest amount accepted/);
    expect(await contractValue(contract.id)).toBe(10_000_000_000_000);
    expect((await vp.changeOrder({ id: changeOrder.id })).changeOrder!.status).toBe('PENDING_APPROVAL');
  });

  it('refuses an approval, or a submission, once the contract is no longer ACTIVE, and changes nothing', async () => {
    const contract = await activeContract();
    const submitted = await pending(contract.id, 10_000);
    const drafted = await draft(marcus, contract.id);
    await marcus.terminateContract({ input: { id: contract.id, reason: 'Client merged', terminationDate: inDays(1) } });
    const error = await expectError(jordan.approveChangeOrder({ input: { id: submitted.id } }), 'CONFLICT');
    expect(error.message).toBe(
      `Change order ${submitted.number} cannot be approved: contract ${contract.number} is TERMINATED ` +
        `now, and only an ACTIVE contract's value can change. Withdraw or reject it.`,
    );
    expect((await vp.changeOrder({ id: submitted.id })).changeOrder).toMatchObject({
      status: 'PENDING_APPROVAL',
      approvals: { totalCount: 0 },
    });
    expect(await contractValue(contract.id)).toBe(10_000_000);
    expect((await expectError(marcus.submitChangeOrder({ input: { id: drafted.id } }), 'CONFLICT')).message).toMatch(
      /is TERMINATED; change orders apply only to an ACTIVE contract/,
    );
    expect(
      (await marcus.withdrawChangeOrder({ input: { id: submitted.id } })).withdrawChangeOrder.changeOrder.status,
    ).toBe('WITHDRAWN');
  });

  it('lets exactly one of 20 concurrent approvals through: one decision, one audit event, one addition', async () => {
    const contract = await activeContract(100_000);
    const changeOrder = await pending(contract.id, 30_000, jordan);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => vp.approveChangeOrder({ input: { id: changeOrder.id } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason.code),
    ).toEqual(Array(19).fill('CONFLICT'));
    expect(
      await count(
        "SELECT COUNT(*) AS total FROM approval_decision WHERE subjectType = 'CHANGE_ORDER' AND subjectId = ?",
        [rowId(changeOrder.id)],
      ),
    ).toBe(1);
    const approvals = await vp.auditEvents({
      first: 50,
      filter: { entityId: changeOrder.id, action: 'approveChangeOrder' },
    });
    expect(approvals.auditEvents.totalCount).toBe(1);
    const valueChanges = await vp.auditEvents({
      first: 50,
      filter: { entityId: contract.id, action: 'approveChangeOrder' },
    });
    expect(valueChanges.auditEvents.totalCount).toBe(1);
    expect(await contractValue(contract.id)).toBe(13_000_000);
  });
});

describe('the approval queue', () => {
  const QUEUE =
    `query { approvalQueue(first: 100) { edges { node { subjectType amount { amountCents } subject { ` +
    `__typename ... on ChangeOrder { id number status } } } } } }`;
  const queuedIds = async (who: Parameters<TestServer['gql']>[0]) => {
    const response = await server.gql(who, QUEUE);
    expect(response.body.errors).toBeUndefined();
    return (response.body.data!.approvalQueue.edges as { node: { subject: { id?: string } | null } }[])
      .map((e) => e.node.subject?.id)
      .filter(Boolean);
  };

  it('lists a submitted change order for whoever could decide it, on its absolute size, until it is decided', async () => {
    const contract = await activeContract(500_000);
    const small = await pending(contract.id, 12_345.67, jordan);
    const reduction = await pending(contract.id, -45_678.9);
    const large = await pending(contract.id, 260_000, jordan);

    const { approvalQueue } = await marcus.approvalQueue({ first: 100 });
    const entry = approvalQueue.edges.find(
      (e) => e.node.subjectType === 'CHANGE_ORDER' && e.node.amount.amountCents === 1_234_567,
    );
    expect(entry?.node).toMatchObject({
      subject: { __typename: 'ChangeOrder' },
      requestedBy: { name: 'Jordan Kim' },
      account: { id: accountId },
    });
    expect(await queuedIds('marcus')).toEqual(expect.arrayContaining([small.id]));
    expect(await queuedIds('marcus')).not.toContain(large.id);
    expect(await queuedIds('jordan')).toEqual(expect.arrayContaining([reduction.id]));
    expect(await queuedIds('jordan')).not.toContain(small.id);
    expect(await queuedIds(Role.EXECUTIVE)).toEqual(expect.arrayContaining([small.id, reduction.id, large.id]));
    expect(await queuedIds(Role.FINANCE)).not.toContain(small.id);
    expect(await queuedIds('casey')).not.toContain(small.id);

    await marcus.approveChangeOrder({ input: { id: small.id } });
    expect(await queuedIds('marcus')).not.toContain(small.id);
  });
});

describe('reading change orders', () => {
  it('lists, filters, sorts and pages the change orders you may see', async () => {
    const contract = await activeContract();
    const a = await draft(jordan, contract.id, { title: 'A' });
    const b = await pending(contract.id, 5_000);
    const c = await draft(jordan, contract.id, { title: 'C' });
    const other = await activeContract();
    await draft(jordan, other.id);

    const byContract = (await jordan.changeOrders({ filter: { contractId: contract.id } })).changeOrders;
    expect(byContract.totalCount).toBe(3);
    expect(byContract.edges.map((e) => e.node.id)).toEqual([c.id, b.id, a.id]);
    const drafts = (await jordan.changeOrders({ filter: { contractId: contract.id, status: ['DRAFT'] } })).changeOrders;
    expect(drafts.edges.map((e) => e.node.id)).toEqual([c.id, a.id]);
    const ofAccount = (await jordan.changeOrders({ first: 100, filter: { accountId, status: ['PENDING_APPROVAL'] } }))
      .changeOrders;
    expect(ofAccount.edges.map((e) => e.node.id)).toContain(b.id);
    expect(ofAccount.edges.every((e) => e.node.status === 'PENDING_APPROVAL' && e.node.account.id === accountId)).toBe(
      true,
    );

    const today = inDays(0);
    expect(
      (
        await jordan.changeOrders({
          filter: { contractId: contract.id, createdOnOrAfter: today, createdOnOrBefore: today },
        })
      ).changeOrders.totalCount,
    ).toBe(3);
    expect(
      (await jordan.changeOrders({ filter: { contractId: contract.id, createdOnOrBefore: inDays(-1) } })).changeOrders
        .totalCount,
    ).toBe(0);
    expect(
      (await jordan.changeOrders({ filter: { contractId: contract.id, createdOnOrAfter: inDays(1) } })).changeOrders
        .totalCount,
    ).toBe(0);

    const first = (
      await jordan.changeOrders({
        first: 2,
        filter: { contractId: contract.id },
        orderBy: { field: 'NUMBER', direction: 'ASC' },
      })
    ).changeOrders;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (
      await jordan.changeOrders({
        first: 2,
        after: first.pageInfo.endCursor,
        filter: { contractId: contract.id },
        orderBy: { field: 'NUMBER', direction: 'ASC' },
      })
    ).changeOrders;
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect([...first.edges, ...rest.edges].map((e) => e.node.number)).toEqual([a.number, b.number, c.number]);
    await expectError(
      jordan.changeOrders({ first: 2, after: first.pageInfo.endCursor, filter: { contractId: contract.id } }),
      'BAD_USER_INPUT',
    );

    const nested = (await jordan.contractChangeOrders({ contractId: contract.id, first: 2 })).contract!;
    expect(nested.changeOrders).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(nested.changeOrders.edges.map((e) => e.node.id)).toEqual([c.id, b.id]);
    const bad = await expectError(jordan.changeOrders({ filter: { contractId: accountId } }), 'BAD_USER_INPUT');
    expect(bad.fields).toEqual([{ path: 'filter.contractId', message: `"${accountId}" is not a Contract id` }]);
  });

  it('hides change orders outside your portfolio on every path, and lets readers only read', async () => {
    const contract = await activeContract();
    const changeOrder = await pending(contract.id, 1_000);
    expect((await casey.changeOrder({ id: changeOrder.id })).changeOrder).toBeNull();
    expect((await casey.node({ id: changeOrder.id })).node).toBeNull();
    expect((await casey.changeOrders({ filter: { contractId: contract.id } })).changeOrders.totalCount).toBe(0);
    expect((await casey.contractChangeOrders({ contractId: contract.id })).contract).toBeNull();
    await expectError(
      casey.createChangeOrder({ input: { contractId: contract.id, title: 'Sneaky', amountDelta: dollars(1) } }),
      'NOT_FOUND',
    );
    await expectError(
      casey.updateChangeOrder({ input: { id: changeOrder.id, expectedVersion: 2, title: 'Sneaky' } }),
      'NOT_FOUND',
    );
    await expectError(casey.approveChangeOrder({ input: { id: changeOrder.id } }), 'NOT_FOUND');
    await expectError(casey.rejectChangeOrder({ input: { id: changeOrder.id, reason: 'Sneaky' } }), 'NOT_FOUND');
    await expectError(casey.withdrawChangeOrder({ input: { id: changeOrder.id } }), 'NOT_FOUND');

    const bi = await server.client(Role.BI_READER);
    expect((await bi.changeOrder({ id: changeOrder.id })).changeOrder).toMatchObject({ number: changeOrder.number });
    await expectError(
      bi.createChangeOrder({ input: { contractId: contract.id, title: 'Read only', amountDelta: dollars(1) } }),
      'FORBIDDEN',
    );
    expect((await vp.changeOrder({ id: changeOrder.id })).changeOrder!.status).toBe('PENDING_APPROVAL');
  });

  it('reads nested change orders, contracts, people and decisions without a query per row', async () => {
    // 30 change orders on three contracts, most of them decided, so that every nested list has rows.
    const contracts = [await activeContract(), await activeContract(), await activeContract()];
    for (let i = 0; i < 30; i++) {
      const changeOrder = await pending(contracts[i % 3].id, 1_000 + i, i % 2 ? marcus : jordan);
      if (i % 5) await (i % 2 ? jordan : marcus).approveChangeOrder({ input: { id: changeOrder.id } });
    }
    const page = `query ($first: Int!) {
      changeOrders(first: $first) { totalCount edges { node {
        number amountDelta { amountCents }
        contract { number value { amountCents } account { name } changeOrders(first: 3) { totalCount edges { node { number requestedBy { name } } } } }
        account { name owner { name } }
        requestedBy { name }
        approvals(first: 5) { totalCount edges { node { decision actor { name } } } }
      } } }
      contracts(first: $first) { edges { node { number changeOrders(first: 5) { totalCount edges { node { number approvals(first: 2) { totalCount } } } } } } }
    }`;
    const token = await server.signedIn(Role.EXECUTIVE);
    const statementsFor = async (first: number) => {
      server.resetQueries();
      const response = await server.post({ query: page, variables: { first } }, { authorization: `Bearer ${token}` });
      expect(response.body.errors).toBeUndefined();
      return { count: server.queries.length, rows: (response.body.data as any).changeOrders.edges.length };
    };
    const small = await statementsFor(2);
    const large = await statementsFor(30);
    expect(small.rows).toBe(2);
    expect(large.rows).toBe(30);
    // Both pages name both authors, so the user loads hit the same batches: the same statements, 13 today
    // (page, count, contracts, accounts, users, each child list and its count, the contract page).
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(15);
  });
});

describe('the demo seed', () => {
  /** mulberry32, as the demo seed uses: the same seed gives the same numbers. */
  const mulberry32 = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  interface Seeded {
    written: number;
    rows: Record<string, unknown>[];
    contractValues: number;
  }

  /** Runs the seed in a transaction and reads back what it wrote; `keep` false rolls it all back. */
  async function runSeed(keep: boolean): Promise<Seeded> {
    class Rollback extends Error {}
    let seeded: Seeded | undefined;
    const work = server.db.transaction(async (em) => {
      const [{ last }] = await em.query('SELECT COALESCE(MAX(id), 0) AS last FROM change_order');
      const written = await seedChangeOrders(em, mulberry32(7), inDays(0));
      const rows = await em.query(
        `SELECT co.number, co.contractId, co.status, co.amountDeltaCents, co.currency, co.createdById, co.submittedById, co.createdAt, co.decidedAt, co.version,
                c.valueCents AS contractValueCents, c.status AS contractStatus,
                (SELECT COUNT(*) FROM approval_request r WHERE r.subjectType = 'CHANGE_ORDER' AND r.subjectId = co.id) AS requests,
                (SELECT MIN(r.status) FROM approval_request r WHERE r.subjectType = 'CHANGE_ORDER' AND r.subjectId = co.id) AS requestStatus,
                (SELECT COUNT(*) FROM approval_decision d WHERE d.subjectType = 'CHANGE_ORDER' AND d.subjectId = co.id) AS decisions,
                (SELECT MIN(d.decision) FROM approval_decision d WHERE d.subjectType = 'CHANGE_ORDER' AND d.subjectId = co.id) AS decision,
                (SELECT MIN(d.amountCents) FROM approval_decision d WHERE d.subjectType = 'CHANGE_ORDER' AND d.subjectId = co.id) AS decidedCents,
                (SELECT MIN(u.role) FROM approval_decision d JOIN user u ON u.id = d.actorId
                  WHERE d.subjectType = 'CHANGE_ORDER' AND d.subjectId = co.id) AS approverRole,
                (SELECT MIN(d.actorId) FROM approval_decision d WHERE d.subjectType = 'CHANGE_ORDER' AND d.subjectId = co.id) AS approverId
         FROM change_order co JOIN contract c ON c.id = co.contractId WHERE co.id > ? ORDER BY co.number`,
        [Number(last)],
      );
      const [{ total }] = await em.query('SELECT SUM(valueCents) AS total FROM contract');
      seeded = { written, rows: rows.map(normalise), contractValues: Number(total) };
      if (!keep) throw new Rollback();
    });
    if (keep) await work;
    else await expect(work).rejects.toBeInstanceOf(Rollback);
    return seeded!;
  }

  const normalise = (row: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        value instanceof Date
          ? value.toISOString()
          : typeof value === 'bigint' || /Cents$|Id$|^requests$|^decisions$|^version$/.test(key)
            ? value === null
              ? null
              : Number(value)
            : value,
      ]),
    );

  it('writes change orders in every state with the approval trail each implies, the same way every time', async () => {
    // Contracts of each kind it reads: active ones (this file's), and a renewed one.
    const renewed = await activeContract(80_000);
    const { renewContract } = await jordan.renewContract({ input: { id: renewed.id } });
    await jordan.submitContract({ input: { id: renewContract.contract.id } });
    await marcus.approveContract({ input: { id: renewContract.contract.id } });
    // This file's contracts were all approved today; give them a history to have had changes in.
    const sqlTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
    await sql('UPDATE contract SET approvedAt = ? WHERE approvedAt > ?', [
      sqlTime(Date.now() - 60 * DAY),
      sqlTime(Date.now() - 2 * DAY),
    ]);
    const [{ total: contractValuesBefore }] = await sql<{ total: number | string }>(
      'SELECT SUM(valueCents) AS total FROM contract',
    );

    const first = await runSeed(false);
    const second = await runSeed(true);
    expect(second).toEqual(first);
    expect(first.written).toBe(first.rows.length);
    expect(first.contractValues).toBe(Number(contractValuesBefore));

    const { rows } = first;
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'WITHDRAWN']),
    );
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.number).toMatch(/^CO-\d{4}-\d{4}$/);
      expect(['ACTIVE', 'RENEWED', 'EXPIRED']).toContain(row.contractStatus);
      if ((row.amountDeltaCents as number) < 0)
        expect(-(row.amountDeltaCents as number)).toBeLessThanOrEqual((row.contractValueCents as number) / 10);
      if (row.contractStatus !== 'ACTIVE') expect(['APPROVED', 'REJECTED', 'WITHDRAWN']).toContain(row.status);
      const trail = {
        requests: row.requests,
        requestStatus: row.requestStatus,
        decisions: row.decisions,
        decision: row.decision,
      };
      switch (row.status) {
        case 'DRAFT':
          expect(trail).toEqual({ requests: 0, requestStatus: null, decisions: 0, decision: null });
          break;
        case 'PENDING_APPROVAL':
          expect(trail).toEqual({ requests: 1, requestStatus: 'PENDING', decisions: 0, decision: null });
          break;
        case 'WITHDRAWN':
          expect([
            { requests: 0, requestStatus: null, decisions: 0, decision: null },
            { requests: 1, requestStatus: 'WITHDRAWN', decisions: 0, decision: null },
          ]).toContainEqual(trail);
          break;
        default:
          expect(trail).toEqual({ requests: 1, requestStatus: row.status, decisions: 1, decision: row.status });
          expect(row.decidedCents).toBe(row.amountDeltaCents);
          expect(row.decidedAt).not.toBeNull();
          expect(row.approverId).not.toBe(row.createdById);
          if (Math.abs(row.amountDeltaCents as number) > 25_000_000)
            expect(['EXECUTIVE', 'ADMIN']).toContain(row.approverRole);
          expect(['SENIOR_ACCOUNT_MANAGER', 'EXECUTIVE', 'ADMIN']).toContain(row.approverRole);
      }
    }

    // Today's values include the approved changes; what they add stays within 60% of it, so every earlier value was positive.
    const growth = new Map<unknown, number>();
    for (const row of rows.filter((r) => r.status === 'APPROVED' && (r.amountDeltaCents as number) > 0)) {
      growth.set(row.contractId, (growth.get(row.contractId) ?? 0) + (row.amountDeltaCents as number));
    }
    for (const [contractId, added] of growth)
      expect(added).toBeLessThanOrEqual(
        0.6 * (rows.find((r) => r.contractId === contractId)!.contractValueCents as number),
      );

    // What it wrote reads through the API like any other change order.
    const { changeOrders } = await vp.changeOrders({
      first: 100,
      filter: { status: ['APPROVED'] },
      orderBy: { field: 'NUMBER', direction: 'ASC' },
    });
    const seededApproved = changeOrders.edges.find((e) => rows.some((r) => r.number === e.node.number));
    const { changeOrder } = await vp.changeOrder({ id: seededApproved!.node.id });
    expect(changeOrder!.approvals.edges).toEqual([
      expect.objectContaining({ node: expect.objectContaining({ decision: 'APPROVED', subjectType: 'CHANGE_ORDER' }) }),
    ]);
    // And new change orders carry on the numbering.
    const next = await draft(jordan, renewContract.contract.id);
    const year = next.number.slice(3, 7);
    const lastSeeded = rows
      .map((r) => r.number as string)
      .filter((n) => n.slice(3, 7) === year)
      .sort()
      .at(-1);
    if (lastSeeded) expect(next.number > lastSeeded).toBe(true);
  });
});

describe('change orders for a project', () => {
  it('adjust the project budget with the contract value, and must name a project on the same contract', async () => {
    const contract = await activeContract(200_000);
    const other = await activeContract(50_000);
    const { createProject } = await jordan.createProject({
      input: {
        accountId,
        contractId: contract.id,
        name: 'Claims feed',
        startDate: '2026-01-01',
        targetEndDate: '2026-12-31',
        budget: { amountCents: 5_000_000 },
      },
    });
    const project = createProject.project;
    const wrong = await expectError(draft(jordan, other.id, { projectId: project.id }), 'BAD_USER_INPUT');
    expect(wrong.fields).toEqual([
      { path: 'input.projectId', message: expect.stringContaining('must belong to contract') },
    ]);

    const changeOrder = await draft(marcus, contract.id, {
      projectId: project.id,
      amountDelta: { amountCents: 1_500_000 },
    });
    expect(changeOrder.project).toEqual({ id: project.id, name: 'Claims feed' });
    await marcus.submitChangeOrder({ input: { id: changeOrder.id } });
    await jordan.approveChangeOrder({ input: { id: changeOrder.id } });
    expect((await jordan.project({ id: project.id })).project?.budget).toEqual({
      amountCents: 6_500_000,
      currency: 'USD',
    });
    expect(await contractValue(contract.id)).toBe(200_000 * 100 + 1_500_000);
  });
});
