import type { AccountGraphClient } from '@account-graph/sdk';
import { Role } from '../src/common/roles';
import { expectError } from './support/expect-error';
import { TestServer } from './support/harness';

/** Communications, their participants, documents and follow-ups; followUpsDue and lastContactedAt. */
let server: TestServer;
let admin: AccountGraphClient;
let jordan: AccountGraphClient;
let staff: Record<string, string>;
/** A fresh account jordan owns, with two contacts; another account jordan may not change. */
let account: { id: string; name: string };
let contacts: string[];
let foreign: { id: string; contactId: string };

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
const dayOffset = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await TestServer.start();
  admin = await server.client(Role.ADMIN);
  jordan = await server.client('jordan');
  staff = await server.staffIds();
  account = (await jordan.createAccount({ input: { name: 'Cascade Care Plan', kind: 'HEALTH_PLAN', tier: 'GROWTH' } }))
    .createAccount.account;
  contacts = [];
  for (const name of ['Ana Ruiz', 'Ben Ito'])
    contacts.push(
      (await jordan.createContact({ input: { accountId: account.id, name, roles: ['DECISION_MAKER'] } })).createContact
        .contact.id,
    );
  const other = (await admin.createAccount({ input: { name: 'Far Away Health', kind: 'HEALTH_PLAN', tier: 'GROWTH' } }))
    .createAccount.account;
  const otherContact = (
    await admin.createContact({ input: { accountId: other.id, name: 'Cara Otto', roles: ['IT_CONTACT'] } })
  ).createContact.contact;
  foreign = { id: other.id, contactId: otherContact.id };
});

afterAll(async () => {
  await server.close();
});

function qbr(overrides: Record<string, unknown> = {}) {
  return {
    accountId: account.id,
    type: 'QUARTERLY_BUSINESS_REVIEW' as const,
    direction: 'OUTBOUND' as const,
    occurredAt: daysAgo(2),
    subject: 'Q3 business review',
    summary: 'Adoption up 12%; the CFO wants a savings report before renewal.',
    contactIds: [contacts[0], contacts[1], contacts[0]],
    staffIds: [staff.jordan, staff.marcus],
    documents: [{ title: 'QBR deck', url: 'https://docs.example.com/qbr-q3.pdf' }],
    followUps: [
      { description: 'Send the savings report', ownerId: staff.jordan, dueOn: dayOffset(3) },
      { description: 'Book the renewal workshop', ownerId: staff.marcus, dueOn: dayOffset(-2) },
    ],
    ...overrides,
  };
}

