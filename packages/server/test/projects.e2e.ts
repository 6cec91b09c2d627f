import pino from 'pino';
import type { AccountGraphClient, CreateProjectInput, PostStatusUpdateInput } from '@account-graph/sdk';
import { createLoaders } from '../src/app/modules';
import { Context, inTransaction } from '../src/common/context';
import { AccessScope } from '../src/common/access';
import { seedProjects } from '../src/db/seed/projects-seed';
import { ChangeOrder } from '../src/modules/change-order/change-order.entity';
import { StatusUpdate, Health } from '../src/modules/project/project.entity';
import { applyApprovedChangeOrderToProject, revenueShareCents } from '../src/modules/project/project.service';
import { Role } from '../src/common/roles';
import { User } from '../src/modules/user/user.entity';
import { expectError } from './support/expect-error';
import { TestServer } from './support/harness';

/** Projects through the SDK: money arithmetic, the team's authority, status updates and health history, milestones, alerts and reads. */
let server: TestServer;
let jordan: AccountGraphClient;
let vp: AccountGraphClient;
let robin: AccountGraphClient;
let sam: AccountGraphClient;
let lee: AccountGraphClient;
let casey: AccountGraphClient;
let bi: AccountGraphClient;
let accountId: string;
let otherAccountId: string;
let staff: Record<string, string>;

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const cents = (amountCents: number, currency = 'USD') => ({ amountCents, currency });
const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const GREEN_UPDATE = {
  overall: 'GREEN',
  schedule: 'GREEN',
  budget: 'GREEN',
  scope: 'GREEN',
  quality: 'GREEN',
  summary: 'On plan.',
} as const;

async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return server.db.dataSource.query(query, params);
}

async function count(query: string, params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ n: number | string }>(query, params);
  return Number(row.n);
}

async function createProject(overrides: Partial<CreateProjectInput> = {}, by = jordan) {
  const input: CreateProjectInput = {
    accountId,
    name: 'Provider directory rebuild',
    startDate: inDays(-60),
    targetEndDate: inDays(120),
    budget: cents(10_000_000),
    ...overrides,
  };
  return (await by.createProject({ input })).createProject.project;
}

function post(client: AccountGraphClient, projectId: string, update: Partial<PostStatusUpdateInput> = {}) {
  return client.postStatusUpdate({ input: { projectId, ...GREEN_UPDATE, ...update } });
}

function notifications(kind: string, subjectId: string): Promise<number> {
  return count('SELECT COUNT(*) AS n FROM notification WHERE kind = ? AND subjectId = ?', [kind, subjectId]);
}

async function activeContract(value: number) {
  const input = {
    accountId,
    title: 'Claims analytics rollout',
    type: 'STATEMENT_OF_WORK' as const,
    startDate: inDays(-200),
    endDate: inDays(165),
    value: cents(value),
  };
  const { contract } = (await jordan.createContract({ input })).createContract;
  await jordan.submitContract({ input: { id: contract.id } });
  return (await vp.approveContract({ input: { id: contract.id } })).approveContract.contract;
}

async function approvedInvoice(contractId: string, amountCents: number) {
  const { invoice } = (
    await robin.createInvoice({
      input: {
        contractId,
        lines: [{ description: 'Implementation services', quantity: '1', unitPrice: cents(amountCents) }],
      },
    })
  ).createInvoice;
  await robin.submitInvoice({ input: { id: invoice.id } });
  return (await vp.approveInvoice({ input: { id: invoice.id } })).approveInvoice.invoice;
}

beforeAll(async () => {
  server = await TestServer.start();
  [jordan, vp, robin, sam, lee, casey, bi] = await Promise.all([
    server.client('jordan'),
    server.client(Role.EXECUTIVE),
    server.client(Role.FINANCE),
    server.client('sam'),
    server.client('lee'),
    server.client('casey'),
    server.client(Role.BI_READER),
  ]);
  staff = await server.staffIds();
  // Two of Jordan's accounts without finance, the IT director, Casey or a project member on the team:
  // the project members reach their projects only through the project's team.
  const rows = await sql<{ id: number }>(
    `SELECT a.id FROM account a WHERE a.ownerId = (SELECT id FROM user WHERE email = 'jordan.kim@accountgraph.example')
       AND NOT EXISTS (SELECT 1 FROM account_team_member t JOIN user u ON u.id = t.userId
                       WHERE t.accountId = a.id AND (u.role IN ('FINANCE', 'IT_DIRECTOR', 'PROJECT_MEMBER') OR u.email LIKE 'casey.%'))
     ORDER BY a.id LIMIT 2`,
  );
  [accountId, otherAccountId] = rows.map((row) => globalId('Account', row.id));
});

afterAll(async () => {
  await server.close();
});

