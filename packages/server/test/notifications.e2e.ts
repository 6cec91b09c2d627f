import type { AccountGraphClient } from '@account-graph/sdk';
import { Role } from '../src/common/roles';
import { expectError } from './support/expect-error';
import { TestServer } from './support/harness';

/** Notifications are written in the same transaction as the event behind them, with an outbox row. */
let server: TestServer;
let jordan: AccountGraphClient;
let marcus: AccountGraphClient;
let accountId: string;

async function countRows(table: string): Promise<number> {
  const [{ total }] = await server.db.dataSource.query(`SELECT COUNT(*) AS total FROM ${table}`);
  return Number(total);
}

async function submittedContract(title: string, dollars = 10_000) {
  const { createContract } = await jordan.createContract({
    input: {
      accountId,
      title,
      type: 'STATEMENT_OF_WORK',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      value: { amountCents: dollars * 100 },
    },
  });
  return (await jordan.submitContract({ input: { id: createContract.contract.id } })).submitContract.contract;
}

beforeAll(async () => {
  server = await TestServer.start();
  jordan = await server.client('jordan');
  marcus = await server.client('marcus');
  accountId = (await jordan.accounts({ first: 1 })).accounts.edges[0].node.id;
});

afterAll(async () => {
  await server.close();
});

it('gives every notification of the demo seed its outbox event, as the API does', async () => {
  const notifications = await server.db.dataSource.query(
    'SELECT id, kind, recipientId, subjectType, subjectId, message, createdAt FROM notification ORDER BY id',
  );
  const events: { topic: string; payload: string | Record<string, unknown>; createdAt: unknown }[] =
    await server.db.dataSource.query('SELECT topic, payload, createdAt FROM outbox_event ORDER BY id');
  // The seed writes the IT Director's escalation notices; nothing has been written through the API yet.
  expect(notifications.length).toBeGreaterThan(20);
  expect(events).toHaveLength(notifications.length);
  const byNotification = new Map(
    events.map((event) => {
      const payload = typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload;
      return [payload.notificationId, { ...event, payload }];
    }),
  );
  for (const row of notifications) {
    const notificationId = Buffer.from(`Notification:${row.id}`).toString('base64');
    expect(byNotification.get(notificationId)).toEqual({
      topic: `notification.${String(row.kind).toLowerCase()}`,
      payload: {
        notificationId,
        recipientId: Number(row.recipientId),
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        message: row.message,
      },
      createdAt: row.createdAt,
    });
  }
});

it("tells the submitter's senior of a submission, and the submitter of the decision", async () => {
  const contract = await submittedContract('Notify me');
  const forMarcus = (await marcus.notifications({ unreadOnly: true, first: 50 })).viewer.notifications.edges.map(
    (e) => e.node,
  );
  expect(forMarcus).toContainEqual(
    expect.objectContaining({
      kind: 'APPROVAL_REQUESTED',
      subjectType: 'Contract',
      subjectId: contract.id,
      message: `Jordan Kim submitted contract ${contract.number} (USD 10,000.00) for approval.`,
      readAt: null,
    }),
  );

  await marcus.rejectContract({ input: { id: contract.id, reason: 'Add the SLA schedule' } });
  const forJordan = (await jordan.notifications({ first: 50 })).viewer.notifications.edges.map((e) => e.node);
  expect(forJordan[0]).toMatchObject({
    kind: 'APPROVAL_DECIDED',
    subjectId: contract.id,
    message: `Marcus Ellison rejected contract ${contract.number}: Add the SLA schedule`,
  });
});

it('writes an outbox event with each notification, and neither when the change fails', async () => {
  const before = { notifications: await countRows('notification'), outbox: await countRows('outbox_event') };
  await submittedContract('Outbox');
  expect(await countRows('notification')).toBe(before.notifications + 1);
  expect(await countRows('outbox_event')).toBe(before.outbox + 1);

  const tooBig = await submittedContract('Too big for Jordan', 100_000);
  const middle = { notifications: await countRows('notification'), outbox: await countRows('outbox_event') };
  const vp = await server.client(Role.EXECUTIVE);
  await expectError(jordan.approveContract({ input: { id: tooBig.id } }), 'FORBIDDEN');
  await expect(vp.approveContract({ input: { id: tooBig.id } })).resolves.toBeDefined();
  await expectError(vp.approveContract({ input: { id: tooBig.id } }), 'CONFLICT');
  // Only the one successful decision wrote (to the submitter, Jordan).
  expect(await countRows('notification')).toBe(middle.notifications + 1);
  expect(await countRows('outbox_event')).toBe(middle.outbox + 1);
});

it('marks notifications read, one by one or all, and only your own', async () => {
  await submittedContract('Read me');
  const unread = (await marcus.notifications({ unreadOnly: true, first: 100 })).viewer.notifications;
  expect(unread.totalCount).toBeGreaterThan(0);
  const first = unread.edges[0].node.id;
  const jordansOwn = (await jordan.notifications({ first: 1 })).viewer.notifications.edges[0]?.node.id;

  const one = await marcus.markNotificationsRead({ input: { ids: [first, ...(jordansOwn ? [jordansOwn] : [])] } });
  expect(one.markNotificationsRead).toEqual({ markedCount: 1, unreadCount: unread.totalCount - 1 });
  const all = await marcus.markNotificationsRead({ input: { all: true } });
  expect(all.markNotificationsRead).toEqual({ markedCount: unread.totalCount - 1, unreadCount: 0 });
  expect((await marcus.notifications({ unreadOnly: true })).viewer.notifications.totalCount).toBe(0);

  await expectError(marcus.markNotificationsRead({ input: {} }), 'BAD_USER_INPUT');
  if (jordansOwn) expect((await marcus.node({ id: jordansOwn })).node).toBeNull();
});

it("refuses to read someone else's notifications", async () => {
  const response = await server.gql(
    'marcus',
    '{ users(first: 1, filter: { search: "jordan" }) { edges { node { notifications { totalCount } } } } }',
  );
  expect(response.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});
