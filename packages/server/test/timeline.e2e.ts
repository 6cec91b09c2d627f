import type { AccountGraphClient } from '@account-graph/sdk';
import { Role } from '../src/common/roles';
import { expectError } from './support/expect-error';
import { TestServer } from './support/harness';

/** Account.timeline: one ordered, cursor-paginated stream over the account's records. */
let server: TestServer;
let admin: AccountGraphClient;
/** The demo account with the longest history. */
let busiest: { id: string; rowId: number };

const ALL_KINDS = [
  'COMMUNICATION',
  'STATUS_UPDATE',
  'ISSUE_OPENED',
  'ISSUE_RESOLVED',
  'APPROVAL_DECISION',
  'CONTRACT_SIGNED',
  'CONTRACT_ACTIVATED',
  'CONTRACT_RENEWED',
  'CONTRACT_TERMINATED',
];

beforeAll(async () => {
  server = await TestServer.start();
  admin = await server.client(Role.ADMIN);
  const [row] = await server.sql<{ accountId: number | string }>(
    'SELECT c.accountId AS accountId FROM communication c INNER JOIN project p ON p.accountId = c.accountId ' +
      'GROUP BY c.accountId ORDER BY COUNT(*) DESC, c.accountId LIMIT 1',
  );
  const rowId = Number(row.accountId);
  busiest = { id: Buffer.from(`Account:${rowId}`).toString('base64'), rowId };
});

afterAll(async () => {
  await server.close();
});

type Entry = { kind: string; occurredAt: string; title: string; subject: { __typename: string; id: string } | null };