describe('money', () => {
  it("derives revenue from the contract's invoiced total by budget share, and margin, percentages and profitability exactly in cents", async () => {
    const contract = await activeContract(50_000_000);
    const big = await createProject({
      contractId: contract.id,
      name: 'Claims analytics: platform',
      budget: cents(2_000_001),
    });
    const small = await createProject({
      contractId: contract.id,
      name: 'Claims analytics: training',
      budget: cents(1_000_000),
    });
    const internal = await createProject({ name: 'Internal tooling', budget: cents(500_000) });
    expect(big).toMatchObject({
      revenue: cents(0),
      margin: cents(0),
      marginPercent: null,
      isProfitable: false,
      budgetConsumedPercent: 0,
      health: null,
      status: 'PLANNED',
      contract: { id: contract.id },
    });

    await approvedInvoice(contract.id, 1_000_000);
    await jordan.recordProjectCost({
      input: { projectId: big.id, date: inDays(-3), category: 'LABOR', amount: cents(123_456) },
    });
    const { project } = (
      await jordan.recordProjectCost({
        input: {
          projectId: big.id,
          date: inDays(-2),
          category: 'VENDOR',
          amount: cents(200_000),
          note: 'Data vendor licence',
        },
      })
    ).recordProjectCost;
    const revenue = Number((1_000_000n * 2_000_001n) / 3_000_001n); // 666,666 cents
    expect(revenue).toBe(revenueShareCents(1_000_000, 2_000_001, 3_000_001));
    expect(project).toMatchObject({
      actualCost: cents(323_456),
      revenue: cents(revenue),
      margin: cents(revenue - 323_456),
      isProfitable: true,
    });
    expect(project.marginPercent).toBeCloseTo(((revenue - 323_456) * 100) / revenue, 10);
    expect(project.budgetConsumedPercent).toBeCloseTo((323_456 * 100) / 2_000_001, 10);
    expect(await count('SELECT actualCostCents AS n FROM project WHERE id = ?', [rowId(big.id)])).toBe(323_456);

    // The smaller project spends more than its share: not profitable. Without a contract there is no revenue.
    await jordan.recordProjectCost({
      input: { projectId: small.id, date: inDays(-1), category: 'OTHER', amount: cents(333_333) },
    });
    await jordan.recordProjectCost({
      input: { projectId: internal.id, date: inDays(-1), category: 'LABOR', amount: cents(1) },
    });
    const read = (await jordan.project({ id: small.id })).project!;
    expect(read).toMatchObject({ revenue: cents(333_333), margin: cents(0), marginPercent: 0, isProfitable: false });
    expect((await jordan.project({ id: internal.id })).project).toMatchObject({
      revenue: cents(0),
      margin: cents(-1),
      marginPercent: null,
      isProfitable: false,
    });

    const names = async (unprofitable: boolean) =>
      (await jordan.projects({ first: 10, filter: { accountId, unprofitable } })).projects.edges
        .map(({ node }) => node.name)
        .filter((name) => name.startsWith('Claims') || name === 'Internal tooling');
    expect((await names(true)).sort()).toEqual(['Claims analytics: training', 'Internal tooling']);
    expect(await names(false)).toEqual(['Claims analytics: platform']);
    expect((await jordan.contractProjects({ contractId: contract.id })).contract?.projects.totalCount).toBe(2);
  });

  it('adds an approved change order linked to a project to its budget in the same transaction, never below zero', async () => {
    const contract = await activeContract(20_000_000);
    const project = await createProject({
      contractId: contract.id,
      name: 'Dental network rollout',
      budget: cents(1_000_000),
    });
    const raise = async (amountCents: number) => {
      const { changeOrder } = (
        await jordan.createChangeOrder({
          input: { contractId: contract.id, title: 'Add dental network', amountDelta: cents(amountCents) },
        })
      ).createChangeOrder;
      await sql('UPDATE change_order SET projectId = ? WHERE id = ?', [rowId(project.id), rowId(changeOrder.id)]);
      return server.db.dataSource.getRepository(ChangeOrder).findOneByOrFail({ id: rowId(changeOrder.id) });
    };
    const viewer = await server.db.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'dana.whitfield@accountgraph.example' });
    const ctx = new Context(
      'test',
      pino({ level: 'silent' }),
      server.config,
      server.db,
      createLoaders,
      server.db.dataSource.manager,
      await AccessScope.forViewer(server.db.dataSource.manager, viewer),
    );
    const before = (await vp.project({ id: project.id })).project!;

    // Raised through the API first: the transaction below holds SQLite's single writer.
    const growth = await raise(250_050);
    const grown = await inTransaction(ctx, (tx) => applyApprovedChangeOrderToProject(tx, growth));
    expect(grown).toMatchObject({ budgetCents: 1_250_050, version: before.version + 1 });
    expect((await vp.project({ id: project.id })).project).toMatchObject({
      budget: cents(1_250_050),
      version: before.version + 1,
    });
    expect(
      await count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'approveChangeOrder' AND entityId = ?", [
        project.id,
      ]),
    ).toBe(1);

    const tooBig = await raise(-1_250_051);
    await expect(inTransaction(ctx, (tx) => applyApprovedChangeOrderToProject(tx, tooBig))).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect((await vp.project({ id: project.id })).project?.budget).toEqual(cents(1_250_050));
    expect(
      await inTransaction(ctx, (tx) =>
        applyApprovedChangeOrderToProject(tx, Object.assign(new ChangeOrder(), { ...tooBig, projectId: null })),
      ),
    ).toBeNull();
  });
});

