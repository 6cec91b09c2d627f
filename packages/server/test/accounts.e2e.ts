import { AccountStatus, AccountTier, type AccountGraphClient } from '@account-graph/sdk';
import { Role } from '../src/common/roles';
import { expectError } from './support/expect-error';
import { TestServer } from './support/harness';

/** Accounts through the SDK, as other teams' apps use them: create, update, reassign, list. */
let server: TestServer;
let admin: AccountGraphClient;
let jordan: AccountGraphClient;
let userIds: Record<string, string>;

async function accountCount(): Promise<number> {
  const [{ total }] = await server.db.dataSource.query('SELECT COUNT(*) AS total FROM account');
  return Number(total);
}

async function auditFor(entityId: string) {
  return (await admin.auditEvents({ first: 50, filter: { entityId } })).auditEvents.edges.map((e) => e.node);
}

beforeAll(async () => {
  server = await TestServer.start();
  admin = await server.client(Role.ADMIN);
  jordan = await server.client('jordan');
  userIds = await server.staffIds();
});

afterAll(async () => {
  await server.close();
});

describe('createAccount', () => {
  it('creates an account owned by the account manager who created it, and audits it', async () => {
    const { createAccount } = await jordan.createAccount({
      input: {
        name: '  Willamette Family Health  ',
        kind: 'HEALTH_PLAN',
        tier: AccountTier.GROWTH,
        membersReached: 125000,
      },
    });
    const account = createAccount.account;
    expect(account).toMatchObject({
      name: 'Willamette Family Health',
      status: AccountStatus.PROSPECT,
      membersReached: 125000,
      version: 1,
      owner: { name: 'Jordan Kim' },
      parent: null,
    });
    expect(new Date(account.createdAt).toISOString()).toBe(account.createdAt);

    const [event] = await auditFor(account.id);
    expect(event).toMatchObject({ action: 'createAccount', entityType: 'Account', actor: { name: 'Jordan Kim' } });
    expect(event.changes).toMatchObject({
      name: { before: null, after: 'Willamette Family Health' },
      tier: { before: null, after: 'GROWTH' },
    });

    const mine = await jordan.accounts({ first: 5, filter: { search: 'willamette family' } });
    expect(mine.accounts.edges.map((e) => e.node.id)).toEqual([account.id]);
  });

  it('refuses bad input with the offending paths and writes nothing', async () => {
    const before = await accountCount();
    const blank = await expectError(
      jordan.createAccount({ input: { name: '   ', kind: 'HEALTH_PLAN', tier: 'GROWTH', membersReached: -5 } }),
      'BAD_USER_INPUT',
    );
    expect(blank.fields).toEqual(
      expect.arrayContaining([
        { path: 'input.name', message: 'name must not be empty' },
        { path: 'input.membersReached', message: expect.stringContaining('membersReached') },
      ]),
    );
    const long = await expectError(
      jordan.createAccount({ input: { name: 'x'.repeat(201), kind: 'HEALTH_PLAN', tier: 'GROWTH' } }),
      'BAD_USER_INPUT',
    );
    expect(long.fields).toEqual([{ path: 'input.name', message: 'name must be at most 200 characters' }]);
    const wrongType = await expectError(
      jordan.createAccount({ input: { name: 'A', kind: 'HEALTH_PLAN', tier: 'GROWTH', parentId: userIds.jordan } }),
      'BAD_USER_INPUT',
    );
    expect(wrongType.fields).toEqual([
      { path: 'input.parentId', message: expect.stringContaining('is not a Account id') },
    ]);
    await expectError(
      jordan.createAccount({
        input: { name: 'A', kind: 'HEALTH_PLAN', tier: 'GROWTH', parentId: 'QWNjb3VudDo5OTk5OTk=' },
      }),
      'NOT_FOUND',
    );
    const finance = await expectError(
      admin.createAccount({ input: { name: 'A', kind: 'HEALTH_PLAN', tier: 'GROWTH', ownerId: userIds.robin } }),
      'BAD_USER_INPUT',
    );
    expect(finance.fields).toEqual([
      { path: 'input.ownerId', message: expect.stringContaining('must be an active account manager') },
    ]);
    await expectError(
      admin.createAccount({ input: { name: 'A', kind: 'HEALTH_PLAN', tier: 'GROWTH', ownerId: userIds.chris } }),
      'BAD_USER_INPUT',
    );
    expect(await accountCount()).toBe(before);
  });

  it.each([Role.FINANCE, Role.BI_READER, Role.PROJECT_MEMBER, Role.IT_DIRECTOR])('is refused to %s', async (role) => {
    const client = await server.client(role);
    const error = await expectError(
      client.createAccount({ input: { name: 'Not Mine', kind: 'HEALTH_PLAN', tier: 'GROWTH' } }),
      'FORBIDDEN',
    );
    expect(error.message).toMatch(/account managers, senior account managers, executives and admins/);
  });
});