describe('logging a communication', () => {
  it('records participants, documents and follow-ups in one go, with one audit event', async () => {
    const auditBefore = await server.count('SELECT COUNT(*) AS n FROM audit_event');
    const { communication } = (await jordan.logCommunication({ input: qbr() })).logCommunication;
    expect(communication).toMatchObject({
      type: 'QUARTERLY_BUSINESS_REVIEW',
      subject: 'Q3 business review',
      account: { id: account.id },
      loggedBy: { id: staff.jordan },
      version: 1,
    });
    const people = communication.participants.edges.map((e) => e.node.contact?.name ?? e.node.user?.name);
    expect(people).toEqual(['Ana Ruiz', 'Ben Ito', 'Jordan Kim', 'Marcus Ellison']);
    expect(communication.participants.totalCount).toBe(4);
    expect(communication.documents.edges.map((e) => e.node.url)).toEqual(['https://docs.example.com/qbr-q3.pdf']);
    expect(communication.followUps.edges.map((e) => [e.node.description, e.node.done])).toEqual([
      ['Book the renewal workshop', false],
      ['Send the savings report', false],
    ]);
    expect(await server.count('SELECT COUNT(*) AS n FROM audit_event')).toBe(auditBefore + 1);
    const [event] = await server.sql<{ action: string }>('SELECT action FROM audit_event ORDER BY id DESC LIMIT 1');
    expect(event.action).toBe('logCommunication');
  });

  it('refuses a contact of another account, and writes nothing', async () => {
    const before = await server.count('SELECT COUNT(*) AS n FROM communication');
    // jordan cannot read the other account's contact: it reads as missing; an admin who can is told why.
    await expectError(
      jordan.logCommunication({ input: qbr({ contactIds: [contacts[0], foreign.contactId] }) }),
      'NOT_FOUND',
    );
    const adminError = await expectError(
      admin.logCommunication({ input: qbr({ contactIds: [foreign.contactId] }) }),
      'BAD_USER_INPUT',
    );
    expect(adminError.reason).toBe('UNRELATED_RECORD');
    expect(adminError.fields).toEqual([
      { path: 'input.contactIds.0', message: expect.stringContaining('is a contact of another account') },
    ]);
    expect(await server.count('SELECT COUNT(*) AS n FROM communication')).toBe(before);
    expect(
      await server.count('SELECT COUNT(*) AS n FROM follow_up WHERE description = ?', ['Send the savings report']),
    ).toBe(1);
  });

  it('refuses bad input with a path for each problem', async () => {
    const error = await expectError(
      jordan.logCommunication({
        input: qbr({
          subject: '  ',
          documents: [
            { title: 'Deck', url: 'javascript:alert(1)' },
            { title: 'Minutes', url: 'ftp://files.example.com/m.txt' },
          ],
        }),
      }),
      'BAD_USER_INPUT',
    );
    expect(error.fields.map((f) => f.path).sort()).toEqual([
      'input.documents.0.url',
      'input.documents.1.url',
      'input.subject',
    ]);
    const nul = await expectError(
      jordan.logCommunication({ input: qbr({ summary: 'bad\u0000byte' }) }),
      'BAD_USER_INPUT',
    );
    expect(nul.fields[0].path).toBe('input.summary');
    const future = await expectError(
      jordan.logCommunication({ input: qbr({ occurredAt: new Date(Date.now() + 3 * DAY_MS).toISOString() }) }),
      'BAD_USER_INPUT',
    );
    expect(future.fields).toEqual([{ path: 'input.occurredAt', message: expect.stringContaining('ahead of now') }]);
    const bi = await expectError(
      jordan.logCommunication({ input: qbr({ staffIds: [staff['bi-dashboards']] }) }),
      'BAD_USER_INPUT',
    );
    expect(bi.reason).toBe('USER_NOT_ELIGIBLE');
    const owner = await expectError(
      jordan.logCommunication({
        input: qbr({ followUps: [{ description: 'x', ownerId: staff.casey, dueOn: dayOffset(1) }] }),
      }),
      'BAD_USER_INPUT',
    );
    expect(owner.fields[0].path).toBe('input.followUps.0.ownerId');
    const early = await expectError(
      jordan.logCommunication({
        input: qbr({ followUps: [{ description: 'Too early', ownerId: staff.jordan, dueOn: dayOffset(-30) }] }),
      }),
      'BAD_USER_INPUT',
    );
    expect(early.fields).toEqual([
      { path: 'input.followUps.0.dueOn', message: expect.stringContaining('before the communication') },
    ]);
  });

  it('refuses BI readers, and accounts outside the portfolio', async () => {
    const bi = await server.client(Role.BI_READER);
    const refused = await expectError(bi.logCommunication({ input: qbr() }), 'FORBIDDEN');
    expect(refused.reason).toBe('ROLE_NOT_ALLOWED');
    await expectError(jordan.logCommunication({ input: qbr({ accountId: foreign.id, contactIds: [] }) }), 'NOT_FOUND');
    const casey = await server.client('casey');
    await expectError(casey.logCommunication({ input: qbr({ contactIds: [], followUps: [] }) }), 'NOT_FOUND');
    // Finance reads every account but changes none.
    const finance = await server.client(Role.FINANCE);
    const readOnly = await expectError(
      finance.logCommunication({ input: qbr({ contactIds: [], staffIds: [], followUps: [] }) }),
      'FORBIDDEN',
    );
    expect(readOnly.reason).toBe('READ_ONLY_ACCOUNT');
    // The IT Director logs escalation calls on any account.
    const itdir = await server.client(Role.IT_DIRECTOR);
    const call = (
      await itdir.logCommunication({
        input: qbr({ type: 'CALL', subject: 'Escalation call', contactIds: [], staffIds: [], followUps: [] }),
      })
    ).logCommunication.communication;
    expect(call.loggedBy.id).toBe(staff.alex);
  });
});