describe('alerts', () => {
  it("tells the account owner once when a cost entry takes the budget past 85%, in the cost's transaction", async () => {
    const project = await createProject({ name: 'Budget alert', budget: cents(100_000) });
    const spend = (amountCents: number) =>
      jordan.recordProjectCost({
        input: { projectId: project.id, date: inDays(-1), category: 'LABOR', amount: cents(amountCents) },
      });
    await spend(50_000);
    await spend(35_000); // exactly 85%: not past it
    expect(await notifications('PROJECT_BUDGET_ALERT', project.id)).toBe(0);
    server.resetQueries();
    const crossed = (await spend(1)).recordProjectCost.project;
    expect(crossed.budgetConsumedPercent).toBeCloseTo(85.001, 6);
    expect(await notifications('PROJECT_BUDGET_ALERT', project.id)).toBe(1);
    // One transaction holds the cost, the new total and the notification.
    const statements = server.queries.map((q) => q.trim().toUpperCase());
    const begin = statements.findIndex((q) => q.startsWith('BEGIN') || q.startsWith('START TRANSACTION'));
    const commit = statements.findIndex((q, i) => i > begin && q.startsWith('COMMIT'));
    const inside = statements.slice(begin, commit);
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(inside.some((q) => q.startsWith('UPDATE') && q.includes('PROJECT'))).toBe(true);
    expect(inside.some((q) => q.startsWith('INSERT') && q.includes('PROJECT_COST'))).toBe(true);
    expect(inside.some((q) => q.startsWith('INSERT') && q.includes('NOTIFICATION'))).toBe(true);
    await spend(10_000);
    await spend(10_000);
    expect(await notifications('PROJECT_BUDGET_ALERT', project.id)).toBe(1);
    const [row] = await sql<{ recipientId: number }>(
      "SELECT recipientId FROM notification WHERE kind = 'PROJECT_BUDGET_ALERT' AND subjectId = ?",
      [project.id],
    );
    expect(Number(row.recipientId)).toBe(rowId(staff.jordan));
  });

  it('tells the account owner when the overall health turns RED, once per turn', async () => {
    const project = await createProject({ name: 'Health alert' });
    await post(jordan, project.id);
    const red = (await post(jordan, project.id, { overall: 'RED', schedule: 'RED', summary: 'Go-live at risk.' }))
      .postStatusUpdate;
    expect(red.project.health).toBe('RED');
    await post(jordan, project.id, { overall: 'RED', summary: 'Still at risk.' });
    expect(await notifications('PROJECT_HEALTH_RED', project.id)).toBe(1);
    await post(jordan, project.id, { overall: 'AMBER', summary: 'Recovering.' });
    await post(jordan, project.id, { overall: 'RED', summary: 'Slipped again.' });
    expect(await notifications('PROJECT_HEALTH_RED', project.id)).toBe(2);
    // A new project whose first update is RED turns RED too.
    const fresh = await createProject({ name: 'Red from the start' });
    await post(jordan, fresh.id, { overall: 'RED' });
    expect(await notifications('PROJECT_HEALTH_RED', fresh.id)).toBe(1);
  });

  it('tells the account owner about each late milestone once, when the project next gets an update or a milestone change', async () => {
    const project = await createProject({ name: 'Late milestones' });
    const late = (
      await jordan.createMilestone({
        input: { projectId: project.id, kind: 'MILESTONE', title: 'Go-live', dueDate: inDays(-3) },
      })
    ).createMilestone.milestone;
    expect(late.isLate).toBe(true);
    expect(await notifications('MILESTONE_LATE', late.id)).toBe(1);
    await post(jordan, project.id);
    expect(await notifications('MILESTONE_LATE', late.id)).toBe(1);
    // Moving the due date re-arms it; late again means told again.
    const moved = (
      await jordan.updateMilestone({ input: { id: late.id, expectedVersion: late.version, dueDate: inDays(-1) } })
    ).updateMilestone.milestone;
    expect(moved.isLate).toBe(true);
    expect(await notifications('MILESTONE_LATE', late.id)).toBe(2);
    const done = (
      await jordan.updateMilestone({ input: { id: late.id, expectedVersion: moved.version, status: 'DELIVERED' } })
    ).updateMilestone.milestone;
    expect(done.isLate).toBe(false);
  });
});

