import type { AccountGraphClient } from '@account-graph/sdk';
import { Role } from '../src/common/roles';
import { expectError } from './support/expect-error';
import { TestServer } from './support/harness';

/** Contacts and account teams through the SDK. */
let server: TestServer;
let admin: AccountGraphClient;
let jordan: AccountGraphClient;
let userIds: Record<string, string>;

beforeAll(async () => {
  server = await TestServer.start();
  admin = await server.client(Role.ADMIN);
  jordan = await server.client('jordan');
  userIds = await server.staffIds();
});

afterAll(async () => {
  await server.close();
});

async function newAccount(name: string) {
  return (await jordan.createAccount({ input: { name, kind: 'HEALTH_PLAN', tier: 'GROWTH' } })).createAccount.account;
}

describe('contacts', () => {
  it('adds people to an account, keeping one primary contact', async () => {
    const account = await newAccount('Contact Health');
    const first = (
      await jordan.createContact({
        input: {
          accountId: account.id,
          name: 'Ana Ruiz',
          email: 'Ana.Ruiz@Contact.example',
          roles: ['DECISION_MAKER', 'DECISION_MAKER'],
          isPrimary: true,
        },
      })
    ).createContact.contact;
    expect(first).toMatchObject({
      name: 'Ana Ruiz',
      email: 'ana.ruiz@contact.example',
      roles: ['DECISION_MAKER'],
      isPrimary: true,
    });
    const second = (
      await jordan.createContact({
        input: {
          accountId: account.id,
          name: 'Ben Ito',
          roles: ['IT_CONTACT'],
          isPrimary: true,
          phone: '+1 (503) 555-0100',
        },
      })
    ).createContact.contact;
    const { account: now } = await jordan.accountDetail({ id: account.id });
    expect(now!.contacts.totalCount).toBe(2);
    expect(now!.contacts.edges.map((e) => [e.node.name, e.node.isPrimary])).toEqual([
      ['Ana Ruiz', false],
      ['Ben Ito', true],
    ]);
    expect(second.id).not.toBe(first.id);
  });

  it('refuses bad contact input with paths', async () => {
    const account = await newAccount('Bad Contact Health');
    const error = await expectError(
      jordan.createContact({
        input: { accountId: account.id, name: '', email: 'not-an-email', phone: 'call me', roles: [] },
      }),
      'BAD_USER_INPUT',
    );
    expect(error.fields.map((f) => f.path).sort()).toEqual(['input.email', 'input.name', 'input.phone', 'input.roles']);
    expect(error.fields.find((f) => f.path === 'input.roles')?.message).toBe('roles must name at least one role');
    const [{ total }] = await server.db.dataSource.query(
      'SELECT COUNT(*) AS total FROM contact WHERE accountId = (SELECT id FROM account WHERE name = ?)',
      ['Bad Contact Health'],
    );
    expect(Number(total)).toBe(0);
  });

  it('updates with expectedVersion and refuses a stale one', async () => {
    const account = await newAccount('Versioned Contact Health');
    const contact = (
      await jordan.createContact({ input: { accountId: account.id, name: 'Cleo Park', roles: ['BILLING'] } })
    ).createContact.contact;
    const updated = (
      await jordan.updateContact({
        input: { id: contact.id, expectedVersion: 1, title: 'AP Lead', roles: ['BILLING', 'OTHER'] },
      })
    ).updateContact.contact;
    expect(updated).toMatchObject({ title: 'AP Lead', roles: ['BILLING', 'OTHER'], version: 2 });
    await expectError(
      jordan.updateContact({ input: { id: contact.id, expectedVersion: 1, title: 'Lost Update' } }),
      'CONFLICT',
    );
    const cleared = (await jordan.updateContact({ input: { id: contact.id, expectedVersion: 2, title: null } }))
      .updateContact.contact;
    expect(cleared.title).toBeNull();
  });

  it('deletes a contact, audited, after which it reads as null', async () => {
    const account = await newAccount('Delete Contact Health');
    const contact = (
      await jordan.createContact({ input: { accountId: account.id, name: 'Dee Lowe', roles: ['OTHER'] } })
    ).createContact.contact;
    await expectError(jordan.deleteContact({ input: { id: contact.id, expectedVersion: 3 } }), 'CONFLICT');
    const { deleteContact } = await jordan.deleteContact({ input: { id: contact.id } });
    expect(deleteContact.deletedContactId).toBe(contact.id);
    expect((await jordan.node({ id: contact.id })).node).toBeNull();
    const events = (await admin.auditEvents({ first: 5, filter: { entityId: contact.id } })).auditEvents.edges.map(
      (e) => e.node,
    );
    expect(events.map((e) => e.action)).toEqual(['deleteContact', 'createContact']);
    expect(events[0].changes).toMatchObject({ name: { before: 'Dee Lowe', after: null } });
    await expectError(jordan.deleteContact({ input: { id: contact.id } }), 'NOT_FOUND');
  });

  it('is read-only for the BI reader and invisible outside the portfolio', async () => {
    const account = await newAccount('Read Only Contact Health');
    const bi = await server.client(Role.BI_READER);
    await expectError(
      bi.createContact({ input: { accountId: account.id, name: 'Eve', roles: ['OTHER'] } }),
      'FORBIDDEN',
    );
    const casey = await server.client('casey');
    await expectError(
      casey.createContact({ input: { accountId: account.id, name: 'Eve', roles: ['OTHER'] } }),
      'NOT_FOUND',
    );
  });
});