describe('changing and deleting', () => {
  it('updates with expectedVersion, replacing lists, and refuses a stale version', async () => {
    const { communication } = (await jordan.logCommunication({ input: qbr({ subject: 'Call about the rollout' }) }))
      .logCommunication;
    const updated = (
      await jordan.updateCommunication({
        input: {
          id: communication.id,
          expectedVersion: 1,
          subject: 'Call about the member portal rollout',
          contactIds: [contacts[1]],
          documents: [],
        },
      })
    ).updateCommunication.communication;
    expect(updated.version).toBe(2);
    expect(updated.participants.edges.map((e) => e.node.contact?.name ?? e.node.user?.name)).toEqual([
      'Ben Ito',
      expect.any(String),
      expect.any(String),
    ]);
    expect(updated.documents.edges).toEqual([]);
    const stale = await expectError(
      jordan.updateCommunication({ input: { id: communication.id, expectedVersion: 1, subject: 'Lost edit' } }),
      'CONFLICT',
    );
    expect(stale.reason).toBe('STALE_VERSION');
    const { communication: now } = await jordan.communication({ id: communication.id });
    expect(now?.subject).toBe('Call about the member portal rollout');
  });

  it('deletes with its follow-ups, and the deletions feed reports it', async () => {
    const since = new Date().toISOString();
    const { communication } = (await jordan.logCommunication({ input: qbr({ subject: 'Logged by mistake' }) }))
      .logCommunication;
    const taylor = await server.client('taylor');
    await expectError(taylor.deleteCommunication({ input: { id: communication.id } }), 'NOT_FOUND');
    const deleted = (await jordan.deleteCommunication({ input: { id: communication.id } })).deleteCommunication;
    expect(deleted.deletedCommunicationId).toBe(communication.id);
    expect(
      await server.count(
        'SELECT COUNT(*) AS n FROM follow_up WHERE description = ? AND communicationId NOT IN (SELECT id FROM communication)',
        ['Send the savings report'],
      ),
    ).toBe(0);
    const feed = await server.gql(
      'jordan',
      `query ($since: DateTimeISO!) { deletions(since: $since, first: 50) { edges { node { entityType entityId } } } }`,
      { since },
    );
    expect(feed.body.errors).toBeUndefined();
    expect((feed.body.data as any).deletions.edges.map((e: any) => e.node)).toContainEqual({
      entityType: 'Communication',
      entityId: communication.id,
    });
  });
});

