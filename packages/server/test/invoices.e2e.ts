import type { AccountGraphClient, InvoiceLineInput } from '@account-graph/sdk';
import { seedInvoices } from '../src/db/seed/invoices-seed';
import { Role } from '../src/common/roles';
import { expectError } from './support/expect-error';
import { TestServer } from './support/harness';

/** Invoices through the SDK: numbering, lines and rounding, the approval engine, revenue compliance, payments, voids and reads. */
let server: TestServer;
let jordan: AccountGraphClient;
let marcus: AccountGraphClient;
let robin: AccountGraphClient;
let vp: AccountGraphClient;
let casey: AccountGraphClient;
let accountId: string;

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const dollars = (amount: number) => ({ amountCents: Math.round(amount * 100), currency: 'USD' });
const line = (amount: number, description = 'Implementation services'): InvoiceLineInput => ({
  description,
  quantity: '1',
  unitPrice: dollars(amount),
});
const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return server.db.dataSource.query(query, params);
}

async function count(query: string, params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ n: number | string }>(query, params);
  return Number(row.n);
}

/** An ACTIVE contract on Jordan's account worth `value` dollars: Jordan drafts and submits it, the executive approves. */
async function activeContract(value: number, currency = 'USD') {
  const input = {
    accountId,
    title: 'Claims analytics rollout',
    type: 'STATEMENT_OF_WORK' as const,
    startDate: inDays(-200),
    endDate: inDays(165),
    value: { amountCents: Math.round(value * 100), currency },
  };
  const { contract } = (await jordan.createContract({ input })).createContract;
  await jordan.submitContract({ input: { id: contract.id } });
  return (await vp.approveContract({ input: { id: contract.id } })).approveContract.contract;
}

async function draftInvoice(
  contractId: string,
  lines: InvoiceLineInput[] = [line(1_000)],
  by = robin,
  dates: { issueDate?: string; dueDate?: string } = {},
) {
  return (await by.createInvoice({ input: { contractId, lines, ...dates } })).createInvoice.invoice;
}

/** A DRAFT someone created and submitted, ready for a decision. */
async function pendingInvoice(contractId: string, amount: number, by = robin) {
  const invoice = await draftInvoice(contractId, [line(amount)], by);
  return (await by.submitInvoice({ input: { id: invoice.id } })).submitInvoice.invoice;
}

async function approvedInvoice(
  contractId: string,
  amount: number,
  dates: { issueDate?: string; dueDate?: string } = {},
) {
  const invoice = await draftInvoice(contractId, [line(amount)], robin, dates);
  await robin.submitInvoice({ input: { id: invoice.id } });
  return (await vp.approveInvoice({ input: { id: invoice.id } })).approveInvoice.invoice;
}

async function sentInvoice(contractId: string, amount: number, dates: { issueDate?: string; dueDate?: string } = {}) {
  const invoice = await approvedInvoice(contractId, amount, dates);
  return (await robin.sendInvoice({ input: { id: invoice.id } })).sendInvoice.invoice;
}

function pay(invoiceId: string, amountCents: number, by = robin, reference = 'ACH-20261128-01') {
  return by.recordPayment({ input: { invoiceId, amount: { amountCents }, reference } });
}

/** The demo seed may already call seedInvoices; seed the invoices here only when it does not. */
async function seedDemoInvoices(): Promise<void> {
  if ((await count('SELECT COUNT(*) AS n FROM invoice')) > 0) return;
  let state = 20261128;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const started = Date.now();
  const written = await server.db.transaction((em) => seedInvoices(em, random));
  if (process.env.SHOW_TIMINGS) console.log(`seedInvoices wrote ${written} invoices in ${Date.now() - started} ms`);
}

beforeAll(async () => {
  server = await TestServer.start();
  [jordan, marcus, robin, vp, casey] = await Promise.all([
    server.client('jordan'),
    server.client('marcus'),
    server.client(Role.FINANCE),
    server.client(Role.EXECUTIVE),
    server.client('casey'),
  ]);
  // Jordan's account with neither finance, the IT director, Casey nor a project member on its team:
  // finance writes its invoices by role alone, the others may not.
  const [row] = await sql<{ id: number }>(
    `SELECT a.id FROM account a WHERE a.ownerId = (SELECT id FROM user WHERE email = 'jordan.kim@accountgraph.example')
       AND NOT EXISTS (SELECT 1 FROM account_team_member t JOIN user u ON u.id = t.userId
                       WHERE t.accountId = a.id AND (u.role IN ('FINANCE', 'IT_DIRECTOR', 'PROJECT_MEMBER') OR u.email LIKE 'casey.%'))
     ORDER BY a.id LIMIT 1`,
  );
  accountId = Buffer.from(`Account:${row.id}`).toString('base64');
});

afterAll(async () => {
  await server.close();
});

