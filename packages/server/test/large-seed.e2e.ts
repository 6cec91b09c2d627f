import { createHash } from 'node:crypto';
import { dataModel } from '../src/app/modules';
import type { Database } from '../src/db/database';
import { openDatabase } from '../src/db/open';
import { LARGE_SEED, seedLargeIfEmpty } from '../src/db/seed/large-seed';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/** The large seed at 1/100: small enough for a test, the same code path as `--scale large`. */
const SCALE = 0.01;

/** Tables whose full contents are fingerprinted, each in id order. */
const TABLES = [
  'user',
  'account',
  'contact',
  'account_team_member',
  'contract',
  'invoice',
  'invoice_line',
  'invoice_payment',
  'approval_request',
  'approval_decision',
  'project',
  'project_member',
  'project_cost',
  'status_update',
  'client_issue',
  'client_issue_event',
  'number_sequence',
];

interface Loaded {
  database: TestDatabase;
  db: Database;
}

async function load(): Promise<Loaded> {
  const database = createTestDatabase();
  const db = await openDatabase(database.config, dataModel);
  await seedLargeIfEmpty(db, { scale: SCALE });
  return { database, db };
}

async function rows(db: Database, sql: string): Promise<Record<string, unknown>[]> {
  return db.dataSource.query(sql);
}