describe('follow-ups', () => {
  it('are added, reassigned, completed and reopened by the right people', async () => {
    const { communication } = (await jordan.logCommunication({ input: qbr({ followUps: [] }) })).logCommunication;
    const added = (
      await jordan.addFollowUp({
        input: {
          communicationId: communication.id,
          description: 'Share the SOC 2 report',
          ownerId: staff.jordan,
          dueOn: dayOffset(5),
        },
      })
    ).addFollowUp.followUp;
    const moved = (
      await jordan.updateFollowUp({ input: { id: added.id, expectedVersion: added.version, ownerId: staff.marcus } })
    ).updateFollowUp.followUp;
    expect(moved.owner.id).toBe(staff.marcus);
    const marcus = await server.client('marcus');
    // The new owner hears of it; nobody is told of a follow-up they gave themselves.
    const told = (await marcus.notifications({ first: 50 })).viewer.notifications.edges.map((e) => e.node);
    expect(told.filter((n) => n.subjectId === added.id)).toEqual([
      expect.objectContaining({
        kind: 'FOLLOW_UP_ASSIGNED',
        subjectType: 'FollowUp',
        message: `Jordan Kim made you the owner of a follow-up due ${dayOffset(5)}: Share the SOC 2 report`,
      }),
    ]);
    const toJordan = (await jordan.notifications({ first: 50 })).viewer.notifications.edges.map((e) => e.node);
    expect(toJordan.filter((n) => n.subjectId === added.id)).toEqual([]);
    const done = (await marcus.completeFollowUp({ input: { id: added.id } })).completeFollowUp.followUp;
    expect(done).toMatchObject({ done: true, doneBy: { id: staff.marcus } });
    const again = await expectError(marcus.completeFollowUp({ input: { id: added.id } }), 'CONFLICT');
    expect(again.reason).toBe('INVALID_TRANSITION');
    const reopened = (await jordan.reopenFollowUp({ input: { id: added.id } })).reopenFollowUp.followUp;
    expect(reopened).toMatchObject({ done: false, doneAt: null, doneBy: null });
    const finance = await server.client(Role.FINANCE);
    await expectError(finance.completeFollowUp({ input: { id: added.id } }), 'FORBIDDEN');
  });

  it('refuses a stale follow-up edit, and lets the IT Director own one anywhere', async () => {
    const { communication } = (await jordan.logCommunication({ input: qbr() })).logCommunication;
    const followUp = communication.followUps.edges[0].node;
    await jordan.updateFollowUp({ input: { id: followUp.id, expectedVersion: 1, dueOn: dayOffset(10) } });
    const stale = await expectError(
      jordan.updateFollowUp({ input: { id: followUp.id, expectedVersion: 1, description: 'Lost edit' } }),
      'CONFLICT',
    );
    expect(stale.reason).toBe('STALE_VERSION');
    const moved = (await jordan.updateFollowUp({ input: { id: followUp.id, expectedVersion: 2, ownerId: staff.alex } }))
      .updateFollowUp.followUp;
    expect(moved.owner.id).toBe(staff.alex);
    // A colleague outside the account cannot touch it; the senior whose report owns the account can.
    const taylor = await server.client('taylor');
    await expectError(taylor.completeFollowUp({ input: { id: followUp.id } }), 'NOT_FOUND');
    const marcus = await server.client('marcus');
    const done = (await marcus.completeFollowUp({ input: { id: followUp.id } })).completeFollowUp.followUp;
    expect(done.doneBy?.id).toBe(staff.marcus);
  });

  it('a concurrent double completion: one wins, the other is told', async () => {
    const { communication } = (await jordan.logCommunication({ input: qbr() })).logCommunication;
    const id = communication.followUps.edges[0].node.id;
    const marcus = await server.client('marcus');
    const results = await Promise.allSettled([
      jordan.completeFollowUp({ input: { id, expectedVersion: 1 } }),
      marcus.completeFollowUp({ input: { id, expectedVersion: 1 } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [row] = await server.sql<{ version: number }>(
      'SELECT version FROM follow_up WHERE id = (SELECT MAX(id) FROM follow_up WHERE doneAt IS NOT NULL)',
    );
    expect(Number(row.version)).toBe(2);
  });

  it("followUpsDue lists the viewer's open ones due by the day, overdue first", async () => {
    const { viewer } = await jordan.followUpsDue({ first: 100, dueBy: dayOffset(30) });
    const due = viewer.followUpsDue.edges.map((e) => e.node);
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((f) => f.owner.id === staff.jordan && !f.done)).toBe(true);
    const dates = due.map((f) => f.dueOn);
    expect([...dates].sort()).toEqual(dates);
    // Overdue ones lead, and say so.
    expect(due.map((f) => f.overdue)).toEqual(dates.map((d) => d < dayOffset(0)));
    expect(due.some((f) => f.overdue)).toBe(true);
    const soon = await jordan.followUpsDue({ first: 100, dueBy: dayOffset(0) });
    expect(soon.viewer.followUpsDue.edges.every((e) => e.node.dueOn <= dayOffset(0))).toBe(true);
    // Paging: no duplicates, no gaps.
    const seen: string[] = [];
    let after: string | null | undefined;
    do {
      const page = (await jordan.followUpsDue({ first: 3, after, dueBy: dayOffset(30) })).viewer.followUpsDue;
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(due.map((f) => f.id));
  });
});

describe('reading', () => {
  it('filters communications, scoped to the portfolio', async () => {
    const { communications } = await jordan.communications({
      first: 100,
      filter: { accountId: account.id, participantContactId: contacts[0], type: ['QUARTERLY_BUSINESS_REVIEW'] },
    });
    expect(communications.totalCount).toBeGreaterThan(0);
    expect(communications.edges.every((e) => e.node.type === 'QUARTERLY_BUSINESS_REVIEW')).toBe(true);
    const casey = await server.client('casey');
    const hidden = await casey.communications({ first: 10, filter: { accountId: account.id } });
    expect(hidden.communications.totalCount).toBe(0);
    const sorted = await jordan.communications({ first: 100, filter: { accountId: account.id } });
    const times = sorted.communications.edges.map((e) => e.node.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('lastContactedAt is the latest communication, in one statement per page of accounts', async () => {
    const latest = daysAgo(0.5);
    await jordan.logCommunication({ input: qbr({ occurredAt: latest, followUps: [] }) });
    const { account: read } = await jordan.accountTimeline({ id: account.id, first: 1 });
    expect(read?.lastContactedAt).toBe(latest);
    const count = async (first: number) => {
      // Signed in just before: the count holds the read alone, never a sign-in the server re-checks.
      const token = await server.signedIn(Role.EXECUTIVE);
      server.resetQueries();
      const response = await server.post(
        {
          query: `query ($first: Int!) { accounts(first: $first) { edges { node { lastContactedAt communications(first: 3) { edges { node { subject loggedBy { name } } } } } } } }`,
          variables: { first },
        },
        { authorization: `Bearer ${token}` },
      );
      expect(response.body.errors).toBeUndefined();
      return server.queries.length;
    };
    expect(await count(40)).toBe(await count(5));
  });

  it('reads pages of communications and follow-ups in statements that do not grow with the page', async () => {
    const count = async (query: string, first: number, rows: (data: any) => number) => {
      // Signed in just before: the count holds the read alone, never a sign-in the server re-checks.
      const token = await server.signedIn(Role.EXECUTIVE);
      server.resetQueries();
      const response = await server.post({ query, variables: { first } }, { authorization: `Bearer ${token}` });
      expect(response.body.errors).toBeUndefined();
      return { statements: server.queries.length, rows: rows(response.body.data) };
    };
    const communications = `query ($first: Int!) { communications(first: $first) { totalCount edges { node {
      subject account { name } loggedBy { name }
      participants(first: 10) { totalCount edges { node { contact { name } user { name } } } }
      documents(first: 5) { edges { node { title url } } }
      followUps(first: 5) { totalCount edges { node { description done owner { name } doneBy { name } } } }
    } } } }`;
    const small = await count(communications, 5, (data) => data.communications.edges.length);
    const large = await count(communications, 60, (data) => data.communications.edges.length);
    expect(large.rows).toBe(60);
    // A larger page may reach one more kind of row (a follow-up someone marked done): never one per row.
    expect(large.statements).toBeLessThanOrEqual(small.statements + 2);
    expect(large.statements).toBeLessThanOrEqual(14);
    const due = `query ($first: Int!) { users(first: 20) { edges { node { name
      followUpsDue(first: $first, dueBy: "2099-01-01") { totalCount edges { node { dueOn account { name } communication { subject } owner { name } } } }
    } } } }`;
    const rows = (data: any) =>
      data.users.edges.reduce((sum: number, e: any) => sum + e.node.followUpsDue.edges.length, 0);
    const fewDue = await count(due, 2, rows);
    const manyDue = await count(due, 40, rows);
    expect(manyDue.rows).toBeGreaterThan(fewDue.rows);
    expect(manyDue.statements).toBeLessThanOrEqual(fewDue.statements + 2);
    expect(manyDue.statements).toBeLessThanOrEqual(12);
  });

  it('exports the rows the list answers, for BI tools', async () => {
    const response = await fetch(`${server.origin}/export/communications.csv`, {
      headers: { authorization: `Bearer ${await server.token('jordan')}` },
    });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('id,accountId,type,direction,occurredAt,subject,loggedById,updatedAt');
    const { communications } = await jordan.communications({ first: 1 });
    expect(lines.length - 1).toBe(communications.totalCount);
  });
});
