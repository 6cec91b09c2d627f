import 'reflect-metadata';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { stampNew, type BaseRecord } from '../src/common/base.entity';
import { isDeadlock, isUniqueViolation } from '../src/common/driver-errors';
import { notSql, type SqlCondition } from '../src/common/sql-condition';
import { NumberSequence } from '../src/common/sequence.entity';
import { dataModel } from '../src/app/modules';
import type { Database } from '../src/db/database';
import { openDatabase } from '../src/db/open';
import { seedDemo } from '../src/db/seed/demo-seed';
import { ClientIssue } from '../src/modules/client-issue/client-issue.entity';
import { DEFAULT_SLA_POLICY } from '../src/config/sla-terms';
import {
  breachedSql,
  isBreached,
  slaClock,
  SlaStatus,
  slaStatusAt,
  slaStatusSql,
} from '../src/modules/client-issue/sla';
import { Contract } from '../src/modules/contract/contract.entity';
import { Invoice } from '../src/modules/invoice/invoice.entity';
import {
  balanceDueCents,
  balanceDueSql,
  countsAsInvoiced,
  countsAsInvoicedSql,
  invoicedToDateCents,
  invoicedToDateSql,
  InvoiceStatus,
  isOverdue,
  overdueSql,
  receivableSql,
} from '../src/modules/invoice/invoicing.rules';
import { isProfitable, profitableSql, revenueShareCents, revenueSql } from '../src/modules/project/profitability.rules';
import { Project } from '../src/modules/project/project.entity';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * Every rule that has a SQL twin is evaluated both ways over the same rows, on the database the
 * suite runs on (SQLite, or MariaDB with TEST_DB=mariadb): the demo data plus rows made for the
 * edges (boundaries to the millisecond and the day, empty sums, zero budgets, amounts near the cap).
 * The TypeScript side reads the rows as entities and computes; the SQL side filters or selects in
 * the database; they must agree row by row.
 */

const TODAY = '2030-06-15';
const NOW = new Date('2030-06-15T12:00:00.000Z');

let database: TestDatabase;
let db: Database;

/** A copy of `template` as a new row (a fresh id), with `changes` applied. */
function copyOf<T extends BaseRecord>(template: T, changes: Partial<T>): T {
  const row = Object.assign(Object.create(Object.getPrototypeOf(template) as object) as T, template, changes);
  delete (row as { id?: number }).id;
  return stampNew(row);
}

/** The ids of `entity` rows (alias `t`) that match `condition`, ascending. */
async function idsWhere(
  em: EntityManager,
  entity: new () => ObjectLiteral,
  condition: SqlCondition,
): Promise<number[]> {
  const rows = await em
    .createQueryBuilder(entity, 't')
    .select('t.id', 'id')
    .where(condition.sql, condition.params)
    .orderBy('t.id', 'ASC')
    .getRawMany<{ id: number | string }>();
  return rows.map((row) => Number(row.id));
}

function idsOf<T extends { id: number }>(rows: T[], keep: (row: T) => boolean): number[] {
  return rows
    .filter(keep)
    .map((row) => row.id)
    .sort((a, b) => a - b);
}