describe('health history', () => {
  it("gives one point per week per dimension, oldest first, with the week's latest update and gaps where none was posted", async () => {
    const project = await createProject({ name: 'History', startDate: '2024-12-01' });
    const repo = server.db.dataSource.getRepository(StatusUpdate);
    const authorId = rowId(staff.jordan);
    const insert = async (postedAt: string, overall: Health, schedule: Health, correctsId: number | null = null) => {
      const when = new Date(postedAt);
      const result = await repo.insert({
        projectId: rowId(project.id),
        authorId,
        postedAt: when,
        overall,
        schedule,
        budget: Health.GREEN,
        scope: Health.GREEN,
        quality: Health.GREEN,
        summary: 'Weekly update',
        correctsId,
        createdAt: when,
        updatedAt: when,
        version: 1,
      });
      return result.identifiers[0].id as number;
    };
    await insert('2025-01-05T16:00:00Z', Health.RED, Health.RED); // the Sunday before: outside
    await insert('2025-01-07T16:00:00Z', Health.GREEN, Health.AMBER);
    // 2025-01-13 week: nothing posted
    await insert('2025-01-21T10:00:00Z', Health.AMBER, Health.AMBER);
    await insert('2025-01-23T10:00:00Z', Health.RED, Health.GREEN);
    const wrong = await insert('2025-01-28T10:00:00Z', Health.RED, Health.RED);
    await insert('2025-01-29T10:00:00Z', Health.GREEN, Health.GREEN, wrong); // corrects the 28th
    await insert('2025-02-03T10:00:00Z', Health.AMBER, Health.AMBER); // the Monday after: outside

    const history = (await jordan.projectHealthHistory({ projectId: project.id, from: '2025-01-08', to: '2025-02-02' }))
      .project!.healthHistory;
    expect(history.overall.map((p) => p.weekOf)).toEqual(['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27']);
    expect(history.overall.map((p) => p.health)).toEqual(['GREEN', null, 'RED', 'GREEN']);
    expect(history.schedule.map((p) => p.health)).toEqual(['AMBER', null, 'GREEN', 'GREEN']);
    expect(history.quality.map((p) => p.health)).toEqual(['GREEN', null, 'GREEN', 'GREEN']);
    expect(history.overall.map((p) => p.postedAt)).toEqual([
      '2025-01-07T16:00:00.000Z',
      null,
      '2025-01-23T10:00:00.000Z',
      '2025-01-29T10:00:00.000Z',
    ]);

    const backwards = await expectError(
      jordan.projectHealthHistory({ projectId: project.id, from: '2025-02-02', to: '2025-01-01' }),
      'BAD_USER_INPUT',
    );
    expect(backwards.fields).toEqual([{ path: 'to', message: 'must be on or after `from`' }]);
    const tooLong = await expectError(
      jordan.projectHealthHistory({ projectId: project.id, from: '2015-01-01', to: '2025-01-01' }),
      'BAD_USER_INPUT',
    );
    expect(tooLong.fields[0].path).toBe('to');
    // 500 weeks is the most: Monday 2015-06-01 to Sunday 2024-12-29; one day more is a week too many.
    const longest = (await jordan.projectHealthHistory({ projectId: project.id, from: '2015-06-01', to: '2024-12-29' }))
      .project!.healthHistory;
    expect(longest.overall).toHaveLength(500);
    await expectError(
      jordan.projectHealthHistory({ projectId: project.id, from: '2015-06-01', to: '2024-12-30' }),
      'BAD_USER_INPUT',
    );
  });

  it('lists status updates newest first, and a correction names what it corrects (same project only)', async () => {
    const project = await createProject({ name: 'Corrections' });
    const other = await createProject({ name: 'Another project' });
    const first = (await post(jordan, project.id, { summary: 'First' })).postStatusUpdate.statusUpdate;
    const second = (await post(jordan, project.id, { overall: 'AMBER', summary: 'Second', correctsId: first.id }))
      .postStatusUpdate.statusUpdate;
    expect(second.corrects).toEqual({ id: first.id, postedAt: first.postedAt });
    const page = (await jordan.projectStatusUpdates({ projectId: project.id })).project!.statusUpdates;
    expect(page.edges.map(({ node }) => node.summary)).toEqual(['Second', 'First']);
    const elsewhere = await expectError(post(jordan, other.id, { correctsId: first.id }), 'BAD_USER_INPUT');
    expect(elsewhere.fields[0].path).toBe('input.correctsId');
    expect((await jordan.projectStatusUpdates({ projectId: other.id })).project!.statusUpdates.totalCount).toBe(0);
  });
});