describe('updateAccount', () => {
  async function freshAccount(name: string) {
    return (await jordan.createAccount({ input: { name, kind: 'HEALTH_PLAN', tier: 'GROWTH' } })).createAccount.account;
  }

  it('applies changes, bumps the version and audits before and after', async () => {
    const account = await freshAccount('Update Me Health');
    const { updateAccount } = await jordan.updateAccount({
      input: { id: account.id, expectedVersion: 1, status: 'ONBOARDING', region: 'Oregon' },
    });
    expect(updateAccount.account).toMatchObject({
      status: 'ONBOARDING',
      region: 'Oregon',
      version: 2,
      name: 'Update Me Health',
    });
    expect(Date.parse(updateAccount.account.updatedAt)).toBeGreaterThanOrEqual(Date.parse(account.updatedAt));
    const events = await auditFor(account.id);
    expect(events[0]).toMatchObject({
      action: 'updateAccount',
      changes: { status: { before: 'PROSPECT', after: 'ONBOARDING' }, region: { before: null, after: 'Oregon' } },
    });
    expect(Object.keys(events[0].changes)).toEqual(['status', 'region']);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const account = await freshAccount('Stale Version Health');
    await jordan.updateAccount({ input: { id: account.id, expectedVersion: 1, region: 'First' } });
    const error = await expectError(
      jordan.updateAccount({ input: { id: account.id, expectedVersion: 1, region: 'Second' } }),
      'CONFLICT',
    );
    expect(error.extensions).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    expect(error.message).toMatch(/Reload it/);
    const { account: now } = await jordan.account({ id: account.id });
    expect(now).toMatchObject({ region: 'First', version: 2 });
    expect((await auditFor(account.id)).map((e) => e.action)).toEqual(['updateAccount', 'createAccount']);
  });

  it('lets exactly one of 20 concurrent updates with the same version win', async () => {
    const account = await freshAccount('Race Health');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        jordan.updateAccount({ input: { id: account.id, expectedVersion: 1, region: `Region ${i}` } }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.reason.code)).toEqual(Array(19).fill('CONFLICT'));
    const winner = won[0].value.updateAccount.account;
    const { account: now } = await jordan.account({ id: account.id });
    expect(now).toMatchObject({ version: 2, region: winner.region });
    expect((await auditFor(account.id)).filter((e) => e.action === 'updateAccount')).toHaveLength(1);
  });

  it('refuses to make an account its own ancestor', async () => {
    const head = await freshAccount('Cycle Head');
    const child = (
      await jordan.createAccount({
        input: { name: 'Cycle Child', kind: 'HEALTH_PLAN', tier: 'GROWTH', parentId: head.id },
      })
    ).createAccount.account;
    const cycle = await expectError(
      jordan.updateAccount({ input: { id: head.id, expectedVersion: 1, parentId: child.id } }),
      'BAD_USER_INPUT',
    );
    expect(cycle.fields).toEqual([
      { path: 'input.parentId', message: expect.stringContaining('cannot be its own parent') },
    ]);
    await expectError(
      jordan.updateAccount({ input: { id: head.id, expectedVersion: 1, parentId: head.id } }),
      'BAD_USER_INPUT',
    );
    const cleared = await jordan.updateAccount({ input: { id: child.id, expectedVersion: 1, parentId: null } });
    expect(cleared.updateAccount.account.parent).toBeNull();
  });

  it("lets the owner's senior write, but not a read-all role off the team", async () => {
    const account = await freshAccount('Who Writes Health');
    const marcus = await server.client('marcus');
    await expect(
      marcus.updateAccount({ input: { id: account.id, expectedVersion: 1, tier: 'ENTERPRISE' } }),
    ).resolves.toBeDefined();
    for (const role of [Role.IT_DIRECTOR, Role.FINANCE]) {
      const client = await server.client(role);
      const error = await expectError(
        client.updateAccount({ input: { id: account.id, expectedVersion: 2, tier: 'STRATEGIC' } }),
        'FORBIDDEN',
      );
      expect(error.message).toMatch(/only its owner, its team/);
      expect(error.extensions.reason).toBe('READ_ONLY_ACCOUNT');
    }
    // BI readers never write: the role gate refuses them before the account is looked at.
    const bi = await server.client(Role.BI_READER);
    const refused = await expectError(
      bi.updateAccount({ input: { id: account.id, expectedVersion: 2, tier: 'STRATEGIC' } }),
      'FORBIDDEN',
    );
    expect(refused.extensions.reason).toBe('ROLE_NOT_ALLOWED');
    expect(refused.message).toMatch(/updateAccount is open to every role but BI readers/);
    const casey = await server.client('casey');
    await expectError(
      casey.updateAccount({ input: { id: account.id, expectedVersion: 2, tier: 'STRATEGIC' } }),
      'NOT_FOUND',
    );
  });
});

