// The consumer scenario: compiled by scripts/sdk-consumer-test.mjs in a temporary app outside the
// workspace, once as ES modules and once as CommonJS, under the strictest compiler settings, and run
// against a live server. Everything here is what another team writes: no GraphQL by hand, one import.
import { randomUUID } from 'node:crypto';
import {
  AccountDetailDocument,
  AccountGraphError,
  AccountStatus,
  createClient,
  isAccountGraphError,
  type AccountGraphErrorCode,
  type AccountsQuery,
  type ResponseMeta,
} from '@account-graph/sdk';

type AccountRow = AccountsQuery['accounts']['edges'][number]['node'];

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`consumer scenario: ${message}`);
}

export async function main(flavour: string): Promise<void> {
  const url = process.env['ACCOUNT_GRAPH_URL'];
  check(url !== undefined, 'ACCOUNT_GRAPH_URL is not set');
  const seen: ResponseMeta[] = [];
  // `token: process.env['X']` is string | undefined: it must compile under exactOptionalPropertyTypes.
  const client = createClient({
    url,
    token: process.env['ACCOUNT_GRAPH_TOKEN'],
    timeoutMs: 15_000,
    retries: { max: 2, baseDelayMs: 100 },
    headers: new Headers({ 'x-app': `consumer-${flavour}` }),
    onResponse: (meta) => void seen.push(meta),
  });

  // 1. A filtered list.
  const filter = { status: [AccountStatus.ACTIVE] };
  const { accounts } = await client.accounts({ first: 5, filter });
  check(accounts.edges.length > 0, 'the seeded portfolio has active accounts');
  check(
    accounts.edges.every(({ node }) => node.status === 'ACTIVE'),
    'the filter keeps active accounts only',
  );

  // 2. Paginate to the end: every item once, as many as totalCount, in pages of 2.
  const rows: AccountRow[] = [];
  for await (const account of client.paginate.accounts({ first: 2, filter })) rows.push(account);
  check(rows.length === accounts.totalCount, `paginated ${rows.length} of ${accounts.totalCount} accounts`);
  check(new Set(rows.map((row) => row.id)).size === rows.length, 'no account is paged twice');
  let pages = 0;
  for await (const page of client.paginate.accounts({ first: 2, filter }).pages()) {
    pages += 1;
    check(page.totalCount === accounts.totalCount, 'every page has the total');
  }
  check(pages === Math.ceil(accounts.totalCount / 2), `${pages} pages of 2 for ${accounts.totalCount} accounts`);

  // 3. Create with an idempotency key, then replay it (the key also given as a Headers object).
  const key = randomUUID();
  const input = { name: `Consumer ${flavour} ${key.slice(0, 8)}`, kind: 'HEALTH_PLAN', tier: 'GROWTH' } as const;
  const first = await client.withMeta.createAccount({ input }, { idempotencyKey: key });
  const replay = await client.withMeta.createAccount({ input }, { headers: new Headers({ 'Idempotency-Key': key }) });
  check(!first.meta.replayed && replay.meta.replayed, 'the second call is a replay');
  check(first.meta.requestId !== undefined, 'the response names its request id');
  check(
    replay.data.createAccount.account.id === first.data.createAccount.account.id,
    'the replay returns the same account',
  );
  const pairs = await client.withMeta.createAccount({ input }, { headers: [['Idempotency-Key', key]] });
  check(pairs.meta.replayed, 'a key given as [name, value] pairs is sent too');

  // The rich read of the new account, through `request` with a typed document.
  const { account } = await client.request(AccountDetailDocument, { id: first.data.createAccount.account.id });
  check(account !== null && account.team.totalCount === 0 && account.contacts.totalCount === 0, 'the detail read');

  // 4. A typed error: BAD_USER_INPUT with the offending fields.
  try {
    await client.createAccount({ input: { name: '   ', kind: 'HEALTH_PLAN', tier: 'GROWTH' } });
    check(false, 'a blank name is refused');
  } catch (error) {
    check(error instanceof AccountGraphError, 'errors are AccountGraphErrors');
    const code: AccountGraphErrorCode = error.code;
    check(code === 'BAD_USER_INPUT', `code ${code}`);
    check(
      error.fields.some((field) => field.path === 'input.name'),
      `fields ${JSON.stringify(error.fields)}`,
    );
    check(isAccountGraphError(error, 'BAD_USER_INPUT'), 'isAccountGraphError narrows by code');
  }
  check(seen.length > 0 && seen.every((meta) => meta.status === 200), 'onResponse saw the successes');
  console.log(
    `consumer ${flavour}: listed ${accounts.edges.length}, paged ${rows.length} in ${pages} pages, ` +
      `created and replayed ${first.data.createAccount.account.id}, read BAD_USER_INPUT`,
  );
}