describe('milestones', () => {
  it('refuses to accept a deliverable without a passed quality review since delivery', async () => {
    const project = await createProject({ name: 'Deliverables' });
    const [contact] = await sql<{ id: number }>('SELECT id FROM contact WHERE accountId = ? ORDER BY id LIMIT 1', [
      rowId(accountId),
    ]);
    const [foreign] = await sql<{ id: number }>('SELECT id FROM contact WHERE accountId = ? ORDER BY id LIMIT 1', [
      rowId(otherAccountId),
    ]);
    const contactId = globalId('Contact', contact.id);
    let deliverable = (
      await jordan.createMilestone({
        input: { projectId: project.id, kind: 'DELIVERABLE', title: 'Solution design document', dueDate: inDays(10) },
      })
    ).createMilestone.milestone;
    expect(deliverable).toMatchObject({ status: 'PLANNED', isLate: false, qualityPassed: null });
    await expectError(jordan.acceptMilestone({ input: { id: deliverable.id, contactId } }), 'CONFLICT');
    deliverable = (
      await jordan.updateMilestone({
        input: { id: deliverable.id, expectedVersion: deliverable.version, status: 'DELIVERED' },
      })
    ).updateMilestone.milestone;
    const unreviewed = await expectError(
      jordan.acceptMilestone({ input: { id: deliverable.id, contactId } }),
      'CONFLICT',
    );
    expect(unreviewed.message).toMatch(/no passed quality review/);
    deliverable = (
      await jordan.reviewMilestoneQuality({
        input: { id: deliverable.id, passed: false, notes: 'Missing the data flows.' },
      })
    ).reviewMilestoneQuality.milestone;
    const failed = await expectError(jordan.acceptMilestone({ input: { id: deliverable.id, contactId } }), 'CONFLICT');
    expect(failed.message).toMatch(/failed its quality review/);
    // Delivering again clears the failed review; a passed one lets the client accept.
    deliverable = (
      await jordan.updateMilestone({
        input: { id: deliverable.id, expectedVersion: deliverable.version, status: 'IN_PROGRESS' },
      })
    ).updateMilestone.milestone;
    deliverable = (
      await jordan.updateMilestone({
        input: { id: deliverable.id, expectedVersion: deliverable.version, status: 'DELIVERED' },
      })
    ).updateMilestone.milestone;
    expect(deliverable.qualityPassed).toBeNull();
    deliverable = (await jordan.reviewMilestoneQuality({ input: { id: deliverable.id, passed: true } }))
      .reviewMilestoneQuality.milestone;
    expect(deliverable).toMatchObject({ qualityPassed: true, qualityReviewer: { id: staff.jordan } });
    const wrongContact = await expectError(
      jordan.acceptMilestone({ input: { id: deliverable.id, contactId: globalId('Contact', foreign.id) } }),
      'BAD_USER_INPUT',
    );
    expect(wrongContact.fields[0].path).toBe('input.contactId');
    const accepted = (await jordan.acceptMilestone({ input: { id: deliverable.id, contactId, acceptedOn: inDays(0) } }))
      .acceptMilestone.milestone;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', acceptedOn: inDays(0), acceptedBy: { id: contactId } });
    await expectError(
      jordan.updateMilestone({ input: { id: accepted.id, expectedVersion: accepted.version, title: 'Renamed' } }),
      'CONFLICT',
    );

    // A plain milestone needs no review; a rejection records the reason.
    let milestone = (
      await jordan.createMilestone({
        input: { projectId: project.id, kind: 'MILESTONE', title: 'Go-live', dueDate: inDays(5) },
      })
    ).createMilestone.milestone;
    milestone = (
      await jordan.updateMilestone({
        input: { id: milestone.id, expectedVersion: milestone.version, status: 'DELIVERED' },
      })
    ).updateMilestone.milestone;
    const rejected = (await jordan.rejectMilestone({ input: { id: milestone.id, reason: 'Search is too slow.' } }))
      .rejectMilestone.milestone;
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'Search is too slow.' });
    const stale = await expectError(
      jordan.updateMilestone({ input: { id: milestone.id, expectedVersion: milestone.version, status: 'DELIVERED' } }),
      'CONFLICT',
    );
    expect(stale.message).toMatch(/changed by someone else/);
    const bySdk = await expectError(
      jordan.updateMilestone({ input: { id: milestone.id, expectedVersion: rejected.version, status: 'ACCEPTED' } }),
      'BAD_USER_INPUT',
    );
    expect(bySdk.fields[0].path).toBe('input.status');
  });
});

describe('milestone versions', () => {
  it('refuses review, acceptance and rejection at a stale expectedVersion with STALE_VERSION, changing nothing', async () => {
    const project = await createProject({ name: 'Versioned deliverables' });
    const [contact] = await sql<{ id: number }>('SELECT id FROM contact WHERE accountId = ? ORDER BY id LIMIT 1', [
      rowId(accountId),
    ]);
    const contactId = globalId('Contact', contact.id);
    const created = (
      await jordan.createMilestone({
        input: { projectId: project.id, kind: 'DELIVERABLE', title: 'Data migration plan', dueDate: inDays(10) },
      })
    ).createMilestone.milestone;
    const delivered = (
      await jordan.updateMilestone({ input: { id: created.id, expectedVersion: 1, status: 'DELIVERED' } })
    ).updateMilestone.milestone;
    expect(delivered.version).toBe(2);
    const id = delivered.id;
    const stale = async (call: Promise<unknown>, expectedVersion: number, actualVersion: number) => {
      const error = await expectError(call, 'CONFLICT');
      expect(error.reason).toBe('STALE_VERSION');
      expect(error.extensions).toMatchObject({ expectedVersion, actualVersion });
    };
    const actions = async () =>
      (await vp.auditEvents({ first: 10, filter: { entityId: id } })).auditEvents.edges.map((e) => e.node.action);

    await stale(jordan.reviewMilestoneQuality({ input: { id, expectedVersion: 1, passed: true } }), 1, 2);
    await stale(jordan.rejectMilestone({ input: { id, expectedVersion: 1, reason: 'Stale' } }), 1, 2);
    const [row] = await sql<{ status: string; version: number; qualityReviewedAt: unknown }>(
      'SELECT status, version, qualityReviewedAt FROM milestone WHERE id = ?',
      [rowId(id)],
    );
    expect({ ...row, version: Number(row.version) }).toEqual({
      status: 'DELIVERED',
      version: 2,
      qualityReviewedAt: null,
    });

    const reviewed = (await jordan.reviewMilestoneQuality({ input: { id, expectedVersion: 2, passed: true } }))
      .reviewMilestoneQuality.milestone;
    expect(reviewed).toMatchObject({ qualityPassed: true, version: 3 });
    await stale(jordan.acceptMilestone({ input: { id, expectedVersion: 2, contactId } }), 2, 3);
    expect(await actions()).toEqual(['reviewMilestoneQuality', 'updateMilestone', 'createMilestone']);

    const accepted = (await jordan.acceptMilestone({ input: { id, expectedVersion: 3, contactId } })).acceptMilestone
      .milestone;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', version: 4 });
  });
});