describe('assignAccountOwner', () => {
  it("lets a senior hand a report's account to another report, audited", async () => {
    const account = (
      await jordan.createAccount({ input: { name: 'Handover Health', kind: 'HEALTH_PLAN', tier: 'GROWTH' } })
    ).createAccount.account;
    const marcus = await server.client('marcus');
    const { assignAccountOwner } = await marcus.assignAccountOwner({
      input: { accountId: account.id, ownerId: userIds.taylor },
    });
    expect(assignAccountOwner.account).toMatchObject({ owner: { name: 'Taylor Brooks' }, version: 2 });
    const [event] = await auditFor(account.id);
    expect(event).toMatchObject({
      action: 'assignAccountOwner',
      actor: { name: 'Marcus Ellison' },
      changes: { ownerId: { before: expect.any(Number), after: expect.any(Number) } },
    });
    // Jordan no longer owns it and is not on its team: it leaves Jordan's portfolio.
    expect((await jordan.account({ id: account.id })).account).toBeNull();
  });

  it('refuses account managers, ineligible owners and a no-op', async () => {
    const account = (
      await jordan.createAccount({ input: { name: 'Stay Put Health', kind: 'HEALTH_PLAN', tier: 'GROWTH' } })
    ).createAccount.account;
    await expectError(
      jordan.assignAccountOwner({ input: { accountId: account.id, ownerId: userIds.taylor } }),
      'FORBIDDEN',
    );
    const marcus = await server.client('marcus');
    await expectError(
      marcus.assignAccountOwner({ input: { accountId: account.id, ownerId: userIds.robin } }),
      'BAD_USER_INPUT',
    );
    await expectError(
      marcus.assignAccountOwner({ input: { accountId: account.id, ownerId: userIds.jordan } }),
      'CONFLICT',
    );
    await expectError(
      marcus.assignAccountOwner({ input: { accountId: account.id, ownerId: userIds.taylor, expectedVersion: 7 } }),
      'CONFLICT',
    );
    const sofia = await server.client('sofia');
    await expectError(
      sofia.assignAccountOwner({ input: { accountId: account.id, ownerId: userIds.casey } }),
      'NOT_FOUND',
    );
    expect((await jordan.account({ id: account.id })).account).toMatchObject({
      owner: { name: 'Jordan Kim' },
      version: 1,
    });
  });
});

describe('accounts: filters and order', () => {
  it('pages through the whole portfolio by members reached without gaps or repeats', async () => {
    const expected: { name: string }[] = await server.db.dataSource.query(
      'SELECT name FROM account ORDER BY membersReached DESC, id DESC',
    );
    const seen: string[] = [];
    let after: string | null | undefined;
    do {
      const { accounts } = await admin.accounts({
        first: 7,
        after,
        orderBy: { field: 'MEMBERS_REACHED', direction: 'DESC' },
      });
      expect(accounts.totalCount).toBe(expected.length);
      seen.push(...accounts.edges.map((e) => e.node.name));
      after = accounts.pageInfo.hasNextPage ? accounts.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected.map((row) => row.name));
  });

  it('filters by text (wildcards literal), status, tier, top level and owner', async () => {
    await admin.createAccount({
      input: { name: '100% Health Co-op', kind: 'OTHER', tier: 'GROWTH', status: 'AT_RISK', ownerId: userIds.jamie },
    });
    const percent = await admin.accounts({ first: 10, filter: { search: '100%' } });
    expect(percent.accounts.edges.map((e) => e.node.name)).toEqual(['100% Health Co-op']);
    const underscore = await admin.accounts({ first: 10, filter: { search: '_' } });
    expect(underscore.accounts.totalCount).toBe(0);

    const atRiskGrowth = await admin.accounts({ first: 100, filter: { status: ['AT_RISK'], tier: ['GROWTH'] } });
    expect(atRiskGrowth.accounts.edges.every((e) => e.node.status === 'AT_RISK' && e.node.tier === 'GROWTH')).toBe(
      true,
    );
    const [{ total }] = await server.db.dataSource.query(
      "SELECT COUNT(*) AS total FROM account WHERE status = 'AT_RISK' AND tier = 'GROWTH'",
    );
    expect(atRiskGrowth.accounts.totalCount).toBe(Number(total));

    const heads = await admin.accounts({ first: 100, filter: { topLevel: true } });
    expect(heads.accounts.edges.every((e) => e.node.parent === null)).toBe(true);
    const jamies = await admin.accounts({ first: 100, filter: { ownerId: userIds.jamie } });
    expect(jamies.accounts.edges.every((e) => e.node.owner?.name === 'Jamie Patel')).toBe(true);
    expect(jamies.accounts.totalCount).toBeGreaterThan(1);
  });
});