describe('account teams', () => {
  it('adds a member, who then sees the account, and removes them again', async () => {
    const account = await newAccount('Team Health');
    const sam = await server.client('sam');
    expect((await sam.account({ id: account.id })).account).toBeNull();

    const { addAccountTeamMember } = await jordan.addAccountTeamMember({
      input: { accountId: account.id, userId: userIds.sam, teamRole: 'PROJECT_MANAGER' },
    });
    expect(addAccountTeamMember.teamMember).toMatchObject({ teamRole: 'PROJECT_MANAGER', user: { name: 'Sam Ortiz' } });
    expect(addAccountTeamMember.account.team.totalCount).toBe(1);
    expect((await sam.account({ id: account.id })).account?.name).toBe('Team Health');

    // The owner or any team member may write the account.
    await expect(
      sam.updateAccount({ input: { id: account.id, expectedVersion: 1, region: 'Idaho' } }),
    ).resolves.toBeDefined();

    const { removeAccountTeamMember } = await jordan.removeAccountTeamMember({
      input: { accountId: account.id, userId: userIds.sam },
    });
    expect(removeAccountTeamMember.removedTeamMemberId).toBe(addAccountTeamMember.teamMember.id);
    expect(removeAccountTeamMember.account.team.totalCount).toBe(0);
    expect((await sam.account({ id: account.id })).account).toBeNull();
  });

  it('refuses a second membership, the owner, a leaver, and removing a non-member', async () => {
    const account = await newAccount('Strict Team Health');
    await jordan.addAccountTeamMember({
      input: { accountId: account.id, userId: userIds.lee, teamRole: 'IMPLEMENTATION_LEAD' },
    });
    const twice = await expectError(
      jordan.addAccountTeamMember({ input: { accountId: account.id, userId: userIds.lee, teamRole: 'SUPPORT_LEAD' } }),
      'CONFLICT',
    );
    expect(twice.message).toMatch(/already \(as IMPLEMENTATION_LEAD\)/);
    await expectError(
      jordan.addAccountTeamMember({
        input: { accountId: account.id, userId: userIds.jordan, teamRole: 'SUPPORT_LEAD' },
      }),
      'BAD_USER_INPUT',
    );
    await expectError(
      jordan.addAccountTeamMember({
        input: { accountId: account.id, userId: userIds.chris, teamRole: 'SUPPORT_LEAD' },
      }),
      'BAD_USER_INPUT',
    );
    await expectError(
      jordan.removeAccountTeamMember({ input: { accountId: account.id, userId: userIds.robin } }),
      'NOT_FOUND',
    );
    const bi = await server.client(Role.BI_READER);
    await expectError(
      bi.addAccountTeamMember({
        input: { accountId: account.id, userId: userIds.robin, teamRole: 'BILLING_SPECIALIST' },
      }),
      'FORBIDDEN',
    );
  });
});

describe('the audit trail', () => {
  it('is for executives and admins only, on every path', async () => {
    const error = await expectError(jordan.auditEvents({ first: 5 }), 'FORBIDDEN');
    expect(error.message).toMatch(/executives and admins/);
    const vp = await server.client(Role.EXECUTIVE);
    const events = (await vp.auditEvents({ first: 1 })).auditEvents.edges;
    expect(events).toHaveLength(1);
    expect((await jordan.node({ id: events[0].node.id })).node).toBeNull();
    expect((await vp.node({ id: events[0].node.id })).node).toMatchObject({ __typename: 'AuditEvent' });
  });

  it('filters by action and actor, newest first', async () => {
    const account = await newAccount('Audit Filter Health');
    await jordan.updateAccount({ input: { id: account.id, expectedVersion: 1, region: 'A' } });
    await jordan.updateAccount({ input: { id: account.id, expectedVersion: 2, region: 'B' } });
    const { auditEvents } = await admin.auditEvents({
      first: 10,
      filter: { action: 'updateAccount', actorId: userIds.jordan, entityId: account.id },
    });
    expect(auditEvents.totalCount).toBe(2);
    expect(auditEvents.edges.map((e) => e.node.changes)).toEqual([
      { region: { before: 'A', after: 'B' } },
      { region: { before: null, after: 'A' } },
    ]);
  });
});

describe('concurrent duplicates', () => {
  it('lets one of 10 simultaneous additions of the same team member through; the rest get CONFLICT', async () => {
    const account = await newAccount('Race Team Health');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        jordan.addAccountTeamMember({
          input: { accountId: account.id, userId: userIds.lee, teamRole: 'SUPPORT_LEAD' },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason.code),
    ).toEqual(Array(9).fill('CONFLICT'));
    const { account: read } = await jordan.accountDetail({ id: account.id });
    expect(read!.team.totalCount).toBe(1);
  });
});