describe('who may', () => {
  it('lets a project member see and post to the projects they are on, and nothing else', async () => {
    const mine = await createProject({ name: "Sam's project", leadId: staff.lee });
    const notMine = await createProject({ name: "Not Sam's project" });
    expect((await sam.project({ id: mine.id })).project).toBeNull();
    await jordan.addProjectMember({ input: { projectId: mine.id, userId: staff.sam } });
    await expectError(jordan.addProjectMember({ input: { projectId: mine.id, userId: staff.sam } }), 'CONFLICT');

    const seen = (await sam.project({ id: mine.id })).project!;
    expect(seen).toMatchObject({ name: "Sam's project", account: null, lead: { id: staff.lee } });
    expect(seen.members.edges.map(({ node }) => node.user.id).sort()).toEqual([staff.lee, staff.sam].sort());
    expect((await sam.project({ id: notMine.id })).project).toBeNull();
    expect((await sam.projectNode({ id: mine.id })).node).toMatchObject({ __typename: 'Project', id: mine.id });
    // The list reads each project's account in the same statement: one Sam may not read joins as null.
    const listed = (await sam.projects({ first: 100 })).projects.edges.find(({ node }) => node.id === mine.id);
    expect(listed?.node).toMatchObject({ name: "Sam's project", account: null });
    expect((await sam.projects({ first: 100 })).projects.edges.map(({ node }) => node.id)).not.toContain(notMine.id);

    const update = (await post(sam, mine.id, { overall: 'AMBER', summary: 'Sam reports.' })).postStatusUpdate;
    expect(update.statusUpdate.author.id).toBe(staff.sam);
    await sam.recordProjectCost({
      input: { projectId: mine.id, date: inDays(-1), category: 'LABOR', amount: cents(1_000) },
    });
    const milestone = (
      await jordan.createMilestone({
        input: { projectId: mine.id, kind: 'MILESTONE', title: 'Kickoff', dueDate: inDays(3) },
      })
    ).createMilestone.milestone;
    await sam.updateMilestone({
      input: { id: milestone.id, expectedVersion: milestone.version, status: 'IN_PROGRESS' },
    });
    expect((await sam.projectNode({ id: milestone.id })).node).toMatchObject({
      __typename: 'Milestone',
      milestoneStatus: 'IN_PROGRESS',
    });

    // Refused elsewhere, and for what only the account's writers do.
    await expectError(post(sam, notMine.id), 'NOT_FOUND');
    await expectError(post(lee, notMine.id), 'NOT_FOUND');
    await expectError(
      sam.createMilestone({ input: { projectId: mine.id, kind: 'MILESTONE', title: 'Go-live', dueDate: inDays(30) } }),
      'FORBIDDEN',
    );
    await expectError(
      sam.updateProject({ input: { id: mine.id, expectedVersion: seen.version, name: 'Renamed' } }),
      'FORBIDDEN',
    );
    await expectError(sam.addProjectMember({ input: { projectId: mine.id, userId: staff.lee } }), 'FORBIDDEN');
    await expectError(
      sam.createProject({
        input: { accountId, name: 'Sam tries', startDate: inDays(0), targetEndDate: inDays(10), budget: cents(1) },
      }),
      'NOT_FOUND',
    );

    await jordan.removeProjectMember({ input: { projectId: mine.id, userId: staff.sam } });
    expect((await sam.project({ id: mine.id })).project).toBeNull();
    await expectError(post(sam, mine.id), 'NOT_FOUND');
    await expectError(jordan.removeProjectMember({ input: { projectId: mine.id, userId: staff.sam } }), 'CONFLICT');
  });

  it('refuses writes to BI readers, staff outside the account and read-only roles, writing nothing', async () => {
    const project = await createProject({ name: 'Guarded' });
    const before = await count('SELECT COUNT(*) AS n FROM project');
    const events = await count('SELECT COUNT(*) AS n FROM audit_event');
    const input = {
      accountId,
      name: 'Not allowed',
      startDate: inDays(0),
      targetEndDate: inDays(10),
      budget: cents(100),
    };
    await expectError(bi.createProject({ input }), 'FORBIDDEN');
    await expectError(robin.createProject({ input }), 'FORBIDDEN');
    await expectError(casey.createProject({ input }), 'NOT_FOUND');
    await expectError(post(bi, project.id), 'FORBIDDEN');
    await expectError(
      bi.recordProjectCost({ input: { projectId: project.id, date: inDays(0), category: 'OTHER', amount: cents(5) } }),
      'FORBIDDEN',
    );
    await expectError(post(robin, project.id), 'FORBIDDEN');
    await expectError(post(casey, project.id), 'NOT_FOUND');
    expect((await casey.project({ id: project.id })).project).toBeNull();
    expect((await bi.project({ id: project.id })).project?.id).toBe(project.id);
    expect(await count('SELECT COUNT(*) AS n FROM project')).toBe(before);
    expect(await count('SELECT COUNT(*) AS n FROM audit_event')).toBe(events);
    expect(await count('SELECT COUNT(*) AS n FROM status_update WHERE projectId = ?', [rowId(project.id)])).toBe(0);
  });

  it("updates with expectedVersion, and the account's projects and node reach the project", async () => {
    const project = await createProject({ name: 'Versioned' });
    const updated = (
      await jordan.updateProject({
        input: { id: project.id, expectedVersion: project.version, status: 'COMPLETED', budget: cents(12_345) },
      })
    ).updateProject.project;
    expect(updated).toMatchObject({
      status: 'COMPLETED',
      actualEndDate: inDays(0),
      budget: cents(12_345),
      version: project.version + 1,
    });
    await expectError(
      jordan.updateProject({ input: { id: project.id, expectedVersion: project.version, name: 'Stale' } }),
      'CONFLICT',
    );
    const listed = (await jordan.accountProjects({ accountId, first: 100 })).account!.projects.edges.map(
      ({ node }) => node.id,
    );
    expect(listed).toContain(project.id);
    expect(
      (await jordan.accountProjects({ accountId: otherAccountId })).account!.projects.edges.map(({ node }) => node.id),
    ).not.toContain(project.id);
    expect((await vp.projectNode({ id: project.id })).node).toMatchObject({ __typename: 'Project', name: 'Versioned' });
    const completed = (
      await jordan.projects({ first: 100, filter: { status: ['COMPLETED'], accountId } })
    ).projects.edges.map(({ node }) => node.id);
    expect(completed).toEqual([project.id]);
  });
});

