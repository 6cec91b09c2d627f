import type { AccountGraphClient } from '@account-graph/sdk';
import { decodeGlobalId } from '../src/common/global-id';
import { Role } from '../src/common/roles';
import { TestServer } from './support/harness';

/** Incremental extraction: UPDATED_AT order with updatedSince, tombstones, and the root lists BI tools read. */
let server: TestServer;
let admin: AccountGraphClient;
let jordan: AccountGraphClient;
let taylor: AccountGraphClient;
let jordanRowId: number;

beforeAll(async () => {
  server = await TestServer.start();
  admin = await server.client(Role.ADMIN);
  jordan = await server.client('jordan');
  taylor = await server.client('taylor');
  jordanRowId = decodeGlobalId((await server.staffIds()).jordan, 'User', 'jordan');
});

afterAll(async () => {
  await server.close();
});

async function all<T>(pager: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pager) items.push(item);
  return items;
}

function rowIds(ids: string[], type: string): number[] {
  return ids.map((id) => decodeGlobalId(id, type, 'id')).sort((a, b) => a - b);
}

async function sqlIds(query: string, params: unknown[]): Promise<number[]> {
  const rows = await server.sql<{ id: number | string }>(query, params);
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

/** Jordan's portfolio in SQL, written out here rather than taken from the server's scoping code. */
const JORDAN_ACCOUNTS =
  'SELECT a.id FROM account a WHERE a.ownerId = ? OR EXISTS ' +
  '(SELECT 1 FROM account_team_member tm WHERE tm.accountId = a.id AND tm.userId = ?)';

describe('incremental sync by UPDATED_AT', () => {
  it('reads everything in change order, then exactly what changed since the last updatedAt seen', async () => {
    // The newest record is one of the two changed, so "at or after" the last seen time brings back
    // nothing that did not change (seeded rows share their timestamps).
    const newest = (await admin.createAccount({ input: { name: 'Sync Health', kind: 'HEALTH_PLAN', tier: 'GROWTH' } }))
      .createAccount.account;
    const orderBy = { field: 'UPDATED_AT', direction: 'ASC' } as const;
    const first = await all(admin.paginate.accounts({ first: 7, orderBy }));
    const total = await server.count('SELECT COUNT(*) AS n FROM account');
    expect(first).toHaveLength(Number(total));
    expect(new Set(first.map((a) => a.id)).size).toBe(first.length);
    const times = first.map((a) => Date.parse(a.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(first.at(-1)!.id).toBe(newest.id);
    const lastSeen = first.at(-1)!.updatedAt;

    const other = first[3];
    await admin.updateAccount({ input: { id: other.id, expectedVersion: other.version, membersReached: 4242 } });
    await admin.updateAccount({ input: { id: newest.id, expectedVersion: newest.version, region: 'Oregon' } });

    const pages = [];
    for await (const page of admin.paginate.accounts({ first: 1, orderBy, filter: { updatedSince: lastSeen } }).pages())
      pages.push(page);
    const changed = pages.flatMap((page) => page.edges.map((edge) => edge.node));
    expect(changed.map((a) => a.id)).toEqual([other.id, newest.id]);
    expect(changed.map((a) => a.membersReached)).toEqual([4242, 0]);
    expect(pages[0].totalCount).toBe(2);
  });

  it('filters and orders contracts by updatedAt as SQL does, for an account manager', async () => {
    const since = '2000-01-01T00:00:00.000Z';
    const seen = await all(
      jordan.paginate.contracts({
        first: 50,
        orderBy: { field: 'UPDATED_AT', direction: 'DESC' },
        filter: { updatedSince: since },
      }),
    );
    const expected = await sqlIds(`SELECT c.id FROM contract c WHERE c.accountId IN (${JORDAN_ACCOUNTS})`, [
      jordanRowId,
      jordanRowId,
    ]);
    expect(expected.length).toBeGreaterThan(0);
    expect(
      rowIds(
        seen.map((c) => c.id),
        'Contract',
      ),
    ).toEqual(expected);
    const times = seen.map((c) => Date.parse(c.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe('deletions', () => {
  it('shows a deleted contact to readers of its account and to no one outside it', async () => {
    const since = new Date().toISOString();
    const account = (
      await jordan.createAccount({ input: { name: 'Tombstone Health', kind: 'EMPLOYER', tier: 'GROWTH' } })
    ).createAccount.account;
    const contact = (
      await jordan.createContact({ input: { accountId: account.id, name: 'Gone Soon', roles: ['BILLING'] } })
    ).createContact.contact;
    await jordan.deleteContact({ input: { id: contact.id, expectedVersion: contact.version } });

    const mine = await all(jordan.paginate.deletions({ since }));
    expect(mine).toEqual([
      { entityType: 'Contact', entityId: contact.id, accountId: account.id, deletedAt: expect.any(String) },
    ]);
    expect(Date.parse(mine[0].deletedAt)).toBeGreaterThanOrEqual(Date.parse(since));
    expect(await all(taylor.paginate.deletions({ since }))).toEqual([]);
    expect((await all(admin.paginate.deletions({ since }))).map((d) => d.entityId)).toEqual([contact.id]);
    // A later `since` leaves it out.
    expect(await all(jordan.paginate.deletions({ since: new Date(Date.now() + 60_000).toISOString() }))).toEqual([]);
  });

  it('shows a removed team member as a tombstone', async () => {
    const since = new Date().toISOString();
    const account = (
      await jordan.createAccount({ input: { name: 'Team Churn Health', kind: 'EMPLOYER', tier: 'GROWTH' } })
    ).createAccount.account;
    const ids = await server.staffIds();
    const added = await jordan.addAccountTeamMember({
      input: { accountId: account.id, userId: ids.riley, teamRole: 'SUPPORT_LEAD' },
    });
    const member = added.addAccountTeamMember.teamMember;
    await jordan.removeAccountTeamMember({ input: { accountId: account.id, userId: ids.riley } });
    const seen = await all(jordan.paginate.deletions({ since }));
    expect(seen.map((d) => [d.entityType, d.entityId, d.accountId])).toEqual([
      ['AccountTeamMember', member.id, account.id],
    ]);
  });
});

describe('root lists of payments, costs, status updates and approval decisions', () => {
  it('payments: what SQL says, scoped for an account manager', async () => {
    const seen = await all(jordan.paginate.payments({ first: 50 }));
    const expected = await sqlIds(
      `SELECT p.id FROM invoice_payment p JOIN invoice i ON i.id = p.invoiceId WHERE i.accountId IN (${JORDAN_ACCOUNTS})`,
      [jordanRowId, jordanRowId],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(
      rowIds(
        seen.map((p) => p.id),
        'Payment',
      ),
    ).toEqual(expected);
    const paid = seen.map((p) => Date.parse(p.paidAt));
    expect(paid).toEqual([...paid].sort((a, b) => a - b));
    const everything = await sqlIds('SELECT id FROM invoice_payment', []);
    expect(
      rowIds(
        (await all(admin.paginate.payments({ first: 50 }))).map((p) => p.id),
        'Payment',
      ),
    ).toEqual(everything);
  });

  it('costEntries and statusUpdates: what SQL says for the projects an account manager may read', async () => {
    const projects =
      `SELECT pr.id FROM project pr WHERE pr.accountId IN (${JORDAN_ACCOUNTS}) OR EXISTS ` +
      '(SELECT 1 FROM project_member pm WHERE pm.projectId = pr.id AND pm.userId = ?)';
    const params = [jordanRowId, jordanRowId, jordanRowId];
    const costs = await all(jordan.paginate.costEntries({ first: 50 }));
    const expectedCosts = await sqlIds(`SELECT c.id FROM project_cost c WHERE c.projectId IN (${projects})`, params);
    expect(expectedCosts.length).toBeGreaterThan(0);
    expect(
      rowIds(
        costs.map((c) => c.id),
        'ProjectCost',
      ),
    ).toEqual(expectedCosts);

    const updates = await all(jordan.paginate.statusUpdates({ first: 50 }));
    const expectedUpdates = await sqlIds(`SELECT u.id FROM status_update u WHERE u.projectId IN (${projects})`, params);
    expect(expectedUpdates.length).toBeGreaterThan(0);
    expect(
      rowIds(
        updates.map((u) => u.id),
        'StatusUpdate',
      ),
    ).toEqual(expectedUpdates);

    // Narrowed to one project and a date range, as SQL narrows it.
    const project = updates[0].project.id;
    const projectRowId = decodeGlobalId(project, 'Project', 'project');
    const ofOne = await all(
      jordan.paginate.statusUpdates({
        filter: { projectId: project, postedFrom: '2000-01-01T00:00:00.000Z' },
        orderBy: { field: 'UPDATED_AT', direction: 'ASC' },
      }),
    );
    expect(
      rowIds(
        ofOne.map((u) => u.id),
        'StatusUpdate',
      ),
    ).toEqual(await sqlIds('SELECT id FROM status_update WHERE projectId = ?', [projectRowId]));
  });

  it('approvalDecisions: what SQL says, through the request account, for an account manager', async () => {
    const seen = await all(jordan.paginate.approvalDecisions({ first: 50 }));
    const expected = await sqlIds(
      'SELECT d.id FROM approval_decision d JOIN approval_request r ON r.id = d.requestId ' +
        `WHERE r.accountId IN (${JORDAN_ACCOUNTS})`,
      [jordanRowId, jordanRowId],
    );
    expect(
      rowIds(
        seen.map((d) => d.id),
        'ApprovalDecision',
      ),
    ).toEqual(expected);
    const everything = await sqlIds('SELECT id FROM approval_decision', []);
    expect(everything.length).toBeGreaterThan(0);
    const forAdmin = await all(admin.paginate.approvalDecisions({ first: 50 }));
    expect(
      rowIds(
        forAdmin.map((d) => d.id),
        'ApprovalDecision',
      ),
    ).toEqual(everything);
  });
});
