import type { AccountGraphClient, CreateClientGoalInput } from '@account-graph/sdk';
import { Role } from '../src/common/roles';
import { expectError } from './support/expect-error';
import { TestServer } from './support/harness';

/** Success plans through the SDK: goals, links to projects, reviews and their history, who may do what, reads. */
let server: TestServer;
let jordan: AccountGraphClient;
let casey: AccountGraphClient;
let vp: AccountGraphClient;
let robin: AccountGraphClient;
let sam: AccountGraphClient;
let bi: AccountGraphClient;
let staff: Record<string, string>;
/** Jordan's account, with two projects; Sam is on the team of the first only. */
let accountRow: number;
let accountId: string;
let contactId: string;
let projectId: string;
let otherProjectId: string;
/** An account outside Jordan's portfolio, with a contact and a project. */
let foreignAccountRow: number;
let foreignContactId: string;
let foreignProjectId: string;

const YEAR = new Date().getUTCFullYear();
const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64');
const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
const sqlTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return server.sql<T>(query, params);
}

async function create(overrides: Partial<CreateClientGoalInput> = {}, by = jordan) {
  const input: CreateClientGoalInput = {
    accountId,
    title: 'Double member use of the cost estimator',
    category: 'ADOPTION',
    measure: 'Share of members who ran a cost estimate in the quarter',
    baseline: '9% of members',
    target: '18% of members',
    targetDate: `${YEAR}-12-31`,
    priority: 'HIGH',
    clientOwnerId: contactId,
    ...overrides,
  };
  return (await by.createClientGoal({ input })).createClientGoal.clientGoal;
}

/** A communication with the account, as the communications feature records one. */
async function communication(account: number, occurredAt: Date, subject = 'Q3 business review'): Promise<string> {
  const now = sqlTime(new Date());
  await sql(
    `INSERT INTO communication (createdAt, updatedAt, version, accountId, type, direction, occurredAt, subject, summary, loggedById)
     VALUES (?, ?, 1, ?, 'QUARTERLY_BUSINESS_REVIEW', 'OUTBOUND', ?, ?, NULL, ?)`,
    [now, now, account, sqlTime(occurredAt), subject, rowId(staff.jordan)],
  );
  const [row] = await sql<{ id: number }>('SELECT MAX(id) AS id FROM communication');
  return gid('Communication', row.id);
}

async function goalCount(): Promise<number> {
  return server.count('SELECT COUNT(*) AS n FROM client_goal');
}

beforeAll(async () => {
  server = await TestServer.start();
  [jordan, casey, vp, robin, sam, bi] = await Promise.all(
    (['jordan', 'casey', Role.EXECUTIVE, Role.FINANCE, 'sam', Role.BI_READER] as const).map((who) =>
      server.client(who),
    ),
  );
  staff = await server.staffIds();
  // Jordan's account with two projects and neither Casey, Sam nor finance on its team.
  const [account] = await sql<{ id: number }>(
    `SELECT a.id FROM account a WHERE a.ownerId = ?
       AND (SELECT COUNT(*) FROM project p WHERE p.accountId = a.id) >= 2
       AND NOT EXISTS (SELECT 1 FROM account_team_member t JOIN user u ON u.id = t.userId
                       WHERE t.accountId = a.id AND (u.role IN ('FINANCE', 'PROJECT_MEMBER') OR u.email LIKE 'casey.%'))
     ORDER BY a.id LIMIT 1`,
    [rowId(staff.jordan)],
  );
  accountRow = Number(account.id);
  accountId = gid('Account', accountRow);
  const projects = await sql<{ id: number }>('SELECT id FROM project WHERE accountId = ? ORDER BY id LIMIT 2', [
    accountRow,
  ]);
  [projectId, otherProjectId] = projects.map((p) => gid('Project', p.id));
  for (const id of [projectId, otherProjectId])
    await sql('DELETE FROM project_member WHERE projectId = ? AND userId = ?', [rowId(id), rowId(staff.sam)]);
  await vp.addProjectMember({ input: { projectId, userId: staff.sam } });
  const [contact] = await sql<{ id: number }>('SELECT id FROM contact WHERE accountId = ? ORDER BY id LIMIT 1', [
    accountRow,
  ]);
  contactId = gid('Contact', contact.id);
  const [foreign] = await sql<{ id: number }>(
    `SELECT a.id FROM account a WHERE a.ownerId = ? AND EXISTS (SELECT 1 FROM project p WHERE p.accountId = a.id)
       AND EXISTS (SELECT 1 FROM contact c WHERE c.accountId = a.id)
       AND NOT EXISTS (SELECT 1 FROM account_team_member t WHERE t.accountId = a.id AND t.userId IN (?, ?, ?))
     ORDER BY a.id LIMIT 1`,
    [rowId(staff.casey), rowId(staff.jordan), rowId(staff.taylor), rowId(staff.marcus)],
  );
  foreignAccountRow = Number(foreign.id);
  const [foreignContact] = await sql<{ id: number }>('SELECT id FROM contact WHERE accountId = ? LIMIT 1', [
    foreignAccountRow,
  ]);
  const [foreignProject] = await sql<{ id: number }>('SELECT id FROM project WHERE accountId = ? LIMIT 1', [
    foreignAccountRow,
  ]);
  foreignContactId = gid('Contact', foreignContact.id);
  foreignProjectId = gid('Project', foreignProject.id);
});