beforeAll(async () => {
  database = createTestDatabase();
  db = await openDatabase(database.config, dataModel);
  await db.transaction(async (em) => {
    await seedDemo(em);
    const contract = await em.findOneByOrFail(Contract, {});
    const invoice = await em.findOneByOrFail(Invoice, {});
    const project = await em.findOneByOrFail(Project, {});
    const issue = await em.findOneByOrFail(ClientIssue, {});
    let n = 0;
    const contractRow = (valueCents: number) =>
      em.save(copyOf(contract, { number: `C-TWIN-${++n}`, valueCents, renewalOfId: null }));
    const invoiceRow = (contractId: number, changes: Partial<Invoice>) =>
      em.save(copyOf(invoice, { contractId, number: `INV-TWIN-${++n}`, paidCents: 0, ...changes }));
    const projectRow = (contractId: number | null, budgetCents: number, actualCostCents: number) =>
      em.save(copyOf(project, { contractId, name: `Twin ${++n}`, budgetCents, actualCostCents, leadId: null }));

    // Overdue: every status, fully paid or not, due the day before, of, and after TODAY.
    const overdueContract = await contractRow(1_000_000);
    for (const status of Object.values(InvoiceStatus))
      for (const paidCents of [0, 500, 1000])
        for (const dueDate of ['2030-06-14', TODAY, '2030-06-16'])
          await invoiceRow(overdueContract.id, { status, totalCents: 1000, paidCents, dueDate });

    // Invoiced to date and revenue shares.
    const empty = await contractRow(100); // no invoices, no projects
    await projectRow(empty.id, 5000, 0);
    const uninvoiced = await contractRow(100); // only invoices that do not count
    for (const status of [InvoiceStatus.DRAFT, InvoiceStatus.PENDING_APPROVAL, InvoiceStatus.VOID])
      await invoiceRow(uninvoiced.id, { status, totalCents: 777 });
    await projectRow(uninvoiced.id, 100, 0);
    const thirds = await contractRow(1_000); // 100 invoiced over three equal budgets: 33 each, rounded down
    await invoiceRow(thirds.id, { status: InvoiceStatus.APPROVED, totalCents: 60 });
    await invoiceRow(thirds.id, { status: InvoiceStatus.PAID, totalCents: 40 });
    await invoiceRow(thirds.id, { status: InvoiceStatus.VOID, totalCents: 5000 });
    await projectRow(thirds.id, 1, 32); // revenue 33: profitable by a cent
    await projectRow(thirds.id, 1, 33); // breaks even: not profitable
    await projectRow(thirds.id, 1, 34);
    await projectRow(thirds.id, 0, 0); // no budget, no revenue
    const zeroBudgets = await contractRow(1_000); // invoiced, but no project has a budget
    await invoiceRow(zeroBudgets.id, { status: InvoiceStatus.SENT, totalCents: 500 });
    await projectRow(zeroBudgets.id, 0, 0);
    await projectRow(zeroBudgets.id, 0, 1);
    // Amounts near the cap: invoiced × budget is past 2^63 before the division, and the share
    // (8,099,999,999,988.3 exactly) must still round down to the cent the cost equals.
    const large = await contractRow(9_000_000_000_000);
    await invoiceRow(large.id, { status: InvoiceStatus.PARTIALLY_PAID, totalCents: 8_999_999_999_977 });
    await projectRow(large.id, 9_000_000_000_001, 8_099_999_999_988);
    await projectRow(large.id, 999_999_999_989, 0);
    await projectRow(null, 1000, 0); // no contract: no revenue
    await projectRow(null, 1000, 1);

    // SLA: reported at one moment, met (or not) before, at and after each deadline.
    const reportedAt = new Date('2030-06-14T09:00:00.000Z');
    const clock = slaClock(reportedAt, DEFAULT_SLA_POLICY.HIGH);
    const around = (at: Date) => [null, new Date(at.getTime() - 1), at, new Date(at.getTime() + 1)];
    for (const firstResponseAt of around(clock.responseDueAt))
      for (const resolvedAt of around(clock.resolutionDueAt))
        await em.save(copyOf(issue, { reportedAt, ...clock, firstResponseAt, resolvedAt }));
  });
});

afterAll(async () => {
  await db?.dataSource.destroy();
  await database?.drop();
});

describe('the invoicing rules and their SQL twins agree', () => {
  it('overdue, and not overdue, on every invoice', async () => {
    const invoices = await db.dataSource.manager.find(Invoice, { order: { id: 'ASC' } });
    const overdue = overdueSql('t', TODAY);
    const expected = idsOf(invoices, (invoice) => isOverdue(invoice, TODAY));
    expect(expected.length).toBeGreaterThan(0);
    expect(await idsWhere(db.dataSource.manager, Invoice, overdue)).toEqual(expected);
    expect(await idsWhere(db.dataSource.manager, Invoice, notSql(overdue))).toEqual(
      idsOf(invoices, (invoice) => !isOverdue(invoice, TODAY)),
    );
  });

  it('the balance due, and which invoices have one, on every invoice', async () => {
    const em = db.dataSource.manager;
    const invoices = await em.find(Invoice, { order: { id: 'ASC' } });
    const rows = await em
      .createQueryBuilder(Invoice, 't')
      .select('t.id', 'id')
      .addSelect(balanceDueSql('t'), 'due')
      .orderBy('t.id')
      .getRawMany<{ id: number | string; due: number | string }>();
    const sql = rows.map((row) => [Number(row.id), Number(row.due)]);
    expect(sql).toEqual(invoices.map((invoice) => [invoice.id, balanceDueCents(invoice)]));
    // Owed by nobody: drafts, pending, approved-not-sent, paid and void invoices, whatever their payments.
    const unowed = [
      InvoiceStatus.DRAFT,
      InvoiceStatus.PENDING_APPROVAL,
      InvoiceStatus.APPROVED,
      InvoiceStatus.PAID,
      InvoiceStatus.VOID,
    ];
    const notSent = invoices.filter((invoice) => unowed.includes(invoice.status));
    expect(
      notSent.some((invoice) => invoice.status === InvoiceStatus.VOID && invoice.totalCents > invoice.paidCents),
    ).toBe(true);
    expect(new Set(notSent.map(balanceDueCents))).toEqual(new Set([0]));
    expect(await idsWhere(em, Invoice, { sql: receivableSql('t'), params: {} })).toEqual(
      idsOf(invoices, (invoice) => balanceDueCents(invoice) > 0),
    );
  });

  it('what counts as invoiced, per invoice, and invoiced to date, per contract', async () => {
    const em = db.dataSource.manager;
    const invoices = await em.find(Invoice, {});
    expect(await idsWhere(em, Invoice, { sql: countsAsInvoicedSql('t'), params: {} })).toEqual(
      idsOf(invoices, countsAsInvoiced),
    );
    const rows = await em
      .createQueryBuilder(Contract, 'c')
      .select('c.id', 'id')
      .addSelect(invoicedToDateSql('c.id'), 'invoiced')
      .getRawMany<{ id: number | string; invoiced: number | string }>();
    const sql = Object.fromEntries(rows.map((row) => [Number(row.id), Number(row.invoiced)]));
    const contracts = await em.find(Contract, {});
    const ts = Object.fromEntries(
      contracts.map((c) => [c.id, invoicedToDateCents(invoices.filter((invoice) => invoice.contractId === c.id))]),
    );
    expect(sql).toEqual(ts);
    expect(Object.values(ts)).toContain(0);
    expect(Object.values(ts)).toContain(8_999_999_999_977);
  });
});