async function everything(kinds?: string[]): Promise<{ entries: Entry[]; cursors: string[]; total: number }> {
  const entries: Entry[] = [];
  const cursors: string[] = [];
  let after: string | null | undefined;
  let total: number;
  do {
    const { account } = await admin.accountTimeline({ id: busiest.id, first: 7, after, kinds: kinds as never });
    const page = account!.timeline;
    total = page.totalCount;
    entries.push(...page.edges.map((e) => e.node as Entry));
    cursors.push(...page.edges.map((e) => e.cursor));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { entries, cursors, total };
}

describe('Account.timeline', () => {
  it('is newest first, across every source, with a subject of the right type', async () => {
    const { entries, total } = await everything();
    expect(entries).toHaveLength(total);
    const times = entries.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const kinds = new Set(entries.map((e) => e.kind));
    for (const kind of ['COMMUNICATION', 'STATUS_UPDATE', 'ISSUE_OPENED']) expect(kinds).toContain(kind);
    const typeOf: Record<string, string> = {
      COMMUNICATION: 'Communication',
      STATUS_UPDATE: 'StatusUpdate',
      ISSUE_OPENED: 'ClientIssue',
      ISSUE_RESOLVED: 'ClientIssue',
      CONTRACT_SIGNED: 'Contract',
      CONTRACT_ACTIVATED: 'Contract',
      CONTRACT_RENEWED: 'Contract',
      CONTRACT_TERMINATED: 'Contract',
    };
    for (const entry of entries) {
      expect(entry.title.length).toBeGreaterThan(3);
      if (typeOf[entry.kind]) expect(entry.subject?.__typename).toBe(typeOf[entry.kind]);
      else expect(['Contract', 'ChangeOrder', 'Invoice']).toContain(entry.subject?.__typename);
    }
  });

  it('pages with no duplicates and no gaps, whatever the page size', async () => {
    const paged = await everything();
    const { account } = await admin.accountTimeline({ id: busiest.id, first: 100 });
    const whole = account!.timeline.edges.map((e) => e.cursor);
    expect(paged.cursors.slice(0, whole.length)).toEqual(whole);
    expect(new Set(paged.cursors).size).toBe(paged.cursors.length);
  });

  it('agrees with each source counted on its own', async () => {
    const { entries } = await everything();
    const count = (kind: string) => entries.filter((e) => e.kind === kind).length;
    const id = busiest.rowId;
    expect(count('COMMUNICATION')).toBe(
      await server.count('SELECT COUNT(*) AS n FROM communication WHERE accountId = ?', [id]),
    );
    expect(count('ISSUE_OPENED')).toBe(
      await server.count('SELECT COUNT(*) AS n FROM client_issue WHERE accountId = ?', [id]),
    );
    expect(count('STATUS_UPDATE')).toBe(
      await server.count(
        'SELECT COUNT(*) AS n FROM status_update su INNER JOIN project p ON p.id = su.projectId WHERE p.accountId = ? ' +
          'AND NOT EXISTS (SELECT 1 FROM status_update c WHERE c.correctsId = su.id)',
        [id],
      ),
    );
    expect(count('APPROVAL_DECISION')).toBe(
      await server.count(
        'SELECT COUNT(*) AS n FROM approval_decision d INNER JOIN approval_request r ON r.id = d.requestId WHERE r.accountId = ?',
        [id],
      ),
    );
    expect(count('CONTRACT_SIGNED')).toBe(
      await server.count('SELECT COUNT(*) AS n FROM contract WHERE accountId = ? AND signedAt IS NOT NULL', [id]),
    );
  });

  it('filters by kind', async () => {
    const { entries, total } = await everything(['ISSUE_OPENED', 'ISSUE_RESOLVED']);
    expect(total).toBeGreaterThan(0);
    expect(new Set(entries.map((e) => e.kind))).toEqual(
      new Set(entries.some((e) => e.kind === 'ISSUE_RESOLVED') ? ['ISSUE_OPENED', 'ISSUE_RESOLVED'] : ['ISSUE_OPENED']),
    );
    await expectError(admin.accountTimeline({ id: busiest.id, kinds: [] }), 'BAD_USER_INPUT');
  });

  it('shows a new communication and a resolved issue at the top', async () => {
    const jordan = await server.client('jordan');
    const account = (
      await jordan.createAccount({ input: { name: 'Timeline Health', kind: 'HEALTH_PLAN', tier: 'GROWTH' } })
    ).createAccount.account;
    const issue = (
      await jordan.reportClientIssue({
        input: {
          accountId: account.id,
          title: 'Claims feed late',
          description: 'The nightly file arrived at noon.',
          severity: 'LOW',
          category: 'TECHNICAL',
        },
      })
    ).reportClientIssue.clientIssue;
    await jordan.resolveClientIssue({ input: { id: issue.id, resolution: 'Rescheduled the export job.' } });
    await jordan.logCommunication({
      input: {
        accountId: account.id,
        type: 'CALL',
        direction: 'INBOUND',
        occurredAt: new Date().toISOString(),
        subject: 'Thanks for the quick fix',
      },
    });
    const { account: read } = await jordan.accountTimeline({ id: account.id });
    expect(read!.timeline.edges.map((e) => [e.node.kind, e.node.title])).toEqual([
      ['COMMUNICATION', 'Call: Thanks for the quick fix'],
      ['ISSUE_RESOLVED', 'Issue resolved: Claims feed late'],
      ['ISSUE_OPENED', 'Low issue reported: Claims feed late'],
    ]);
    expect(read!.timeline.edges[1].node.summary).toBe('Rescheduled the export job.');
    expect(read!.timeline.edges[0].node.actor?.name).toBe('Jordan Kim');
  });

  it('is not readable outside the portfolio, and refuses a foreign cursor', async () => {
    const casey = await server.client('casey');
    const [row] = await server.sql<{ id: number | string }>(
      "SELECT a.id AS id FROM account a INNER JOIN user u ON u.id = a.ownerId WHERE u.email LIKE 'jordan%' ORDER BY a.id LIMIT 1",
    );
    const jordansAccount = Buffer.from(`Account:${Number(row.id)}`).toString('base64');
    const { account } = await casey.accountTimeline({ id: jordansAccount });
    expect(account).toBeNull();
    const error = await expectError(
      admin.accountTimeline({ id: busiest.id, after: 'bm90IGEgY3Vyc29y' }),
      'BAD_USER_INPUT',
    );
    expect(error.fields[0].path).toBe('after');
  });

  it('runs a constant number of statements whatever the page size', async () => {
    const query = `query ($id: ID!, $first: Int!) { account(id: $id) { timeline(first: $first) { totalCount edges { cursor node {
      kind occurredAt title summary actor { name }
      subject { __typename ... on Communication { subject loggedBy { name } } ... on ClientIssue { title } ... on StatusUpdate { overall } ... on Contract { number } ... on Invoice { number } ... on ChangeOrder { number } }
    } } } } }`;
    const count = async (first: number) => {
      // Signed in just before: the count holds the read alone, never a sign-in the server re-checks.
      const token = await server.signedIn(Role.EXECUTIVE);
      server.resetQueries();
      const response = await server.post(
        { query, variables: { id: busiest.id, first } },
        { authorization: `Bearer ${token}` },
      );
      expect(response.body.errors).toBeUndefined();
      return { statements: server.queries.length, rows: (response.body.data as any).account.timeline.edges.length };
    };
    const small = await count(5);
    const large = await count(60);
    expect(large.rows).toBeGreaterThan(small.rows);
    // account, page, count, one per subject type, projects, decisions, users: never one per entry. A
    // larger page may hold kinds of subject a smaller one did not, so the bound is the ceiling.
    expect(large.statements).toBeLessThanOrEqual(16);
    expect(small.statements).toBeLessThanOrEqual(16);
    expect(ALL_KINDS.length).toBe(9);
  });

  it('reads the timelines of a page of accounts in statements that do not grow with the page', async () => {
    const query = `query ($first: Int!) { accounts(first: $first) { edges { node { id name lastContactedAt
      timeline(first: 3) { totalCount edges { cursor node { kind title actor { name } subject { __typename } } } }
    } } } }`;
    const count = async (first: number) => {
      // Signed in just before: the count holds the read alone, never a sign-in the server re-checks.
      const token = await server.signedIn(Role.EXECUTIVE);
      server.resetQueries();
      const response = await server.post({ query, variables: { first } }, { authorization: `Bearer ${token}` });
      expect(response.body.errors).toBeUndefined();
      const accounts = (response.body.data as any).accounts.edges;
      return {
        statements: server.queries.length,
        accounts,
        entries: accounts.flatMap((e: any) => e.node.timeline.edges),
      };
    };
    const fewer = async (first: number) => {
      const [a, b] = [await count(first), await count(first)];
      return a.statements <= b.statements ? a : b;
    };
    const small = await fewer(5);
    const large = await fewer(40);
    expect(large.entries.length).toBeGreaterThan(small.entries.length);
    // One page statement for all the accounts, then one per kind of subject: a ceiling, whatever the page.
    expect(large.statements).toBeLessThanOrEqual(18);
    expect(large.entries.length).toBeGreaterThan(18);
    // Each account's page is the one it gets when read on its own.
    for (const { node } of large.accounts.slice(0, 5)) {
      const { account } = await admin.accountTimeline({ id: node.id, first: 3 });
      expect(account!.timeline.edges.map((e) => e.cursor)).toEqual(node.timeline.edges.map((e: any) => e.cursor));
      expect(account!.timeline.totalCount).toBe(node.timeline.totalCount);
    }
  });
});
