import type { AccountGraphClient } from '@account-graph/sdk';
import { Role } from '../src/common/roles';
import { TestServer } from './support/harness';

/**
 * Rules of the form "check, then write" under real concurrent requests: ten SDK calls at once
 * through the HTTP server. On MariaDB they run side by side on the pool; on SQLite writes are
 * serialised, and the outcome must be the same: exactly one winner, a clear refusal for the rest,
 * and a consistent database afterwards.
 */
let server: TestServer;
let jordan: AccountGraphClient;
let marcus: AccountGraphClient;
let vp: AccountGraphClient;
let staff: Record<string, string>;
let accountId: string;

const CALLS = 10;
const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

/** Runs `call` CALLS times at once; the fulfilled values, and the code and message of each refusal. */
async function race<T>(
  call: (index: number) => Promise<T>,
): Promise<{ won: T[]; lost: { code: string; message: string }[] }> {
  const results = await Promise.allSettled(Array.from({ length: CALLS }, (_, index) => call(index)));
  return {
    won: results.filter((r): r is PromiseFulfilledResult<Awaited<T>> => r.status === 'fulfilled').map((r) => r.value),
    lost: results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => ({ code: r.reason.code, message: r.reason.message })),
  };
}

async function auditCount(action: string, entityId: string): Promise<number> {
  const { auditEvents } = await vp.auditEvents({ first: 50, filter: { action, entityId } });
  return auditEvents.edges.length;
}

beforeAll(async () => {
  server = await TestServer.start();
  [jordan, marcus, vp] = await Promise.all(
    (['jordan', 'marcus', Role.EXECUTIVE] as const).map((who) => server.client(who)),
  );
  staff = await server.staffIds();
  accountId = (
    await jordan.createAccount({ input: { name: 'Concurrency Health', kind: 'HEALTH_PLAN', tier: 'GROWTH' } })
  ).createAccount.account.id;
});

afterAll(async () => {
  await server.close();
});

describe('renewals', () => {
  it('of 10 simultaneous renewals of one contract, creates one DRAFT; the rest get CONFLICT', async () => {
    const { createContract } = await jordan.createContract({
      input: {
        accountId,
        title: 'Price transparency',
        type: 'MASTER_SERVICES',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        value: { amountCents: 1_000_000 },
      },
    });
    const contract = createContract.contract;
    await jordan.submitContract({ input: { id: contract.id } });
    await marcus.approveContract({ input: { id: contract.id } });

    const { won, lost } = await race(() => jordan.renewContract({ input: { id: contract.id } }));
    expect(won).toHaveLength(1);
    expect(lost).toEqual(
      Array(CALLS - 1).fill({ code: 'CONFLICT', message: expect.stringMatching(/already has a renewal in progress/) }),
    );

    const renewal = won[0].renewContract.contract;
    expect(renewal).toMatchObject({ status: 'DRAFT', type: 'RENEWAL', renewalOf: { id: contract.id } });
    const { contract: read } = await jordan.contract({ id: contract.id });
    expect(read).toMatchObject({
      status: 'ACTIVE',
      renewals: { totalCount: 1, edges: [{ node: { id: renewal.id } }] },
    });
    expect(await server.count('SELECT COUNT(*) AS n FROM contract WHERE renewalOfId = ?', [rowId(contract.id)])).toBe(
      1,
    );
    expect(await auditCount('renewContract', renewal.id)).toBe(1);
  });
});

describe('account teams', () => {
  it('of 10 simultaneous removals of one team member, removes once; the rest get NOT_FOUND', async () => {
    const { addAccountTeamMember } = await jordan.addAccountTeamMember({
      input: { accountId, userId: staff.lee, teamRole: 'SUPPORT_LEAD' },
    });
    const memberId = addAccountTeamMember.teamMember.id;

    const { won, lost } = await race(() => jordan.removeAccountTeamMember({ input: { accountId, userId: staff.lee } }));
    expect(won).toHaveLength(1);
    expect(won[0].removeAccountTeamMember.removedTeamMemberId).toBe(memberId);
    expect(lost.map((l) => l.code)).toEqual(Array(CALLS - 1).fill('NOT_FOUND'));

    const { account } = await jordan.accountDetail({ id: accountId });
    expect(account!.team.edges.map((e) => e.node.user.id)).not.toContain(staff.lee);
    // One removal, so one entry in the audit trail.
    expect(await auditCount('removeAccountTeamMember', memberId)).toBe(1);
  });
});

describe('account families', () => {
  it('of two simultaneous moves that would make each account the parent of the other, refuses one: no cycle', async () => {
    // Five pairs, both moves of each pair sent at once: ten requests.
    const accounts = await Promise.all(
      Array.from(
        { length: CALLS },
        async (_, index) =>
          (await jordan.createAccount({ input: { name: `Family ${index}`, kind: 'HEALTH_PLAN', tier: 'GROWTH' } }))
            .createAccount.account,
      ),
    );
    const partner = (index: number) => accounts[index % 2 === 0 ? index + 1 : index - 1];

    const { won, lost } = await race((index) =>
      jordan.updateAccount({
        input: { id: accounts[index].id, expectedVersion: accounts[index].version, parentId: partner(index).id },
      }),
    );
    expect(won).toHaveLength(CALLS / 2);
    expect(lost).toEqual(
      Array(CALLS / 2).fill({
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/cannot be its own parent or the parent of one of its ancestors/),
      }),
    );

    const rows = await server.sql<{ id: number; parentId: number | null }>(
      `SELECT id, parentId FROM account WHERE id IN (${accounts.map((a) => rowId(a.id)).join(', ')})`,
    );
    const parentOf = new Map(rows.map((row) => [Number(row.id), row.parentId === null ? null : Number(row.parentId)]));
    for (let index = 0; index < CALLS; index += 2) {
      const [a, b] = [rowId(accounts[index].id), rowId(accounts[index + 1].id)];
      // Exactly one of the pair has the other as its parent.
      expect([parentOf.get(a) === b, parentOf.get(b) === a].filter(Boolean)).toHaveLength(1);
    }
  });
});