describe('bad input', () => {
  it('answers BAD_USER_INPUT with input paths and writes nothing', async () => {
    const project = await createProject({ name: 'Validated' });
    const before = await count('SELECT COUNT(*) AS n FROM project');
    const costs = await count('SELECT COUNT(*) AS n FROM project_cost');
    const name = await expectError(createProject({ name: ' ' }), 'BAD_USER_INPUT');
    expect(name.fields).toEqual([{ path: 'input.name', message: 'name must not be empty' }]);
    const term = await expectError(
      createProject({ startDate: inDays(10), targetEndDate: inDays(0) }),
      'BAD_USER_INPUT',
    );
    expect(term.fields).toEqual([{ path: 'input.targetEndDate', message: 'must be on or after the start date' }]);
    const negative = await expectError(createProject({ budget: cents(-1) }), 'BAD_USER_INPUT');
    expect(negative.fields[0].path).toBe('input.budget.amountCents');
    const badId = await expectError(createProject({ contractId: accountId }), 'BAD_USER_INPUT');
    expect(badId.fields[0].path).toBe('input.contractId');
    const zero = await expectError(
      jordan.recordProjectCost({
        input: { projectId: project.id, date: inDays(0), category: 'LABOR', amount: cents(0) },
      }),
      'BAD_USER_INPUT',
    );
    expect(zero.fields).toEqual([{ path: 'input.amount.amountCents', message: 'a cost must be more than zero' }]);
    const currency = await expectError(
      jordan.recordProjectCost({
        input: { projectId: project.id, date: inDays(0), category: 'LABOR', amount: cents(5, 'EUR') },
      }),
      'BAD_USER_INPUT',
    );
    expect(currency.fields[0].path).toBe('input.amount.currency');
    const summary = await expectError(post(jordan, project.id, { summary: '' }), 'BAD_USER_INPUT');
    expect(summary.fields[0].path).toBe('input.summary');
    const member = await expectError(
      jordan.addProjectMember({ input: { projectId: project.id, userId: staff['bi-dashboards'] } }),
      'BAD_USER_INPUT',
    );
    expect(member.fields[0].path).toBe('input.userId');
    expect(await count('SELECT COUNT(*) AS n FROM project')).toBe(before);
    expect(await count('SELECT COUNT(*) AS n FROM project_cost')).toBe(costs);
    expect((await jordan.project({ id: project.id })).project?.actualCost).toEqual(cents(0));
  });
});