describe('demo invoices', () => {
  it('seeds about 3,000 invoices over the seeded contracts, consistent in every total, payment, number and approval', async () => {
    await seedDemoInvoices();
    const invoices = await count('SELECT COUNT(*) AS n FROM invoice');
    expect(invoices).toBeGreaterThan(2_000);
    expect(invoices).toBeLessThan(4_000);
    // Never past a contract's value; totals, payments and statuses agree.
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM contract c WHERE c.valueCents < (SELECT COALESCE(SUM(i.totalCents), ' +
          "0) FROM invoice i WHERE i.contractId = c.id AND i.status <> 'VOID')",
      ),
    ).toBe(0);
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM invoice i WHERE i.totalCents <> (SELECT COALESCE(SUM(l.amountCents), 0) FROM invoice_line l WHERE l.invoiceId = i.id)',
      ),
    ).toBe(0);
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM invoice i WHERE i.paidCents <> (SELECT COALESCE(SUM(p.amountCents), 0) FROM invoice_payment p WHERE p.invoiceId = i.id)',
      ),
    ).toBe(0);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM invoice WHERE (status = 'PAID' AND paidCents <> totalCents) OR " +
          "(status = 'PARTIALLY_PAID' AND (paidCents = 0 OR paidCents >= totalCents)) OR (status NOT IN " +
          "('PAID', 'PARTIALLY_PAID') AND paidCents <> 0)",
      ),
    ).toBe(0);
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM invoice i JOIN contract c ON c.id = i.contractId WHERE i.accountId <> ' +
          "c.accountId OR i.currency <> c.currency OR c.status NOT IN ('ACTIVE', 'RENEWED', 'EXPIRED', " +
          "'TERMINATED')",
      ),
    ).toBe(0);
    // Numbers: per year 1..n without gaps (they are unique), and the sequence continues after n.
    const years = await sql<{ year: string; n: number | string; last: string }>(
      'SELECT SUBSTR(number, 5, 4) AS year, COUNT(*) AS n, MAX(number) AS last FROM invoice GROUP BY SUBSTR(number, 5, 4)',
    );
    for (const { year, n, last } of years) {
      expect(Number(last.slice(9))).toBe(Number(n));
      expect(await count('SELECT lastValue AS n FROM number_sequence WHERE name = ?', [`invoice-${year}`])).toBe(
        Number(n),
      );
    }
    // The approval trail: one approved decision by someone else for every approved invoice, a pending request for every pending one.
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM invoice i WHERE i.status IN ('APPROVED', 'SENT', 'PARTIALLY_PAID', " +
          "'PAID') AND (SELECT COUNT(*) FROM approval_decision d JOIN approval_request r ON r.id = " +
          "d.requestId AND r.status = 'APPROVED' WHERE d.subjectType = 'INVOICE' AND d.subjectId = i.id " +
          'AND d.actorId = i.approvedById AND d.actorId <> i.createdById AND d.amountCents = i.totalCents) ' +
          '<> 1',
      ),
    ).toBe(0);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM invoice i WHERE i.status = 'PENDING_APPROVAL' AND (SELECT COUNT(*) " +
          "FROM approval_request r WHERE r.subjectType = 'INVOICE' AND r.subjectId = i.id AND r.status = " +
          "'PENDING') <> 1",
      ),
    ).toBe(0);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM invoice i WHERE i.status = 'DRAFT' AND EXISTS (SELECT 1 FROM " +
          "approval_request r WHERE r.subjectType = 'INVOICE' AND r.subjectId = i.id)",
      ),
    ).toBe(0);
    // Every kind of invoice is there.
    const statuses = Object.fromEntries(
      (
        await sql<{ status: string; n: number | string }>('SELECT status, COUNT(*) AS n FROM invoice GROUP BY status')
      ).map((r) => [r.status, Number(r.n)]),
    );
    expect(statuses.PAID).toBeGreaterThan(invoices / 2);
    expect(statuses.PARTIALLY_PAID).toBeGreaterThan(0);
    expect(statuses.VOID).toBeGreaterThan(0);
    expect((statuses.DRAFT ?? 0) + (statuses.PENDING_APPROVAL ?? 0) + (statuses.APPROVED ?? 0)).toBeGreaterThan(0);

    // Through the API: the overdue filter counts what SQL counts, and new numbers continue the sequence.
    const overdue = await count(
      "SELECT COUNT(*) AS n FROM invoice WHERE status IN ('SENT', 'PARTIALLY_PAID') AND paidCents < totalCents AND dueDate < ?",
      [inDays(0)],
    );
    expect(overdue).toBeGreaterThan(0);
    expect((await vp.invoices({ first: 1, filter: { overdue: true } })).invoices.totalCount).toBe(overdue);
    const year = inDays(0).slice(0, 4);
    const last = await count('SELECT lastValue AS n FROM number_sequence WHERE name = ?', [`invoice-${year}`]);
    const contract = await activeContract(10_000);
    const next = await draftInvoice(contract.id);
    expect(next.number).toBe(`INV-${year}-${String(last + 1).padStart(5, '0')}`);
  });
  it('seeds the same invoices for the same random numbers and day', async () => {
    const ROLLBACK = new Error('rollback');
    const seedAndRollBack = async (): Promise<string> => {
      let snapshot = '';
      let state = 7;
      const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
      await server.db
        .transaction(async (em) => {
          const from = Number((await em.query('SELECT COALESCE(MAX(id), 0) AS m FROM invoice'))[0].m);
          await seedInvoices(em, random, '2026-06-15');
          const rows = await em.query(
            'SELECT number, status, issueDate, dueDate, totalCents, paidCents, approvedById FROM invoice WHERE id > ? ORDER BY id',
            [from],
          );
          const lines = await em.query(
            'SELECT l.position, l.description, l.quantityThousandths, l.amountCents FROM invoice_line l WHERE l.invoiceId > ? ORDER BY l.id',
            [from],
          );
          snapshot = JSON.stringify([rows, lines]);
          throw ROLLBACK;
        })
        .catch((error) => {
          if (error !== ROLLBACK) throw error;
        });
      return snapshot;
    };
    const first = await seedAndRollBack();
    expect(first.length).toBeGreaterThan(100_000);
    expect(await seedAndRollBack()).toBe(first);
  });
});