afterAll(async () => {
  await server.close();
});

describe('creating and changing goals', () => {
  it('adds a NOT_STARTED goal to the account’s plan for the year, owned by the account’s manager, audited', async () => {
    const goal = await create();
    expect(goal).toMatchObject({
      year: YEAR,
      status: 'NOT_STARTED',
      priority: 'HIGH',
      closed: false,
      baseline: '9% of members',
      currentValue: '9% of members',
      owner: { id: staff.jordan },
      clientOwner: { id: contactId },
      account: { id: accountId },
      version: 1,
    });
    const { account } = await jordan.accountSuccessPlan({ accountId, year: YEAR, first: 100 });
    expect(account?.successPlan.goals.edges.map((e) => e.node.id)).toContain(goal.id);
    expect(account?.successPlan.statusCounts).toContainEqual({ status: 'NOT_STARTED', count: expect.any(Number) });
    await expectError(jordan.accountSuccessPlan({ accountId, year: 1900 }), 'BAD_USER_INPUT');
    expect(
      await server.count("SELECT COUNT(*) AS n FROM audit_event WHERE entityId = ? AND action = 'createClientGoal'", [
        goal.id,
      ]),
    ).toBe(1);
  });

  it('refuses bad input with a clear code and writes nothing', async () => {
    const before = await goalCount();
    const nul = await expectError(create({ title: 'Adoption\u0000goal' }), 'BAD_USER_INPUT');
    expect(nul.fields.map((f) => f.path)).toEqual(['input.title']);
    await expectError(create({ measure: '   ' }), 'BAD_USER_INPUT');
    const early = await expectError(create({ year: YEAR, targetDate: `${YEAR - 1}-06-30` }), 'BAD_USER_INPUT');
    expect(early.fields.map((f) => f.path)).toEqual(['input.targetDate']);
    // A contact of another account: unreadable to Jordan, unrelated for an executive who reads both.
    await expectError(create({ clientOwnerId: foreignContactId }), 'NOT_FOUND');
    const unrelated = await expectError(create({ clientOwnerId: foreignContactId }, vp), 'BAD_USER_INPUT');
    expect(unrelated.reason).toBe('UNRELATED_RECORD');
    const bot = await expectError(create({ ownerId: staff['bi-dashboards'] }), 'BAD_USER_INPUT');
    expect(bot.reason).toBe('USER_NOT_ELIGIBLE');
    await expectError(create({ accountId: gid('Account', foreignAccountRow) }), 'NOT_FOUND');
    expect(await goalCount()).toBe(before);
  });

  it('updates with the version last read, and refuses a stale one', async () => {
    const goal = await create({ title: 'Cut call-centre cost per member' });
    const updated = (
      await jordan.updateClientGoal({
        input: { id: goal.id, expectedVersion: 1, target: '$1.20 PMPM', priority: 'LOW', clientOwnerId: null },
      })
    ).updateClientGoal.clientGoal;
    expect(updated).toMatchObject({ target: '$1.20 PMPM', priority: 'LOW', clientOwner: null, version: 2 });
    const stale = await expectError(
      jordan.updateClientGoal({ input: { id: goal.id, expectedVersion: 1, title: 'Lost update' } }),
      'CONFLICT',
    );
    expect(stale.reason).toBe('STALE_VERSION');
    const nul = await expectError(
      jordan.updateClientGoal({ input: { id: goal.id, expectedVersion: 2, description: 'bad\u0000text' } }),
      'BAD_USER_INPUT',
    );
    expect(nul.fields.map((f) => f.path)).toEqual(['input.description']);
    const { clientGoal } = await jordan.clientGoal({ id: goal.id });
    expect(clientGoal).toMatchObject({ title: 'Cut call-centre cost per member', version: 2 });
  });
});

