// The write load of `pnpm bench` (Q4, and the writes of the Q5 mix): updateAccount with expectedVersion.
//
// Each request takes an account no other request in flight holds, sends the version it last saw, and
// gives the account back when the answer shows the update went through: so a conflict means a bug,
// not two connections racing for one version, and no request reads before it writes. The change is
// membersReached, toggled between two neighbouring values: it is audited, and none of the benchmarked
// reads shows it (nor version), so reads stay byte-identical while writes run.
//
// A request still in flight when a run ends is never answered to the load generator, so its account
// is left out until the next sync(), which rereads every account from the database once the servers
// are idle; bench.mjs syncs before each run.

export const UPDATE_ACCOUNT_MUTATION =
  'mutation UpdateAccount($input: UpdateAccountInput!) { updateAccount(input: $input) { account { id name version membersReached } } }';

const globalId = (rowId) => Buffer.from(`Account:${rowId}`).toString('base64');

export class AccountWriter {
  /**
   * @param db       the benchmark's database handle (scripts/bench/db.mjs)
   * @param rowIds   the accounts to write: at least as many as connections, so none is shared
   * @param auth     { token } for the GraphQL server, { actorId } for the baseline (it has no sign-in)
   */
  constructor(db, rowIds, auth) {
    this.db = db;
    this.rowIds = rowIds;
    this.auth = auth;
    this.free = [];
    this.spare = 0;
  }

  /** Rereads every account's version and membersReached; call while no write is in flight. */
  async sync() {
    const rows = await this.db.all(
      `SELECT id, name, version, membersReached FROM account WHERE id IN (${this.rowIds.map(() => '?').join(', ')}) ORDER BY id`,
      this.rowIds,
    );
    if (rows.length !== this.rowIds.length)
      throw new Error(`the write load's ${this.rowIds.length} accounts are not all there`);
    this.all = rows.map((row) => ({
      rowId: Number(row.id),
      id: globalId(row.id),
      name: row.name,
      version: Number(row.version),
      membersReached: Number(row.membersReached),
    }));
    this.free = [...this.all];
  }

  /** Sums to compare before and after a run: every version it moved must come with an audit event. */
  async ledger() {
    const marks = this.rowIds.map(() => '?').join(', ');
    const [{ versions }] = await this.db.all(
      `SELECT SUM(version) AS versions FROM account WHERE id IN (${marks})`,
      this.rowIds,
    );
    const [{ audits }] = await this.db.all(
      `SELECT COUNT(*) AS audits FROM audit_event WHERE entityType = 'Account' AND action = 'updateAccount' AND entityId IN (${marks})`,
      this.rowIds.map(globalId),
    );
    return { versions: Number(versions), audits: Number(audits) };
  }

  /** An account no request in flight holds; should none be left (timeouts), one that may conflict. */
  claim() {
    return this.free.shift() ?? this.all[this.spare++ % this.all.length];
  }

  /** The value the next update writes: never the current one, never out of range. */
  static next(state) {
    return state.membersReached % 2 === 0 ? state.membersReached + 1 : state.membersReached - 1;
  }

  /** The exact answer both servers give to the update of `state` (as claimed). */
  expected(state) {
    const account = {
      id: state.id,
      name: state.name,
      version: state.version + 1,
      membersReached: AccountWriter.next(state),
    };
    return `${JSON.stringify({ data: { updateAccount: { account } } })}\n`;
  }

  /** The HTTP request (autocannon's shape: method, path, headers, body) that updates `state` on `side`. */
  request(side, state) {
    if (side === 'graphql') {
      const input = { id: state.id, expectedVersion: state.version, membersReached: AccountWriter.next(state) };
      return {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.auth.token}` },
        body: JSON.stringify({ query: UPDATE_ACCOUNT_MUTATION, variables: { input } }),
      };
    }
    return {
      method: 'POST',
      path: `/account/${state.rowId}`,
      headers: { 'content-type': 'application/json', 'x-actor-id': String(this.auth.actorId) },
      body: JSON.stringify({
        expectedVersion: state.version,
        membersReached: AccountWriter.next(state),
        previous: { membersReached: state.membersReached },
      }),
    };
  }

  /** Records the answer to the update of `state`; true when it is exactly the expected one. */
  answered(state, status, body) {
    if (status !== 200 || body !== this.expected(state)) return false;
    state.membersReached = AccountWriter.next(state);
    state.version += 1;
    this.free.push(state);
    return true;
  }

  /** autocannon `requests` for a closed loop of updates on `side`; a wrong answer counts in bad.mismatches. */
  requests(side, bad) {
    return [
      {
        setupRequest: (request, context) => {
          context.state = this.claim();
          return { ...request, ...this.request(side, context.state) };
        },
        onResponse: (status, body, context) => {
          if (!this.answered(context.state, status, body)) bad.mismatches++;
        },
      },
    ];
  }
}

/**
 * Q5's mix, request by request: 80% reads spread evenly over Q1-Q3, 20% Q4 writes; 15 requests hold
 * 4 of each read and 3 writes, interleaved so that no stretch of the sequence is all writes or pages.
 */
export const MIX = ['q1', 'q2', 'q3', 'q4', 'q1', 'q2', 'q3', 'q1', 'q2', 'q4', 'q3', 'q1', 'q2', 'q3', 'q4'];

/**
 * autocannon `requests` for the mix on `side`: `reads[key][side]` are fixed requests (method, path,
 * headers, body) with `expected[key]` as their answer; writes go through `writer`.
 */
export function mixRequests(side, reads, expected, writer, bad) {
  let turn = 0;
  return [
    {
      setupRequest: (request, context) => {
        const key = MIX[turn++ % MIX.length];
        context.key = key;
        if (key === 'q4') {
          context.state = writer.claim();
          return { ...request, ...writer.request(side, context.state) };
        }
        return { ...request, ...reads[key][side] };
      },
      onResponse: (status, body, context) => {
        const ok =
          context.key === 'q4'
            ? writer.answered(context.state, status, body)
            : status === 200 && body === expected[context.key];
        if (!ok) bad.mismatches++;
      },
    },
  ];
}