describe('raising invoices', () => {
  it('creates a numbered DRAFT with its lines, total and balance, audited', async () => {
    const contract = await activeContract(100_000);
    const invoice = await draftInvoice(
      contract.id,
      [
        line(1_200, 'Platform fee, March 2026'),
        { description: 'Implementation services (hours)', quantity: '12.5', unitPrice: dollars(185) },
      ],
      robin,
      {
        issueDate: '2026-04-01',
        dueDate: '2026-05-01',
      },
    );
    expect(invoice).toMatchObject({
      status: 'DRAFT',
      issueDate: '2026-04-01',
      dueDate: '2026-05-01',
      total: { amountCents: 351_250, currency: 'USD' },
      amountPaid: { amountCents: 0 },
      balanceDue: { amountCents: 0 }, // nothing is owed on a draft: the balance falls due once it is sent
      isOverdue: false,
      version: 1,
      contract: { id: contract.id, number: contract.number },
      account: { id: accountId },
      approvedBy: null,
    });
    expect(invoice.number).toMatch(/^INV-2026-\d{5}$/);
    expect(invoice.lines.edges.map((e) => [e.node.position, e.node.quantity, e.node.amount.amountCents])).toEqual([
      [1, '1', 120_000],
      [2, '12.5', 231_250],
    ]);
    const { auditEvents } = await vp.auditEvents({ first: 1, filter: { entityId: invoice.id } });
    expect(auditEvents.edges[0].node).toMatchObject({
      action: 'createInvoice',
      changes: expect.objectContaining({
        totalCents: { before: null, after: 351_250 },
        status: { before: null, after: 'DRAFT' },
      }),
    });
    const today = await draftInvoice(contract.id);
    expect(today).toMatchObject({ issueDate: inDays(0), dueDate: inDays(30) });
  });

  it('rounds each line half-even to the cent, visibly through the API', async () => {
    const contract = await activeContract(10_000);
    const invoice = await draftInvoice(contract.id, [
      {
        description: '2.5 × $3.33: 832.5 cents rounds to the even 832',
        quantity: '2.5',
        unitPrice: { amountCents: 333 },
      },
      {
        description: '1.5 × $10.01: 1501.5 cents rounds to the even 1502',
        quantity: '1.5',
        unitPrice: { amountCents: 1001 },
      },
      {
        description: '2.125 × $1.00: 212.5 cents rounds to the even 212',
        quantity: '2.125',
        unitPrice: { amountCents: 100 },
      },
      { description: '0.001 × $5.01: 0.501 cents rounds up to 1', quantity: '0.001', unitPrice: { amountCents: 501 } },
      {
        description: 'Trailing zeros drop: "3.50" reads back as "3.5"',
        quantity: '3.50',
        unitPrice: { amountCents: 1 },
      },
    ]);
    expect(
      invoice.lines.edges.map((e) => [e.node.quantity, e.node.unitPrice.amountCents, e.node.amount.amountCents]),
    ).toEqual([
      ['2.5', 333, 832],
      ['1.5', 1001, 1502],
      ['2.125', 100, 212],
      ['0.001', 501, 1],
      ['3.5', 1, 4],
    ]);
    expect(invoice.total.amountCents).toBe(832 + 1502 + 212 + 1 + 4);
  });

  it("keeps 10^13 cents exact, from the line to the contract's remaining value", async () => {
    const contract = await activeContract(100_000_000_000);
    const invoice = await approvedInvoice(contract.id, 100_000_000_000);
    expect(invoice.total).toEqual({ amountCents: 10_000_000_000_000, currency: 'USD' });
    const [row] = await sql<{ totalCents: string | number }>('SELECT totalCents FROM invoice WHERE number = ?', [
      invoice.number,
    ]);
    expect(String(row.totalCents)).toBe('10000000000000');
    const { contract: read } = await vp.contractInvoices({ contractId: contract.id });
    expect(read).toMatchObject({
      invoicedToDate: { amountCents: 10_000_000_000_000 },
      remainingValue: { amountCents: 0 },
    });
    const tooMuch = await expectError(draftInvoice(contract.id, [line(100_000_000_000), line(0.01)]), 'BAD_USER_INPUT');
    expect(tooMuch.fields).toEqual([
      { path: 'input.lines', message: 'the total of the lines is more than the largest amount accepted' },
    ]);
  });

  it('refuses bad quantities, prices, dates and accounts, and contracts that are not ACTIVE, writing nothing', async () => {
    const contract = await activeContract(10_000);
    const before = await count('SELECT COUNT(*) AS n FROM invoice');
    for (const quantity of ['0', '0.000', '1.2345', '-1', '1e3', '1234567890', '']) {
      const error = await expectError(
        draftInvoice(contract.id, [line(10), { description: 'Bad', quantity, unitPrice: dollars(1) }]),
        'BAD_USER_INPUT',
      );
      expect(error.fields).toEqual([
        {
          path: 'input.lines.1.quantity',
          message: expect.stringMatching(/more than zero with at most 9 digits before the point and 3 after/),
        },
      ]);
    }
    const negative = await expectError(draftInvoice(contract.id, [line(-5)]), 'BAD_USER_INPUT');
    expect(negative.fields).toEqual([
      { path: 'input.lines.0.unitPrice.amountCents', message: 'a unit price cannot be negative' },
    ]);
    const noLines = await expectError(draftInvoice(contract.id, []), 'BAD_USER_INPUT');
    expect(noLines.fields).toEqual([{ path: 'input.lines', message: 'an invoice needs at least one line' }]);
    const dates = await expectError(
      draftInvoice(contract.id, [line(10)], robin, { issueDate: '2026-06-01', dueDate: '2026-05-31' }),
      'BAD_USER_INPUT',
    );
    expect(dates.fields).toEqual([
      { path: 'input.dueDate', message: 'the due date must be on or after the issue date' },
    ]);
    const [other] = await sql<{ id: number }>('SELECT id FROM account WHERE id <> ? ORDER BY id LIMIT 1', [
      rowId(accountId),
    ]);
    const wrongAccount = await expectError(
      robin.createInvoice({
        input: {
          contractId: contract.id,
          accountId: Buffer.from(`Account:${other.id}`).toString('base64'),
          lines: [line(10)],
        },
      }),
      'BAD_USER_INPUT',
    );
    expect(wrongAccount.fields[0].path).toBe('input.accountId');
    const draftContract = (
      await jordan.createContract({
        input: {
          accountId,
          title: 'Not yet signed',
          type: 'STATEMENT_OF_WORK',
          startDate: inDays(0),
          endDate: inDays(100),
          value: dollars(5_000),
        },
      })
    ).createContract.contract;
    const notActive = await expectError(draftInvoice(draftContract.id), 'CONFLICT');
    expect(notActive.message).toBe(
      `Contract ${draftContract.number} is DRAFT; new invoices can be raised only under an ACTIVE contract.`,
    );
    expect(await count('SELECT COUNT(*) AS n FROM invoice')).toBe(before);
  });

  it('writes nothing when a later line is invalid: no invoice, no lines, no audit event, no number used', async () => {
    const contract = await activeContract(10_000);
    const first = await draftInvoice(contract.id, [line(10)], robin, { issueDate: '2042-01-10' });
    expect(first.number).toBe('INV-2042-00001');
    const rowsBefore = {
      lines: await count('SELECT COUNT(*) AS n FROM invoice_line'),
      audit: await count('SELECT COUNT(*) AS n FROM audit_event'),
    };
    // The contract is in USD; the third line is in euros, found only after the number was taken.
    const error = await expectError(
      draftInvoice(
        contract.id,
        [
          line(10),
          line(20),
          { description: 'Travel', quantity: '1', unitPrice: { amountCents: 5_000, currency: 'EUR' } },
        ],
        robin,
        { issueDate: '2042-01-11' },
      ),
      'BAD_USER_INPUT',
    );
    expect(error.fields).toEqual([
      { path: 'input.lines.2.unitPrice.currency', message: "the amount must be in USD, the contract's currency" },
    ]);
    expect(await count('SELECT COUNT(*) AS n FROM invoice WHERE contractId = ?', [rowId(contract.id)])).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM invoice_line')).toBe(rowsBefore.lines);
    expect(await count('SELECT COUNT(*) AS n FROM audit_event')).toBe(rowsBefore.audit);
    expect(await count("SELECT lastValue AS n FROM number_sequence WHERE name = 'invoice-2042'")).toBe(1);
    const second = await draftInvoice(contract.id, [line(10)], robin, { issueDate: '2042-01-12' });
    expect(second.number).toBe('INV-2042-00002');
  });

  it('numbers invoices created at the same moment without repeats or gaps', async () => {
    const contract = await activeContract(10_000);
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        draftInvoice(contract.id, [line(10 + i)], i % 2 ? robin : jordan, { issueDate: '2041-03-01' }),
      ),
    );
    const numbers = created.map((invoice) => Number(invoice.number.slice('INV-2041-'.length))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("lets the account's writers and finance raise invoices, and nobody else", async () => {
    const contract = await activeContract(10_000);
    await expect(draftInvoice(contract.id, [line(10)], robin)).resolves.toMatchObject({ status: 'DRAFT' });
    await expect(draftInvoice(contract.id, [line(10)], jordan)).resolves.toMatchObject({ status: 'DRAFT' });
    await expect(draftInvoice(contract.id, [line(10)], marcus)).resolves.toMatchObject({ status: 'DRAFT' });
    const itDirector = await expectError(
      draftInvoice(contract.id, [line(10)], await server.client(Role.IT_DIRECTOR)),
      'FORBIDDEN',
    );
    expect(itDirector.message).toMatch(
      /only its owner, its team, their senior account managers, finance, executives and admins can/,
    );
    await expectError(draftInvoice(contract.id, [line(10)], await server.client(Role.BI_READER)), 'FORBIDDEN');
    await expectError(draftInvoice(contract.id, [line(10)], casey), 'NOT_FOUND');
    await expectError(draftInvoice(contract.id, [line(10)], await server.client('sam')), 'NOT_FOUND');
  });

  it('changes only a DRAFT, with expectedVersion; new lines replace the old and move the total', async () => {
    const contract = await activeContract(10_000);
    const invoice = await draftInvoice(contract.id, [line(100), line(200)], robin, { issueDate: '2026-03-01' });
    const { invoice: updated } = (
      await robin.updateInvoice({
        input: { id: invoice.id, expectedVersion: 1, dueDate: '2026-04-15', lines: [line(50, 'Workshop')] },
      })
    ).updateInvoice;
    expect(updated).toMatchObject({
      version: 2,
      dueDate: '2026-04-15',
      total: { amountCents: 5_000 },
      lines: { totalCount: 1, edges: [{ node: { position: 1, description: 'Workshop' } }] },
    });
    await expectError(
      robin.updateInvoice({ input: { id: invoice.id, expectedVersion: 1, dueDate: '2026-04-20' } }),
      'CONFLICT',
    );
    const year = await expectError(
      robin.updateInvoice({ input: { id: invoice.id, expectedVersion: 2, issueDate: '2027-01-01' } }),
      'BAD_USER_INPUT',
    );
    expect(year.fields[0]).toEqual({
      path: 'input.issueDate',
      message: expect.stringMatching(/must stay in 2026, the year in the number INV-2026-/),
    });
    // A bad later line leaves the lines, total and version as they were.
    const bad = await expectError(
      robin.updateInvoice({ input: { id: invoice.id, expectedVersion: 2, lines: [line(75), line(-1)] } }),
      'BAD_USER_INPUT',
    );
    expect(bad.fields[0].path).toBe('input.lines.1.unitPrice.amountCents');
    const { invoice: unchanged } = await robin.invoice({ id: invoice.id });
    expect(unchanged).toMatchObject({ version: 2, total: { amountCents: 5_000 }, lines: { totalCount: 1 } });
    await robin.submitInvoice({ input: { id: invoice.id } });
    const locked = await expectError(
      robin.updateInvoice({ input: { id: invoice.id, expectedVersion: 3, dueDate: '2026-05-01' } }),
      'CONFLICT',
    );
    expect(locked.message).toMatch(/only a DRAFT invoice can be changed/);
    const { auditEvents } = await vp.auditEvents({
      first: 5,
      filter: { entityId: invoice.id, action: 'updateInvoice' },
    });
    expect(auditEvents.edges[0].node.changes).toMatchObject({
      totalCents: { before: 30_000, after: 5_000 },
      lines: { after: ['1 × 5000 = 5000 Workshop'] },
    });
  });
});

describe('approving invoices', () => {
  it("approves within each role's limit (account manager $50k, senior and finance $250k, executive any) and refuses a cent more", async () => {
    const contract = await activeContract(5_000_000);
    const limits: [AccountGraphClient, string, number, AccountGraphClient][] = [
      [jordan, 'Jordan Kim', 50_000, robin],
      [marcus, 'Marcus Ellison', 250_000, robin],
      [robin, 'Robin Castillo', 250_000, jordan],
    ];
    for (const [approver, name, limit, author] of limits) {
      const within = await pendingInvoice(contract.id, limit, author);
      const { approveInvoice } = await approver.approveInvoice({
        input: { id: within.id, note: 'Matches the billing schedule' },
      });
      expect(approveInvoice.invoice).toMatchObject({
        status: 'APPROVED',
        approvedBy: { name },
        approvedAt: expect.any(String),
      });
      expect(approveInvoice.decision).toMatchObject({
        decision: 'APPROVED',
        subjectType: 'INVOICE',
        amount: { amountCents: limit * 100 },
        actor: { name },
        note: 'Matches the billing schedule',
      });
      const above = await pendingInvoice(contract.id, limit + 0.01, author);
      const error = await expectError(approver.approveInvoice({ input: { id: above.id } }), 'FORBIDDEN');
      expect(error.message).toContain(
        `invoice ${above.number} is for USD ` +
          `${(limit + 0.01).toLocaleString('en-US', { minimumFractionDigits: 2 })}, above your approval ` +
          `limit of USD ${limit.toLocaleString('en-US')}.00.`,
      );
    }
    const aboveAm = await expectError(
      jordan.approveInvoice({ input: { id: (await pendingInvoice(contract.id, 60_000)).id } }),
      'FORBIDDEN',
    );
    expect(aboveAm.message).toMatch(
      /A senior account manager \(up to USD 250,000.00\), finance \(up to USD 250,000.00\) or an executive must approve it\.$/,
    );
    const large = await pendingInvoice(contract.id, 1_000_000, jordan);
    const aboveFinance = await expectError(robin.approveInvoice({ input: { id: large.id } }), 'FORBIDDEN');
    expect(aboveFinance.message).toMatch(/An executive or an admin must approve it\.$/);
    await expect(vp.approveInvoice({ input: { id: large.id } })).resolves.toMatchObject({
      approveInvoice: { invoice: { status: 'APPROVED' } },
    });
  });

  it('refuses self-approval, roles without approval authority and approvers who cannot see the account', async () => {
    const contract = await activeContract(100_000);
    const own = await pendingInvoice(contract.id, 1_000, robin);
    expect((await expectError(robin.approveInvoice({ input: { id: own.id } }), 'FORBIDDEN')).message).toMatch(
      /segregation of duties/,
    );
    // Jordan drafted it and finance submitted it: neither may decide it.
    const drafted = await draftInvoice(contract.id, [line(1_000)], jordan);
    await robin.submitInvoice({ input: { id: drafted.id } });
    await expectError(jordan.approveInvoice({ input: { id: drafted.id } }), 'FORBIDDEN');
    await expectError(robin.rejectInvoice({ input: { id: drafted.id, reason: 'Mine' } }), 'FORBIDDEN');
    await expectError(
      (await server.client(Role.IT_DIRECTOR)).approveInvoice({ input: { id: drafted.id } }),
      'FORBIDDEN',
    );
    await expectError((await server.client(Role.BI_READER)).approveInvoice({ input: { id: drafted.id } }), 'FORBIDDEN');
    await expectError(casey.approveInvoice({ input: { id: drafted.id } }), 'NOT_FOUND');
    const { invoice } = await vp.invoice({ id: drafted.id });
    expect(invoice).toMatchObject({ status: 'PENDING_APPROVAL', approvals: { totalCount: 0 } });
  });

  it('rejects back to DRAFT with a reason, after which it can be changed and submitted again', async () => {
    const contract = await activeContract(100_000);
    const invoice = await pendingInvoice(contract.id, 2_000);
    const noReason = await expectError(
      marcus.rejectInvoice({ input: { id: invoice.id, reason: '  ' } }),
      'BAD_USER_INPUT',
    );
    expect(noReason.fields[0].path).toBe('input.reason');
    const { rejectInvoice } = await marcus.rejectInvoice({
      input: { id: invoice.id, reason: 'Bill March and April separately' },
    });
    expect(rejectInvoice.invoice.status).toBe('DRAFT');
    expect(rejectInvoice.decision).toMatchObject({
      decision: 'REJECTED',
      note: 'Bill March and April separately',
      actor: { name: 'Marcus Ellison' },
    });
    await expectError(marcus.approveInvoice({ input: { id: invoice.id } }), 'CONFLICT');
    await robin.updateInvoice({
      input: { id: invoice.id, expectedVersion: rejectInvoice.invoice.version, lines: [line(1_000, 'March')] },
    });
    await robin.submitInvoice({ input: { id: invoice.id } });
    await marcus.approveInvoice({ input: { id: invoice.id } });
    const { invoice: read } = await vp.invoice({ id: invoice.id });
    expect(read!.approvals.edges.map((e) => e.node.decision)).toEqual(['APPROVED', 'REJECTED']);
  });

  it("refuses an approval that would take the contract's invoiced total past its value, names the numbers, and changes nothing", async () => {
    const contract = await activeContract(100_000);
    await approvedInvoice(contract.id, 60_000);
    const over = await pendingInvoice(contract.id, 50_000);
    const auditBefore = await count('SELECT COUNT(*) AS n FROM audit_event');
    const error = await expectError(vp.approveInvoice({ input: { id: over.id } }), 'CONFLICT');
    expect(error.message).toBe(
      `Approving invoice ${over.number} for USD 50,000.00 would bring the total invoiced under ` +
        `contract ${contract.number} to more than its value of USD 100,000.00 ` +
        '(USD 60,000.00 invoiced already). An approved change order is needed to raise the contract value first.',
    );
    const { invoice } = await vp.invoice({ id: over.id });
    expect(invoice).toMatchObject({
      status: 'PENDING_APPROVAL',
      version: over.version,
      approvedBy: null,
      approvedAt: null,
      approvals: { totalCount: 0 },
    });
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM approval_request WHERE subjectType = 'INVOICE' AND subjectId = ? AND status = 'PENDING'",
        [rowId(over.id)],
      ),
    ).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM audit_event')).toBe(auditBefore);
    expect((await vp.contractInvoices({ contractId: contract.id })).contract).toMatchObject({
      invoicedToDate: { amountCents: 6_000_000 },
      remainingValue: { amountCents: 4_000_000 },
    });
    // Exactly up to the value is fine.
    const fits = await pendingInvoice(contract.id, 40_000);
    await expect(vp.approveInvoice({ input: { id: fits.id } })).resolves.toBeDefined();
  });

  it('checks concurrent approvals under one contract one after the other: of two that together pass the value, one gets through', async () => {
    const contract = await activeContract(100_000);
    const [a, b] = await Promise.all([pendingInvoice(contract.id, 60_000), pendingInvoice(contract.id, 60_000)]);
    const results = await Promise.allSettled([
      vp.approveInvoice({ input: { id: a.id } }),
      vp.approveInvoice({ input: { id: b.id } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [refused] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.reason).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/An approved change order is needed/),
    });
    expect((await vp.contractInvoices({ contractId: contract.id })).contract!.invoicedToDate.amountCents).toBe(
      6_000_000,
    );
  });

  it('puts pending invoices in the queue of those who could decide them', async () => {
    const contract = await activeContract(1_000_000);
    const small = await pendingInvoice(contract.id, 30_000, jordan);
    const big = await pendingInvoice(contract.id, 300_000, jordan);
    const queue = async (who: 'robin' | 'jordan' | Role) => {
      const subjects: string[] = [];
      let after: string | null = null;
      do {
        const response: any = await server.gql(
          who,
          'query ($after: String) { approvalQueue(first: 100, after: $after) { pageInfo { hasNextPage ' +
            'endCursor } edges { node { subject { ... on Invoice { id } } } } } }',
          { after },
        );
        expect(response.body.errors).toBeUndefined();
        const page = response.body.data.approvalQueue;
        subjects.push(...page.edges.map((e: any) => e.node.subject?.id).filter(Boolean));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return subjects;
    };
    expect(await queue('robin')).toEqual(expect.arrayContaining([small.id]));
    expect(await queue('robin')).not.toContain(big.id);
    expect(await queue(Role.EXECUTIVE)).toEqual(expect.arrayContaining([small.id, big.id]));
    expect(await queue('jordan')).not.toContain(small.id);
  });
});