/** Row counts and a SHA-256 of every row of every table, read back with plain SQL. */
async function fingerprint(db: Database): Promise<Record<string, { count: number; sha256: string }>> {
  const q = (name: string) => (db.dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
  const result: Record<string, { count: number; sha256: string }> = {};
  for (const table of TABLES) {
    const all = await rows(db, `SELECT * FROM ${q(table)} ORDER BY id`);
    result[table] = {
      count: all.length,
      sha256: createHash('sha256').update(JSON.stringify(all)).digest('hex'),
    };
  }
  return result;
}

describe('the large seed (at 1/100)', () => {
  let first: Loaded;
  let second: Loaded;

  beforeAll(async () => {
    first = await load();
    second = await load();
  }, 120_000);

  afterAll(async () => {
    for (const loaded of [first, second]) {
      if (!loaded) continue;
      await loaded.db.dataSource.destroy();
      await loaded.database.drop();
    }
  });

  it('writes the same rows every time, in the scaled counts', async () => {
    const [a, b] = [await fingerprint(first.db), await fingerprint(second.db)];
    expect(a).toEqual(b);
    expect(a.account.count).toBe(LARGE_SEED.accounts * SCALE);
    expect(a.contract.count).toBe(LARGE_SEED.contracts * SCALE);
    expect(a.invoice.count).toBe(LARGE_SEED.invoices * SCALE);
    expect(a.invoice_line.count).toBe(LARGE_SEED.invoices * SCALE * LARGE_SEED.linesPerInvoice);
    expect(a.client_issue.count).toBe(LARGE_SEED.clientIssues * SCALE);
    expect(a.project.count).toBe(LARGE_SEED.projects * SCALE);
    expect(a.status_update.count).toBe(LARGE_SEED.projects * SCALE * LARGE_SEED.statusUpdatesPerProject);
    // The demo staff, so that dev tokens sign for the same people.
    expect(a.user.count).toBe(16);
  });

  it('refuses a database that already has data, and leaves it as it was', async () => {
    const before = await fingerprint(first.db);
    await expect(seedLargeIfEmpty(first.db, { scale: SCALE })).rejects.toThrow(/already has data.*empty one/);
    expect(await fingerprint(first.db)).toEqual(before);
  });

  it('keeps every invoice total equal to its lines, and what was paid equal to its payments', async () => {
    const invoices = await rows(first.db, 'SELECT id, status, totalCents, paidCents FROM invoice ORDER BY id');
    const lineSums = new Map<number, number>();
    for (const line of await rows(first.db, 'SELECT invoiceId, amountCents FROM invoice_line'))
      lineSums.set(Number(line.invoiceId), (lineSums.get(Number(line.invoiceId)) ?? 0) + Number(line.amountCents));
    const paymentSums = new Map<number, number>();
    for (const payment of await rows(first.db, 'SELECT invoiceId, amountCents FROM invoice_payment'))
      paymentSums.set(
        Number(payment.invoiceId),
        (paymentSums.get(Number(payment.invoiceId)) ?? 0) + Number(payment.amountCents),
      );

    const byStatus = new Map<string, number>();
    for (const invoice of invoices) {
      const [id, total, paid, status] = [
        Number(invoice.id),
        Number(invoice.totalCents),
        Number(invoice.paidCents),
        String(invoice.status),
      ];
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      expect({ id, total }).toEqual({ id, total: lineSums.get(id) });
      expect({ id, paid }).toEqual({ id, paid: paymentSums.get(id) ?? 0 });
      // What the status says about payment.
      if (status === 'PAID') expect({ id, paid }).toEqual({ id, paid: total });
      else if (status === 'PARTIALLY_PAID') expect(paid > 0 && paid < total).toBe(true);
      else expect({ id, status, paid }).toEqual({ id, status, paid: 0 });
    }
    // Every status occurs, mostly paid as in a real ledger.
    expect([...byStatus.keys()].sort()).toEqual(
      ['APPROVED', 'DRAFT', 'PAID', 'PARTIALLY_PAID', 'PENDING_APPROVAL', 'SENT', 'VOID'].sort(),
    );
    expect(byStatus.get('PAID')! / invoices.length).toBeGreaterThan(0.5);
  });

  it('gives approved invoices an approver and an approval decision, and drafts neither', async () => {
    const invoices = await rows(first.db, 'SELECT id, status, approvedById, sentAt FROM invoice');
    const decided = new Set(
      (await rows(first.db, "SELECT subjectId FROM approval_decision WHERE subjectType = 'INVOICE'")).map((r) =>
        Number(r.subjectId),
      ),
    );
    for (const invoice of invoices) {
      const id = Number(invoice.id);
      const approved = ['APPROVED', 'SENT', 'PARTIALLY_PAID', 'PAID'].includes(String(invoice.status));
      if (approved)
        expect({ id, approver: invoice.approvedById !== null, decided: decided.has(id) }).toEqual({
          id,
          approver: true,
          decided: true,
        });
      if (invoice.status === 'DRAFT' || invoice.status === 'PENDING_APPROVAL')
        expect({ id, approver: invoice.approvedById, decided: decided.has(id) }).toEqual({
          id,
          approver: null,
          decided: false,
        });
    }
  });

  it('leaves the number sequences at the last number written, so the next ones do not collide', async () => {
    const sequences = new Map(
      (await rows(first.db, 'SELECT name, lastValue FROM number_sequence')).map((r) => [
        String(r.name),
        Number(r.lastValue),
      ]),
    );
    const highest = new Map<string, number>();
    for (const [table, prefix, pattern] of [
      ['contract', 'contract', /^C-(\d{4})-(\d+)$/],
      ['invoice', 'invoice', /^INV-(\d{4})-(\d+)$/],
    ] as const) {
      for (const row of await rows(first.db, `SELECT number FROM ${table}`)) {
        const [, year, value] = pattern.exec(String(row.number))!;
        const name = `${prefix}-${year}`;
        highest.set(name, Math.max(highest.get(name) ?? 0, Number(value)));
      }
    }
    expect(Object.fromEntries(sequences)).toEqual(Object.fromEntries(highest));
  });

  it('groups accounts in families that share an owner, and keeps projects and their costs in step', async () => {
    const accounts = await rows(first.db, 'SELECT id, parentId, ownerId FROM account');
    const owners = new Map(accounts.map((a) => [Number(a.id), a.ownerId]));
    const children = accounts.filter((a) => a.parentId !== null);
    expect(children.length).toBeGreaterThan(0);
    for (const child of children) expect(child.ownerId).toEqual(owners.get(Number(child.parentId)));

    const projects = await rows(first.db, 'SELECT id, actualCostCents, health FROM project');
    for (const project of projects) {
      const [cost] = await rows(
        first.db,
        `SELECT COALESCE(SUM(amountCents), 0) AS total FROM project_cost WHERE projectId = ${Number(project.id)}`,
      );
      const updates = await rows(
        first.db,
        `SELECT overall FROM status_update WHERE projectId = ${Number(project.id)} ORDER BY postedAt`,
      );
      expect(Number(project.actualCostCents)).toBe(Number(cost.total));
      expect(updates).toHaveLength(LARGE_SEED.statusUpdatesPerProject);
      expect(project.health).toBe(updates[updates.length - 1].overall);
    }
  });
});