describe('demo projects and statements per page', () => {
  let seeded = 0;
  beforeAll(async () => {
    let state = 20261128;
    const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const started = Date.now();
    seeded = await server.db.transaction((em) => seedProjects(em, random));
    if (process.env.SHOW_TIMINGS) console.log(`seedProjects wrote ${seeded} projects in ${Date.now() - started} ms`);
  });

  it('seeds about 150 projects with consistent costs and health, some over budget, late or RED', async () => {
    expect(seeded).toBeGreaterThanOrEqual(140);
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM project p WHERE p.actualCostCents <> (SELECT COALESCE(SUM(c.amountCents), 0) FROM project_cost c WHERE c.projectId = p.id)',
      ),
    ).toBe(0);
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM project p WHERE p.health IS NOT NULL AND p.health <> (SELECT ' +
          's.overall FROM status_update s WHERE s.projectId = p.id ORDER BY s.postedAt DESC, s.id DESC ' +
          'LIMIT 1)',
      ),
    ).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM project WHERE actualCostCents > budgetCents')).toBeGreaterThan(0);
    expect(await count("SELECT COUNT(*) AS n FROM project WHERE health = 'RED'")).toBeGreaterThan(0);
    expect(
      await count("SELECT COUNT(*) AS n FROM milestone WHERE status NOT IN ('DELIVERED', 'ACCEPTED') AND dueDate < ?", [
        inDays(0),
      ]),
    ).toBeGreaterThan(0);
    expect(await count('SELECT COUNT(*) AS n FROM status_update')).toBeGreaterThan(150 * 20);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM milestone WHERE kind = 'DELIVERABLE' AND status = 'ACCEPTED' AND (qualityPassed IS NULL OR acceptedByContactId IS NULL)",
      ),
    ).toBe(0);
    // Through the API: the RED filter counts what SQL counts.
    expect((await vp.projects({ first: 1, filter: { health: ['RED'] } })).projects.totalCount).toBe(
      await count("SELECT COUNT(*) AS n FROM project WHERE health = 'RED'"),
    );
  });

  const PROJECTS = `query ($first: Int!) {
    projects(first: $first, orderBy: { field: TARGET_END_DATE }) { totalCount edges { node {
      name health budgetConsumedPercent isProfitable marginPercent
      account { name } contract { number } lead { name }
      revenue { amountCents } margin { amountCents }
      members(first: 3) { totalCount edges { node { user { name } } } }
      statusUpdates(first: 2) { edges { node { overall author { name } } } }
      milestones(first: 3) { edges { node { title isLate acceptedBy { name } qualityReviewer { name } } } }
      costs(first: 2) { edges { node { amount { amountCents } recordedBy { name } } } }
      healthHistory(from: "${inDays(-60)}", to: "${inDays(0)}") { overall { health } }
    } } }
  }`;
  const ACCOUNTS = `query ($first: Int!) {
    accounts(first: $first) { edges { node {
      name
      projects(first: 3) { totalCount edges { node { name revenue { amountCents } lead { name } } } }
      contracts(first: 2) { edges { node { number projects(first: 2) { totalCount edges { node { name budget { amountCents } health } } } } } }
    } } }
  }`;

  async function statementsFor(
    who: Role | 'jordan' | 'marcus' | 'sam',
    query: string,
    first: number,
  ): Promise<{ count: number; size: number }> {
    const token = await server.signedIn(who);
    server.resetQueries();
    const response = await server.post({ query, variables: { first } }, { authorization: `Bearer ${token}` });
    expect(response.body.errors).toBeUndefined();
    if (process.env.SHOW_TIMINGS) console.log(`${who}, first ${first}: ${server.queries.length} statements`);
    if (process.env.SHOW_SQL) console.log(server.queries.map((q) => q.slice(0, 160)).join('\n'));
    return { count: server.queries.length, size: JSON.stringify(response.body.data).length };
  }

  it.each([Role.EXECUTIVE, 'jordan' as const, 'sam' as const])(
    'stay the same for 5 and 50 projects with their team, updates, milestones, costs and money (%s)',
    async (who) => {
      const small = await statementsFor(who, PROJECTS, 5);
      const large = await statementsFor(who, PROJECTS, 50);
      expect(large.size).toBeGreaterThan(small.size);
      // projects, accounts, contracts, leads, revenue shares, members + count, updates,
      // milestones, costs, health history, and their users and contacts. The users of sibling lists
      // may land in one batch or two depending on which list answers first (MariaDB's pool), so the
      // count may differ by one between runs; it never grows with the page.
      expect(small.count).toBeLessThanOrEqual(17);
      expect(large.count).toBeLessThanOrEqual(17);
    },
  );

  it.each([Role.EXECUTIVE, 'marcus' as const])(
    "stay the same for 10 and 50 accounts down to their projects and their contracts' projects (%s)",
    async (who) => {
      const small = await statementsFor(who, ACCOUNTS, 10);
      const large = await statementsFor(who, ACCOUNTS, 50);
      expect(large.size).toBeGreaterThan(small.size);
      // accounts, their projects + count, revenue shares, leads, contracts, their projects + count.
      expect(small.count).toBeLessThanOrEqual(11);
      expect(large.count).toBeLessThanOrEqual(11);
    },
  );
});