describe('sending, payments and voids', () => {
  it('sends an APPROVED invoice and refuses every step out of turn with CONFLICT', async () => {
    const contract = await activeContract(100_000);
    const invoice = await draftInvoice(contract.id, [line(1_000)]);
    const id = invoice.id;
    const refused = (call: Promise<unknown>) => expectError(call, 'CONFLICT');
    // DRAFT
    await refused(vp.approveInvoice({ input: { id } }));
    await refused(vp.rejectInvoice({ input: { id, reason: 'No' } }));
    await refused(robin.sendInvoice({ input: { id } }));
    await refused(pay(id, 100));
    // PENDING_APPROVAL
    await robin.submitInvoice({ input: { id } });
    await refused(robin.submitInvoice({ input: { id } }));
    await refused(robin.updateInvoice({ input: { id, expectedVersion: 2, dueDate: inDays(40) } }));
    await refused(robin.sendInvoice({ input: { id } }));
    await refused(pay(id, 100));
    // APPROVED
    await vp.approveInvoice({ input: { id } });
    await refused(vp.approveInvoice({ input: { id } }));
    await refused(vp.rejectInvoice({ input: { id, reason: 'Too late' } }));
    await refused(robin.submitInvoice({ input: { id } }));
    await refused(pay(id, 100));
    // SENT
    const { sendInvoice } = await robin.sendInvoice({ input: { id } });
    expect(sendInvoice.invoice).toMatchObject({
      status: 'SENT',
      sentAt: expect.any(String),
      isOverdue: false,
      balanceDue: { amountCents: 100_000 },
    });
    expect((await refused(robin.sendInvoice({ input: { id } }))).message).toBe(
      `Invoice ${invoice.number} is SENT; this needs it to be APPROVED.`,
    );
    await refused(vp.approveInvoice({ input: { id } }));
    await refused(robin.submitInvoice({ input: { id } }));
    await refused(robin.updateInvoice({ input: { id, expectedVersion: 4, dueDate: inDays(40) } }));
    // Only the account's writers and finance send.
    const other = await approvedInvoice(contract.id, 10);
    await expectError((await server.client(Role.BI_READER)).sendInvoice({ input: { id: other.id } }), 'FORBIDDEN');
    await expectError((await server.client(Role.IT_DIRECTOR)).sendInvoice({ input: { id: other.id } }), 'FORBIDDEN');
    await expect(jordan.sendInvoice({ input: { id: other.id } })).resolves.toBeDefined();
  });

  it('refuses each step at a stale expectedVersion with STALE_VERSION, changing nothing; the current one passes', async () => {
    const contract = await activeContract(100_000);
    const invoice = await pendingInvoice(contract.id, 1_000);
    const id = invoice.id;
    const stale = async (call: Promise<unknown>, expectedVersion: number, actualVersion: number) => {
      const error = await expectError(call, 'CONFLICT');
      expect(error.reason).toBe('STALE_VERSION');
      expect(error.extensions).toMatchObject({ expectedVersion, actualVersion });
    };
    const state = async () => {
      const { invoice: read } = await vp.invoice({ id });
      return { status: read!.status, version: read!.version, paid: read!.amountPaid.amountCents };
    };
    const actions = async () =>
      (await vp.auditEvents({ first: 10, filter: { entityId: id } })).auditEvents.edges.map((e) => e.node.action);

    await stale(vp.approveInvoice({ input: { id, expectedVersion: 1 } }), 1, 2);
    await stale(vp.rejectInvoice({ input: { id, expectedVersion: 1, reason: 'Stale' } }), 1, 2);
    expect(await state()).toEqual({ status: 'PENDING_APPROVAL', version: 2, paid: 0 });
    await vp.approveInvoice({ input: { id, expectedVersion: 2 } });

    await stale(robin.sendInvoice({ input: { id, expectedVersion: 2 } }), 2, 3);
    expect(await state()).toEqual({ status: 'APPROVED', version: 3, paid: 0 });
    await robin.sendInvoice({ input: { id, expectedVersion: 3 } });

    await stale(robin.voidInvoice({ input: { id, expectedVersion: 3, reason: 'Stale' } }), 3, 4);
    await stale(
      robin.recordPayment({
        input: { invoiceId: id, expectedVersion: 3, amount: { amountCents: 100 }, reference: 'x' },
      }),
      3,
      4,
    );
    expect(await state()).toEqual({ status: 'SENT', version: 4, paid: 0 });
    expect(await count('SELECT COUNT(*) AS n FROM invoice_payment WHERE invoiceId = ?', [rowId(id)])).toBe(0);
    expect(await actions()).toEqual(['sendInvoice', 'approveInvoice', 'submitInvoice', 'createInvoice']);

    const { recordPayment } = await robin.recordPayment({
      input: { invoiceId: id, expectedVersion: 4, amount: { amountCents: 100 }, reference: 'x' },
    });
    expect(recordPayment.invoice).toMatchObject({ status: 'PARTIALLY_PAID', version: 5 });
    expect(await actions()).toEqual([
      'recordPayment',
      'sendInvoice',
      'approveInvoice',
      'submitInvoice',
      'createInvoice',
    ]);
  });

  it('records payments down to PAID, and refuses zero, another currency, more than the balance and a paid invoice', async () => {
    const contract = await activeContract(100_000);
    const invoice = await sentInvoice(contract.id, 1_000);
    expect((await expectError(pay(invoice.id, 0), 'BAD_USER_INPUT')).fields).toEqual([
      { path: 'input.amount.amountCents', message: 'a payment must be more than zero' },
    ]);
    await expectError(pay(invoice.id, -100), 'BAD_USER_INPUT');
    await expectError(
      robin.recordPayment({
        input: { invoiceId: invoice.id, amount: { amountCents: 100, currency: 'EUR' }, reference: 'x' },
      }),
      'BAD_USER_INPUT',
    );
    await expectError(
      robin.recordPayment({
        input: {
          invoiceId: invoice.id,
          amount: { amountCents: 100 },
          reference: 'x',
          paidAt: new Date(Date.now() + 2 * DAY).toISOString(),
        },
      }),
      'BAD_USER_INPUT',
    );
    const tooMuch = await expectError(pay(invoice.id, 100_001), 'CONFLICT');
    expect(tooMuch.message).toBe(
      `A payment of USD 1,000.01 is more than the balance due on invoice ${invoice.number}, USD ` +
        `1,000.00. Record at most the balance; an overpayment is a credit to settle outside the invoice.`,
    );

    const first = (await pay(invoice.id, 40_000, robin, 'WIRE-7781')).recordPayment;
    expect(first.invoice).toMatchObject({
      status: 'PARTIALLY_PAID',
      amountPaid: { amountCents: 40_000 },
      balanceDue: { amountCents: 60_000 },
    });
    expect(first.payment).toMatchObject({
      amount: { amountCents: 40_000, currency: 'USD' },
      reference: 'WIRE-7781',
      recordedBy: { name: 'Robin Castillo' },
    });
    const again = await expectError(pay(invoice.id, 60_001), 'CONFLICT');
    expect(again.message).toMatch(/the balance due on invoice .*, USD 600.00\./);
    const second = (await pay(invoice.id, 60_000, jordan, 'ACH-1193')).recordPayment;
    expect(second.invoice).toMatchObject({ status: 'PAID', balanceDue: { amountCents: 0 }, isOverdue: false });
    expect((await expectError(pay(invoice.id, 1), 'CONFLICT')).message).toMatch(
      /is PAID; payments can be recorded only on a SENT or PARTIALLY_PAID invoice/,
    );
    await expectError(pay(invoice.id, 1, await server.client(Role.BI_READER)), 'FORBIDDEN');

    const { invoice: read } = await vp.invoice({ id: invoice.id });
    expect(read!.payments.edges.map((e) => [e.node.amount.amountCents, e.node.reference])).toEqual([
      [60_000, 'ACH-1193'],
      [40_000, 'WIRE-7781'],
    ]);
    const { auditEvents } = await vp.auditEvents({
      first: 5,
      filter: { entityId: invoice.id, action: 'recordPayment' },
    });
    expect(auditEvents.edges[0].node.changes).toMatchObject({
      status: { before: 'PARTIALLY_PAID', after: 'PAID' },
      paidCents: { before: 40_000, after: 100_000 },
    });
  });

  it('lets through only the concurrent payments that fit the balance', async () => {
    const contract = await activeContract(100_000);
    const pair = await sentInvoice(contract.id, 1_000);
    const results = await Promise.allSettled([pay(pair.id, 60_000), pay(pair.id, 60_000)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason.code),
    ).toEqual(['CONFLICT']);
    expect((await vp.invoice({ id: pair.id })).invoice).toMatchObject({
      status: 'PARTIALLY_PAID',
      amountPaid: { amountCents: 60_000 },
      payments: { totalCount: 1 },
    });

    const many = await sentInvoice(contract.id, 1_000);
    const ten = await Promise.allSettled(Array.from({ length: 10 }, () => pay(many.id, 15_000)));
    expect(ten.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
    const { invoice } = await vp.invoice({ id: many.id });
    expect(invoice).toMatchObject({
      status: 'PARTIALLY_PAID',
      amountPaid: { amountCents: 90_000 },
      balanceDue: { amountCents: 10_000 },
      payments: { totalCount: 6 },
    });
  });

  it('voids DRAFT, PENDING_APPROVAL (out of the queue), APPROVED and SENT invoices with a reason, never once paid', async () => {
    const contract = await activeContract(100_000);
    const draft = await draftInvoice(contract.id);
    const pending = await pendingInvoice(contract.id, 500);
    const approved = await approvedInvoice(contract.id, 700);
    const sent = await sentInvoice(contract.id, 900);
    await expectError(robin.voidInvoice({ input: { id: draft.id, reason: ' ' } }), 'BAD_USER_INPUT');
    await expectError(
      (await server.client(Role.BI_READER)).voidInvoice({ input: { id: draft.id, reason: 'Duplicate' } }),
      'FORBIDDEN',
    );
    for (const invoice of [draft, pending, approved, sent]) {
      const { voidInvoice } = await robin.voidInvoice({
        input: { id: invoice.id, reason: 'Raised twice for the same period' },
      });
      expect(voidInvoice.invoice).toMatchObject({
        status: 'VOID',
        voidReason: 'Raised twice for the same period',
        voidedAt: expect.any(String),
        isOverdue: false,
      });
    }
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM approval_request WHERE subjectType = 'INVOICE' AND subjectId = ? AND status = 'WITHDRAWN'",
        [rowId(pending.id)],
      ),
    ).toBe(1);
    await expectError(vp.approveInvoice({ input: { id: pending.id } }), 'CONFLICT');
    await expectError(robin.voidInvoice({ input: { id: draft.id, reason: 'Again' } }), 'CONFLICT');
    expect((await vp.contractInvoices({ contractId: contract.id })).contract!.invoicedToDate.amountCents).toBe(0);

    const paid = await sentInvoice(contract.id, 1_000);
    await pay(paid.id, 100);
    const error = await expectError(robin.voidInvoice({ input: { id: paid.id, reason: 'Wrong client' } }), 'CONFLICT');
    expect(error.message).toBe(
      `Invoice ${paid.number} has payments of USD 1.00 recorded; an invoice with payments cannot be voided. Issue a credit instead.`,
    );
    expect((await vp.invoice({ id: paid.id })).invoice!.status).toBe('PARTIALLY_PAID');
  });

  it('flags SENT and PARTIALLY_PAID invoices past their due date with a balance as overdue, and filters on it', async () => {
    const contract = await activeContract(100_000);
    const late = await sentInvoice(contract.id, 1_000, { issueDate: inDays(-60), dueDate: inDays(-30) });
    const partlyLate = await sentInvoice(contract.id, 1_000, { issueDate: inDays(-45), dueDate: inDays(-1) });
    await pay(partlyLate.id, 10_000);
    const notYet = await sentInvoice(contract.id, 1_000, { issueDate: inDays(-5), dueDate: inDays(0) });
    const paidLate = await sentInvoice(contract.id, 1_000, { issueDate: inDays(-60), dueDate: inDays(-30) });
    await pay(paidLate.id, 100_000);
    const draftLate = await draftInvoice(contract.id, [line(1_000)], robin, {
      issueDate: inDays(-60),
      dueDate: inDays(-30),
    });
    const flags = async (id: string) => (await vp.invoice({ id })).invoice!.isOverdue;
    expect([
      await flags(late.id),
      await flags(partlyLate.id),
      await flags(notYet.id),
      await flags(paidLate.id),
      await flags(draftLate.id),
    ]).toEqual([true, true, false, false, false]);
    const overdue = await vp.invoices({
      first: 100,
      filter: { contractId: contract.id, overdue: true },
      orderBy: { field: 'DUE_DATE', direction: 'ASC' },
    });
    expect(overdue.invoices.edges.map((e) => e.node.id)).toEqual([late.id, partlyLate.id]);
    const current = await vp.invoices({ first: 100, filter: { contractId: contract.id, overdue: false } });
    expect(current.invoices.totalCount).toBe(3);
    expect(current.invoices.edges.map((e) => e.node.id)).not.toContain(late.id);
  });
});