describe('projects that serve a goal', () => {
  it('links a project of the same account, shows the goal on the project, and unlinks it', async () => {
    const goal = await create({ title: 'Meet the prior-authorization API deadline', category: 'REGULATORY' });
    const linked = await jordan.linkClientGoal({ input: { goalId: goal.id, projectId: otherProjectId } });
    expect(linked.linkClientGoal).toMatchObject({ clientGoal: { version: 2 }, project: { id: otherProjectId } });
    const again = await expectError(
      jordan.linkClientGoal({ input: { goalId: goal.id, projectId: otherProjectId } }),
      'CONFLICT',
    );
    expect(again.reason).toBe('NO_CHANGE');
    const { clientGoal } = await jordan.clientGoal({ id: goal.id });
    expect(clientGoal?.projects.edges.map((e) => e.node.id)).toEqual([otherProjectId]);
    const read = await server.gql(
      'jordan',
      `query ($id: ID!) { node(id: $id) { ... on Project { clientGoals { edges { node { id } } } } } }`,
      {
        id: otherProjectId,
      },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.node.clientGoals.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(goal.id);
    await jordan.unlinkClientGoal({ input: { goalId: goal.id, projectId: otherProjectId, expectedVersion: 2 } });
    const gone = await expectError(
      jordan.unlinkClientGoal({ input: { goalId: goal.id, projectId: otherProjectId } }),
      'CONFLICT',
    );
    expect(gone.reason).toBe('NO_CHANGE');
  });

  it('refuses a project of another account', async () => {
    const goal = await create({ title: 'Launch the marketplace product', category: 'GROWTH' });
    await expectError(jordan.linkClientGoal({ input: { goalId: goal.id, projectId: foreignProjectId } }), 'NOT_FOUND');
    const unrelated = await expectError(
      vp.linkClientGoal({ input: { goalId: goal.id, projectId: foreignProjectId } }),
      'BAD_USER_INPUT',
    );
    expect(unrelated.reason).toBe('UNRELATED_RECORD');
    expect(await server.count('SELECT COUNT(*) AS n FROM client_goal_project WHERE goalId = ?', [rowId(goal.id)])).toBe(
      0,
    );
  });
});

describe('offerings and opportunities that serve a goal', () => {
  it('links an offering of the catalogue and an opportunity of the account, and refuses one of another account', async () => {
    const goal = await create({ title: 'Cut imaging costs with site-of-care steering', category: 'COST_SAVINGS' });
    const [offering] = await sql<{ id: number }>('SELECT id FROM offering ORDER BY id LIMIT 1');
    const offeringId = gid('Offering', offering.id);
    const opportunity = (input: { accountId: string }, by: AccountGraphClient) =>
      by
        .createOpportunity({
          input: {
            ...input,
            title: 'Imaging steering add-on',
            amount: { amountCents: 12_000_000, currency: 'USD' },
            expectedCloseDate: `${YEAR + 1}-03-31`,
          },
        })
        .then((r) => r.createOpportunity.opportunity.id);
    const mine = await opportunity({ accountId }, jordan);
    const theirs = await opportunity({ accountId: gid('Account', foreignAccountRow) }, vp);
    const linked = await jordan.linkClientGoal({ input: { goalId: goal.id, offeringId } });
    expect(linked.linkClientGoal).toMatchObject({ offering: { id: offeringId }, project: null, opportunity: null });
    const again = await expectError(jordan.linkClientGoal({ input: { goalId: goal.id, offeringId } }), 'CONFLICT');
    expect(again.reason).toBe('NO_CHANGE');
    const both = await expectError(
      jordan.linkClientGoal({ input: { goalId: goal.id, offeringId, projectId } }),
      'BAD_USER_INPUT',
    );
    expect(both.fields.map((f) => f.path)).toEqual(['input']);
    await jordan.linkClientGoal({ input: { goalId: goal.id, opportunityId: mine } });
    const withOpportunity = await jordan.clientGoal({ id: goal.id });
    expect(withOpportunity.clientGoal?.opportunities.edges.map((e) => e.node.id)).toEqual([mine]);
    const unrelated = await expectError(
      vp.linkClientGoal({ input: { goalId: goal.id, opportunityId: theirs } }),
      'BAD_USER_INPUT',
    );
    expect(unrelated.reason).toBe('UNRELATED_RECORD');
    const { clientGoal } = await jordan.clientGoal({ id: goal.id });
    expect(clientGoal?.offerings.edges.map((e) => e.node.id)).toEqual([offeringId]);
    await jordan.unlinkClientGoal({ input: { goalId: goal.id, offeringId } });
    expect((await jordan.clientGoal({ id: goal.id })).clientGoal?.offerings.totalCount).toBe(0);
  });
});

describe('reviews', () => {
  it('records each review at a business review of the account, newest first in the history', async () => {
    const goal = await create({ title: 'Raise satisfaction with finding care', category: 'MEMBER_EXPERIENCE' });
    const qbr = new Date(Date.now() - 30 * 86_400_000);
    const qbrId = await communication(accountRow, qbr);
    const earlier = new Date(qbr.getTime() - 20 * 86_400_000);
    await jordan.reviewClientGoal({
      input: {
        goalId: goal.id,
        expectedVersion: 1,
        status: 'AT_RISK',
        note: 'Survey delayed.',
        reviewedAt: earlier.toISOString(),
      },
    });
    const atQbr = (
      await jordan.reviewClientGoal({
        input: {
          goalId: goal.id,
          expectedVersion: 2,
          status: 'ON_TRACK',
          note: 'Scores up two points.',
          measuredValue: '80',
          communicationId: qbrId,
        },
      })
    ).reviewClientGoal;
    expect(atQbr.review).toMatchObject({
      fromStatus: 'AT_RISK',
      toStatus: 'ON_TRACK',
      measuredValue: '80',
      reviewedAt: qbr.toISOString(),
      reviewedBy: { id: staff.jordan },
      communication: { id: qbrId, type: 'QUARTERLY_BUSINESS_REVIEW' },
    });
    expect(atQbr.clientGoal).toMatchObject({ status: 'ON_TRACK', currentValue: '80', version: 3 });
    // Reviews go in the order they took place: one dated before the last is refused.
    const outOfOrder = await expectError(
      jordan.reviewClientGoal({
        input: {
          goalId: goal.id,
          expectedVersion: 3,
          status: 'OFF_TRACK',
          note: 'Late.',
          reviewedAt: earlier.toISOString(),
        },
      }),
      'BAD_USER_INPUT',
    );
    expect(outOfOrder.fields.map((f) => f.path)).toEqual(['input.reviewedAt']);
    const latest = (
      await jordan.reviewClientGoal({
        input: {
          goalId: goal.id,
          expectedVersion: 3,
          status: 'ACHIEVED',
          note: 'Target reached: 84.',
          measuredValue: '84',
        },
      })
    ).reviewClientGoal;
    expect(latest.clientGoal).toMatchObject({ status: 'ACHIEVED', closed: true, currentValue: '84' });
    const { clientGoal } = await jordan.clientGoal({ id: goal.id });
    expect(clientGoal?.history.totalCount).toBe(3);
    expect(clientGoal?.history.edges.map((e) => [e.node.fromStatus, e.node.toStatus])).toEqual([
      ['ON_TRACK', 'ACHIEVED'],
      ['AT_RISK', 'ON_TRACK'],
      ['NOT_STARTED', 'AT_RISK'],
    ]);
    expect(clientGoal?.lastReviewedAt).toBe(latest.review.reviewedAt);
    // Closed: its definition no longer changes; a review may reopen it.
    const closed = await expectError(
      jordan.updateClientGoal({ input: { id: goal.id, expectedVersion: 4, title: 'Changed' } }),
      'CONFLICT',
    );
    expect(closed.reason).toBe('INVALID_TRANSITION');
    const page = await jordan.clientGoal({ id: goal.id, historyFirst: 2 });
    const rest = await jordan.clientGoal({
      id: goal.id,
      historyFirst: 2,
      historyAfter: page.clientGoal?.history.pageInfo.endCursor,
    });
    expect(rest.clientGoal?.history.edges.map((e) => e.node.toStatus)).toEqual(['AT_RISK']);
  });

  it('refuses a communication with another account, a future time, a return to NOT_STARTED and a stale version', async () => {
    const goal = await create({ title: 'Close more preventive-care gaps', category: 'CLINICAL_QUALITY' });
    const foreignQbr = await communication(foreignAccountRow, new Date(Date.now() - 86_400_000), 'Their QBR');
    const review = (input: Record<string, unknown>, by = jordan) =>
      by.reviewClientGoal({
        input: { goalId: goal.id, expectedVersion: 1, status: 'ON_TRACK', note: 'Checked.', ...input } as never,
      });
    await expectError(review({ communicationId: foreignQbr }), 'NOT_FOUND');
    const unrelated = await expectError(review({ communicationId: foreignQbr }, vp), 'BAD_USER_INPUT');
    expect(unrelated.reason).toBe('UNRELATED_RECORD');
    await expectError(review({ reviewedAt: new Date(Date.now() + 86_400_000) }), 'BAD_USER_INPUT');
    // A business review logged ahead of time has not taken place yet.
    const upcoming = await communication(accountRow, new Date(Date.now() + 7 * 86_400_000), 'Next QBR');
    const ahead = await expectError(review({ communicationId: upcoming }), 'BAD_USER_INPUT');
    expect(ahead.fields.map((f) => f.path)).toEqual(['input.communicationId']);
    const nul = await expectError(review({ note: 'ok\u0000' }), 'BAD_USER_INPUT');
    expect(nul.fields.map((f) => f.path)).toEqual(['input.note']);
    await review({});
    const back = await expectError(review({ expectedVersion: 2, status: 'NOT_STARTED' }), 'CONFLICT');
    expect(back.reason).toBe('INVALID_TRANSITION');
    const stale = await expectError(review({ status: 'AT_RISK' }), 'CONFLICT');
    expect(stale.reason).toBe('STALE_VERSION');
    expect(await server.count('SELECT COUNT(*) AS n FROM client_goal_review WHERE goalId = ?', [rowId(goal.id)])).toBe(
      1,
    );
  });

  it('lets one of two concurrent reviews of the same version win; the other changes nothing', async () => {
    const goal = await create({ title: 'Faster provider data turnaround', category: 'OPERATIONAL_EFFICIENCY' });
    const results = await Promise.allSettled(
      (['ON_TRACK', 'OFF_TRACK'] as const).map((status) =>
        jordan.reviewClientGoal({ input: { goalId: goal.id, expectedVersion: 1, status, note: `Judged ${status}.` } }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [failure] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failure.reason.code).toBe('CONFLICT');
    const { clientGoal } = await jordan.clientGoal({ id: goal.id });
    expect(clientGoal?.version).toBe(2);
    expect(clientGoal?.history.totalCount).toBe(1);
    expect(clientGoal?.history.edges[0].node.toStatus).toBe(clientGoal?.status);
  });
});

describe('who may', () => {
  it('refuses roles and people who may not change the account', async () => {
    const goal = await create({ title: 'Publish compliant price files', category: 'REGULATORY' });
    const botError = await expectError(create({}, bi), 'FORBIDDEN');
    expect(botError.reason).toBe('ROLE_NOT_ALLOWED');
    // Outside Casey's portfolio: the goal reads as missing.
    await expectError(casey.updateClientGoal({ input: { id: goal.id, expectedVersion: 1, title: 'x' } }), 'NOT_FOUND');
    // Finance reads every account but changes none of them.
    const finance = await expectError(
      robin.reviewClientGoal({ input: { goalId: goal.id, expectedVersion: 1, status: 'ON_TRACK', note: 'n' } }),
      'FORBIDDEN',
    );
    expect(finance.reason).toBe('READ_ONLY_ACCOUNT');
    await expectError(robin.deleteClientGoal({ input: { id: goal.id } }), 'FORBIDDEN');
    const { clientGoal } = await jordan.clientGoal({ id: goal.id });
    expect(clientGoal?.version).toBe(1);
  });

  it('shows a project member the goals their project serves, and no other goal of the account', async () => {
    const served = await create({ title: 'Steer members to lower-cost imaging', category: 'COST_SAVINGS' });
    const unserved = await create({ title: 'Grow the broker channel', category: 'GROWTH' });
    await jordan.linkClientGoal({ input: { goalId: served.id, projectId } });
    expect((await sam.clientGoal({ id: served.id })).clientGoal?.id).toBe(served.id);
    expect((await sam.clientGoal({ id: unserved.id })).clientGoal).toBeNull();
    const listed = await sam.clientGoals({ first: 100, filter: { accountId } });
    const expected = await sql<{ goalId: number }>(
      `SELECT DISTINCT l.goalId FROM client_goal_project l JOIN project_member m ON m.projectId = l.projectId
       JOIN client_goal g ON g.id = l.goalId WHERE m.userId = ? AND g.accountId = ?`,
      [rowId(staff.sam), accountRow],
    );
    const ids = listed.clientGoals.edges.map((e) => e.node.id);
    expect(ids).toContain(served.id);
    expect(ids).not.toContain(unserved.id);
    expect(ids.sort()).toEqual(expected.map((row) => gid('ClientGoal', row.goalId)).sort());
    // Reading is not changing: the member is refused a review.
    const refused = await expectError(
      sam.reviewClientGoal({ input: { goalId: served.id, expectedVersion: 2, status: 'ON_TRACK', note: 'n' } }),
      'FORBIDDEN',
    );
    expect(refused.reason).toBe('READ_ONLY_ACCOUNT');
    // The served goal lists only the projects the member may read.
    const { clientGoal } = await sam.clientGoal({ id: served.id });
    expect(clientGoal?.projects.edges.map((e) => e.node.id)).toEqual([projectId]);
    expect((await casey.clientGoals({ first: 100, filter: { accountId } })).clientGoals.totalCount).toBe(0);
  });
});

describe('lists', () => {
  it('filters the root list by account, status, owner, target date and updatedSince', async () => {
    const since = new Date();
    const soon = await create({ title: 'Quarter-end goal', targetDate: `${YEAR}-03-31`, ownerId: staff.taylor });
    const list = async (filter: Record<string, unknown>) =>
      (await jordan.clientGoals({ first: 100, filter: { accountId, ...filter } })).clientGoals.edges.map((e) => e.node);
    expect((await list({ ownerId: staff.taylor })).map((g) => g.id)).toEqual([soon.id]);
    expect((await list({ targetBefore: `${YEAR}-03-31` })).map((g) => g.id)).toContain(soon.id);
    expect((await list({ targetBefore: `${YEAR}-03-30` })).map((g) => g.id)).not.toContain(soon.id);
    expect((await list({ updatedSince: since })).map((g) => g.id)).toEqual([soon.id]);
    expect((await list({ status: ['ACHIEVED'] })).every((g) => g.status === 'ACHIEVED')).toBe(true);
    const byPriority = await jordan.clientGoals({
      first: 100,
      filter: { accountId },
      orderBy: { field: 'PRIORITY', direction: 'DESC' },
    });
    const ranks = byPriority.clientGoals.edges.map((e) => ({ HIGH: 3, MEDIUM: 2, LOW: 1 })[e.node.priority]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('exports the rows of the root list for the same viewer', async () => {
    for (const who of ['jordan', 'sam'] as const) {
      const response = await fetch(`${server.origin}/export/client-goals.ndjson`, {
        headers: { authorization: `Bearer ${await server.token(who)}` },
      });
      expect(response.status).toBe(200);
      const exported = (await response.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; status: string });
      const listed: string[][] = [];
      let after: string | null = null;
      do {
        const page: any = await server.gql(
          who,
          'query ($after: String) { clientGoals(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id status } } } }',
          { after },
        );
        expect(page.body.errors).toBeUndefined();
        const list: any = page.body.data?.clientGoals;
        listed.push(...list.edges.map((e: { node: { id: string; status: string } }) => [e.node.id, e.node.status]));
        after = list.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
      } while (after);
      expect(exported.length).toBeGreaterThan(0);
      expect(exported.map((row) => [row.id, row.status]).sort()).toEqual(listed.sort());
    }
  });

  it('deletes a goal with its links and history, leaving a tombstone', async () => {
    const goal = await create({ title: 'Set by mistake' });
    await jordan.linkClientGoal({ input: { goalId: goal.id, projectId } });
    await jordan.reviewClientGoal({ input: { goalId: goal.id, expectedVersion: 2, status: 'ON_TRACK', note: 'n' } });
    const stale = await expectError(
      jordan.deleteClientGoal({ input: { id: goal.id, expectedVersion: 1 } }),
      'CONFLICT',
    );
    expect(stale.reason).toBe('STALE_VERSION');
    const deleted = await jordan.deleteClientGoal({ input: { id: goal.id, expectedVersion: 3 } });
    expect(deleted.deleteClientGoal).toEqual({
      deletedClientGoalId: goal.id,
      account: { id: accountId, name: expect.any(String) },
    });
    expect((await jordan.clientGoal({ id: goal.id })).clientGoal).toBeNull();
    expect(await server.count('SELECT COUNT(*) AS n FROM client_goal_review WHERE goalId = ?', [rowId(goal.id)])).toBe(
      0,
    );
    expect(await server.count('SELECT COUNT(*) AS n FROM client_goal_project WHERE goalId = ?', [rowId(goal.id)])).toBe(
      0,
    );
    expect(
      await server.count('SELECT COUNT(*) AS n FROM audit_event WHERE entityId = ? AND deletion = ?', [goal.id, true]),
    ).toBe(1);
  });
});

describe('demo seed', () => {
  it("reviews goals at their account's business reviews, in the order they took place", async () => {
    const [row] = await sql<{ atReviews: number | string; foreignLinks: number | string; outOfOrder: number | string }>(
      `SELECT
         (SELECT COUNT(*) FROM client_goal_review r JOIN communication c ON c.id = r.communicationId
           WHERE c.type = 'QUARTERLY_BUSINESS_REVIEW' AND r.reviewedAt = c.occurredAt) AS atReviews,
         (SELECT COUNT(*) FROM client_goal_review r JOIN client_goal g ON g.id = r.goalId
           JOIN communication c ON c.id = r.communicationId WHERE c.accountId <> g.accountId) AS foreignLinks,
         (SELECT COUNT(*) FROM client_goal g WHERE g.lastReviewedAt IS NOT NULL
           AND g.status <> (SELECT r.toStatus FROM client_goal_review r WHERE r.goalId = g.id
                            ORDER BY r.reviewedAt DESC, r.id DESC LIMIT 1)) AS outOfOrder`,
    );
    expect(Number(row.atReviews)).toBeGreaterThan(0);
    expect([Number(row.foreignLinks), Number(row.outOfOrder)]).toEqual([0, 0]);
  });
});

describe('statements per page', () => {
  const ACCOUNTS = `query ($first: Int!) { accounts(first: $first) { edges { node { id
    successPlan { year statusCounts { status count } goals(first: 3) { totalCount edges { node { id title owner { name } clientOwner { name } } } } }
    clientGoals(first: 5, filter: { status: [ON_TRACK, AT_RISK, OFF_TRACK, ACHIEVED] }) { totalCount edges { node { id status history(first: 2) { totalCount edges { node { toStatus reviewedBy { name } } } } } } }
  } } } }`;
  const PROJECTS = `query ($first: Int!) { projects(first: $first) { edges { node { id
    clientGoals(first: 5) { totalCount edges { node { id title account { name } projects(first: 3) { totalCount edges { node { name } } } } } }
  } } } }`;

  /** Statements of one read; the fewer of two, so a sign-in re-check of the token (a cache expiry) does not count. */
  async function statements(query: string, who: Role | 'jordan', first: number) {
    const reads = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await server.signedIn(who);
      server.resetQueries();
      const response = await server.post({ query, variables: { first } }, { authorization: `Bearer ${token}` });
      expect(response.body.errors).toBeUndefined();
      const json = JSON.stringify(response.body.data);
      reads.push({ count: server.queries.length, goals: json.split('"title"').length - 1 });
    }
    return { count: Math.min(...reads.map((read) => read.count)), goals: reads[0].goals };
  }

  it.each([Role.EXECUTIVE, 'jordan' as const])(
    'stay the same for 5 and 50 accounts with their goals (%s)',
    async (who) => {
      const small = await statements(ACCOUNTS, who, 5);
      const large = await statements(ACCOUNTS, who, 50);
      expect(large.goals).toBeGreaterThan(small.goals);
      expect(large.count).toBe(small.count);
    },
  );

  it.each([Role.EXECUTIVE, 'jordan' as const])(
    'stay the same for 5 and 50 projects with their goals (%s)',
    async (who) => {
      const small = await statements(PROJECTS, who, 5);
      const large = await statements(PROJECTS, who, 50);
      expect(large.goals).toBeGreaterThan(small.goals);
      expect(large.count).toBe(small.count);
    },
  );
});