describe('the profitability rules and their SQL twins agree', () => {
  it('revenue, profitable and not profitable, on every project', async () => {
    const em = db.dataSource.manager;
    const invoices = await em.find(Invoice, {});
    const projects = await em.find(Project, { order: { id: 'ASC' } });
    const revenueOf = (project: Project): number => {
      if (project.contractId === null) return 0;
      const invoiced = invoicedToDateCents(invoices.filter((invoice) => invoice.contractId === project.contractId));
      const budgets = projects
        .filter((p) => p.contractId === project.contractId)
        .reduce((s, p) => s + p.budgetCents, 0);
      return revenueShareCents(invoiced, project.budgetCents, budgets);
    };
    const rows = await em
      .createQueryBuilder(Project, 'project')
      .select('project.id', 'id')
      .addSelect(revenueSql('project', db.dialect), 'revenue')
      .orderBy('project.id', 'ASC')
      .getRawMany<{ id: number | string; revenue: number | string }>();
    expect(rows.map((row) => [Number(row.id), Number(row.revenue)])).toEqual(projects.map((p) => [p.id, revenueOf(p)]));
    expect(projects.map(revenueOf)).toEqual(expect.arrayContaining([33, 0, 8_099_999_999_988]));

    const profitable = profitableSql('t', db.dialect);
    expect(await idsWhere(em, Project, profitable)).toEqual(
      idsOf(projects, (p) => isProfitable(revenueOf(p), p.actualCostCents)),
    );
    expect(await idsWhere(em, Project, notSql(profitable))).toEqual(
      idsOf(projects, (p) => !isProfitable(revenueOf(p), p.actualCostCents)),
    );
  });
});

describe('the SLA rules and their SQL twins agree', () => {
  it('breached and each SLA status, on every issue, at moments on and around every boundary', async () => {
    const em = db.dataSource.manager;
    const issues = await em.find(ClientIssue, { order: { id: 'ASC' } });
    const twin = issues[issues.length - 1];
    const moments = [NOW];
    for (const at of [twin.responseAtRiskAt, twin.responseDueAt, twin.resolutionAtRiskAt, twin.resolutionDueAt])
      moments.push(new Date(at.getTime() - 1), at, new Date(at.getTime() + 1));
    const seen = new Set<SlaStatus>();
    for (const now of moments) {
      expect(await idsWhere(em, ClientIssue, breachedSql('t', now))).toEqual(
        idsOf(issues, (issue) => isBreached(issue, now)),
      );
      for (const status of Object.values(SlaStatus)) {
        const expected = idsOf(issues, (issue) => slaStatusAt(issue, now) === status);
        if (expected.length) seen.add(status);
        expect({ now, status, ids: await idsWhere(em, ClientIssue, slaStatusSql('t', [status], now)) }).toEqual({
          now,
          status,
          ids: expected,
        });
      }
      const some = [SlaStatus.ON_TRACK, SlaStatus.AT_RISK];
      expect(await idsWhere(em, ClientIssue, slaStatusSql('t', some, now))).toEqual(
        idsOf(issues, (issue) => some.includes(slaStatusAt(issue, now))),
      );
    }
    expect([...seen].sort()).toEqual(Object.values(SlaStatus).sort());
  });
});

describe('driver errors', () => {
  it('a unique index refusing a row is a unique violation, not a deadlock', async () => {
    const em = db.dataSource.manager;
    const row = () => stampNew(Object.assign(new NumberSequence(), { name: 'twin-duplicate', lastValue: 1 }));
    await em.insert(NumberSequence, row());
    const error = await em.insert(NumberSequence, row()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(isUniqueViolation(error)).toBe(true);
    expect(isDeadlock(error)).toBe(false);
    expect(isUniqueViolation(new Error('something else'))).toBe(false);
  });
});