describe('reading invoices', () => {
  it('reports invoicedToDate and remainingValue from APPROVED, SENT, PARTIALLY_PAID and PAID invoices only', async () => {
    const contract = await activeContract(100_000);
    await approvedInvoice(contract.id, 10_000);
    await sentInvoice(contract.id, 20_000);
    const partly = await sentInvoice(contract.id, 5_000);
    await pay(partly.id, 100_000);
    const paid = await sentInvoice(contract.id, 1_000);
    await pay(paid.id, 100_000);
    await draftInvoice(contract.id, [line(7_000)]);
    await pendingInvoice(contract.id, 3_000);
    const voided = await approvedInvoice(contract.id, 2_000);
    await robin.voidInvoice({ input: { id: voided.id, reason: 'Duplicate' } });
    const { contract: read } = await jordan.contractInvoices({ contractId: contract.id, first: 3 });
    expect(read).toMatchObject({
      invoicedToDate: { amountCents: 3_600_000, currency: 'USD' },
      remainingValue: { amountCents: 6_400_000 },
      invoices: { totalCount: 7 },
    });
    expect(read!.invoices.edges).toHaveLength(3);
    const next = await jordan.contractInvoices({
      contractId: contract.id,
      first: 10,
      after: read!.invoices.pageInfo.endCursor,
    });
    expect(next.contract!.invoices.edges).toHaveLength(4);
  });

  it('lists invoices filtered and sorted, scoped to the accounts you may see, in every path', async () => {
    const contract = await activeContract(100_000);
    const march = await sentInvoice(contract.id, 100, { issueDate: '2026-03-01', dueDate: '2026-03-31' });
    const april = await approvedInvoice(contract.id, 200, { issueDate: '2026-04-01', dueDate: '2026-05-15' });
    const may = await draftInvoice(contract.id, [line(300)], robin, { issueDate: '2026-05-01', dueDate: '2026-05-31' });
    const ids = (page: { invoices: { edges: { node: { id: string } }[] } }) =>
      page.invoices.edges.map((e) => e.node.id);
    const filter = { contractId: contract.id };
    expect(ids(await jordan.invoices({ filter }))).toEqual([may.id, april.id, march.id]);
    expect(ids(await jordan.invoices({ filter: { ...filter, status: ['SENT', 'APPROVED'] } }))).toEqual([
      april.id,
      march.id,
    ]);
    expect(
      ids(
        await jordan.invoices({ filter: { ...filter, issuedOnOrAfter: '2026-04-01', issuedOnOrBefore: '2026-04-30' } }),
      ),
    ).toEqual([april.id]);
    expect(
      ids(await jordan.invoices({ filter: { ...filter, dueOnOrAfter: '2026-05-01', dueOnOrBefore: '2026-05-20' } })),
    ).toEqual([april.id]);
    expect(
      ids(
        await jordan.invoices({ filter: { ...filter, accountId }, orderBy: { field: 'DUE_DATE', direction: 'DESC' } }),
      ),
    ).toEqual([may.id, april.id, march.id]);
    const byNumber = await jordan.invoices({ first: 2, filter, orderBy: { field: 'NUMBER', direction: 'ASC' } });
    expect(byNumber.invoices).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const rest = await jordan.invoices({
      first: 2,
      after: byNumber.invoices.pageInfo.endCursor,
      filter,
      orderBy: { field: 'NUMBER', direction: 'ASC' },
    });
    const numbers = [...byNumber.invoices.edges, ...rest.invoices.edges].map((e) => e.node.number);
    expect(numbers).toEqual([...numbers].sort());
    expect(ids(await jordan.invoices({ filter, orderBy: { field: 'CREATED_AT', direction: 'ASC' } }))).toEqual([
      march.id,
      april.id,
      may.id,
    ]);
    await expectError(jordan.invoices({ filter: { contractId: accountId } }), 'BAD_USER_INPUT');

    // Casey's portfolio does not include the account: lists, counts, by id, node and nested are all empty.
    expect((await casey.invoices({ first: 100, filter })).invoices.totalCount).toBe(0);
    expect((await casey.invoice({ id: march.id })).invoice).toBeNull();
    const { invoice: full } = await jordan.invoice({ id: march.id });
    const nodeQuery = 'query ($id: ID!) { node(id: $id) { __typename id } }';
    for (const id of [march.id, full!.lines.edges[0].node.id]) {
      expect((await server.gql('jordan', nodeQuery, { id })).body.data!.node).toMatchObject({ id });
      expect((await server.gql('casey', nodeQuery, { id })).body.data!.node).toBeNull();
    }
    await pay(march.id, 10_000);
    const paymentId = (await jordan.invoice({ id: march.id })).invoice!.payments.edges[0].node.id;
    expect((await server.gql('jordan', nodeQuery, { id: paymentId })).body.data!.node).toEqual({
      __typename: 'Payment',
      id: paymentId,
    });
    expect((await server.gql('casey', nodeQuery, { id: paymentId })).body.data!.node).toBeNull();
    expect((await server.gql(Role.BI_READER, nodeQuery, { id: paymentId })).body.data!.node).toEqual({
      __typename: 'Payment',
      id: paymentId,
    });
  });

  it('shows an invoice with its lines, payments and approvals', async () => {
    const contract = await activeContract(100_000);
    const invoice = await sentInvoice(contract.id, 2_500);
    await pay(invoice.id, 50_000, robin, 'CHK-1001');
    const { invoice: read } = await marcus.invoice({ id: invoice.id });
    expect(read).toMatchObject({
      status: 'PARTIALLY_PAID',
      lines: {
        totalCount: 1,
        edges: [{ node: { description: 'Implementation services', quantity: '1', amount: { amountCents: 250_000 } } }],
      },
      payments: { totalCount: 1, edges: [{ node: { reference: 'CHK-1001', recordedBy: { name: 'Robin Castillo' } } }] },
      approvals: {
        totalCount: 1,
        edges: [{ node: { decision: 'APPROVED', subjectType: 'INVOICE', actor: { name: 'Dana Whitfield' } } }],
      },
      approvedBy: { name: 'Dana Whitfield' },
    });
  });
});

describe('statements per page', () => {
  // The depth limit (12) stops a connection path account → contracts → invoices → payments one
  // level short of a payment's fields, so the first read counts payments per invoice and the
  // second starts from contracts to read the payments themselves.
  const ACCOUNTS = `query ($first: Int!) {
    accounts(first: $first) { edges { node {
      name
      contracts(first: 3) { totalCount edges { node {
        number invoicedToDate { amountCents } remainingValue { amountCents }
        invoices(first: 5) { totalCount edges { node {
          number status isOverdue total { amountCents } balanceDue { amountCents } approvedBy { name }
          payments(first: 3) { totalCount }
        } } }
      } } }
    } } }
  }`;
  const CONTRACTS = `query ($first: Int!) {
    contracts(first: $first) { edges { node {
      number account { name } invoicedToDate { amountCents } remainingValue { amountCents }
      invoices(first: 5) { totalCount edges { node {
        number isOverdue balanceDue { amountCents } approvedBy { name }
        lines(first: 5) { edges { node { quantity amount { amountCents } } } }
        payments(first: 3) { totalCount edges { node { amount { amountCents } reference recordedBy { name } } } }
      } } }
    } } }
  }`;

  beforeAll(seedDemoInvoices);

  async function statementsFor(
    who: Role | 'jordan' | 'marcus',
    query: string,
    first: number,
  ): Promise<{ count: number; payments: number }> {
    const token = await server.signedIn(who);
    server.resetQueries();
    const response = await server.post({ query, variables: { first } }, { authorization: `Bearer ${token}` });
    expect(response.body.errors).toBeUndefined();
    const json = JSON.stringify(response.body.data);
    if (process.env.SHOW_TIMINGS) console.log(`${who}, first ${first}: ${server.queries.length} statements`);
    return {
      count: server.queries.length,
      payments: (json.match(/"totalCount"/g) ?? []).length + (json.match(/"reference"/g) ?? []).length,
    };
  }

  it.each([Role.EXECUTIVE, 'marcus' as const, 'jordan' as const])(
    "stay the same for 5 and 50 accounts down to their invoices' payments (%s)",
    async (who) => {
      const small = await statementsFor(who, ACCOUNTS, 5);
      const large = await statementsFor(who, ACCOUNTS, 50);
      expect(large.payments).toBeGreaterThan(small.payments);
      expect(large.count).toBe(small.count);
      // accounts, contracts + count, invoiced sums, invoices + count, approvers, payments + count.
      expect(large.count).toBeLessThanOrEqual(11);
    },
  );

  it.each([Role.EXECUTIVE, 'jordan' as const])(
    'stay the same for 5 and 50 contracts with invoices, lines, payments and who recorded them (%s)',
    async (who) => {
      const small = await statementsFor(who, CONTRACTS, 5);
      const large = await statementsFor(who, CONTRACTS, 50);
      expect(large.payments).toBeGreaterThan(small.payments);
      expect(large.count).toBe(small.count);
      // contracts + accounts, invoiced sums, invoices + count, approvers, lines, payments + count, recorders.
      expect(large.count).toBeLessThanOrEqual(12);
    },
  );
});
