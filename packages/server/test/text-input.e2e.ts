import type { AccountGraphClient } from '@account-graph/sdk';
import { Role } from '../src/common/roles';
import { TestServer, type GraphQLResponse } from './support/harness';

/**
 * The one rule for text input, on every argument of every field: control characters and unpaired
 * surrogates are refused with BAD_USER_INPUT naming the field, and nothing is written; everything
 * else is stored in NFC, tabs and line breaks included.
 */
let server: TestServer;
let jordan: AccountGraphClient;
let accountId: string;

const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return server.db.dataSource.query(query, params);
}

async function count(table: string): Promise<number> {
  const [row] = await sql<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row.n);
}

/** Row counts of what a refused write could have left behind. */
async function written() {
  return {
    accounts: await count('account'),
    issues: await count('client_issue'),
    invoices: await count('invoice'),
    lines: await count('invoice_line'),
    audit: await count('audit_event'),
  };
}

/** The single BAD_USER_INPUT error of a response, checked to say nothing a screen or log could choke on. */
function badInput(response: GraphQLResponse) {
  expect(response.body.errors).toHaveLength(1);
  const [error] = response.body.errors!;
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  const fields = error.extensions?.fields as { path: string; message: string }[];
  for (const text of [error.message, ...fields.map((field) => field.message)]) expect(text).toMatch(/^[\x20-\x7E]+$/);
  return { message: error.message, fields };
}

const CREATE_ACCOUNT =
  'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id name region } } }';

beforeAll(async () => {
  server = await TestServer.start();
  jordan = await server.client('jordan');
  const { createAccount } = await jordan.createAccount({
    input: { name: 'Text Rule Health', kind: 'HEALTH_PLAN', tier: 'GROWTH' },
  });
  accountId = createAccount.account.id;
});

afterAll(async () => {
  await server.close();
});

describe('refused text', () => {
  it('refuses a NUL in an account name sent as a variable, naming the field and the position, and writes nothing', async () => {
    const before = await written();
    const response = await server.gql('jordan', CREATE_ACCOUNT, {
      input: { name: 'Acme\u0000Health', kind: 'HEALTH_PLAN', tier: 'GROWTH' },
    });
    expect(response.body.data?.createAccount ?? null).toBeNull();
    expect(badInput(response).fields).toEqual([
      {
        path: 'input.name',
        message:
          'name contains the control character U+0000 NUL at position 5; remove it (tab, line feed and carriage return are allowed)',
      },
    ]);
    expect(await written()).toEqual(before);
  });

  it('refuses the same NUL written as an inline literal', async () => {
    const before = await written();
    const response = await server.gql(
      'jordan',
      'mutation { createAccount(input: { name: "Acme\\u0000Health", kind: HEALTH_PLAN, tier: GROWTH }) { account { id } } }',
    );
    expect(badInput(response).fields).toEqual([
      { path: 'input.name', message: expect.stringContaining('U+0000 NUL at position 5') },
    ]);
    expect(await written()).toEqual(before);
  });

  it('refuses a lone surrogate in a region, sent as the JSON escape \\ud800', async () => {
    const before = await written();
    const body =
      `{"query":${JSON.stringify(CREATE_ACCOUNT)},` +
      `"variables":{"input":{"name":"Surrogate Health","kind":"HEALTH_PLAN","tier":"GROWTH","region":"North\\ud800"}}}`;
    expect(body).toContain('"North\\ud800"');
    const response = await server.post(body, { authorization: `Bearer ${await server.token('jordan')}` });
    expect(badInput(response).fields).toEqual([
      {
        path: 'input.region',
        message:
          'region contains a broken character at position 6 (an unpaired UTF-16 surrogate, U+D800); send the text as valid Unicode',
      },
    ]);
    expect(await written()).toEqual(before);
    expect(await sql("SELECT id FROM account WHERE name = 'Surrogate Health'")).toEqual([]);
  });

  it('refuses a control character in a client-issue title', async () => {
    const before = await written();
    const input = {
      accountId,
      title: 'Portal \u001B[31mdown',
      description: 'The member portal answers 502.',
      severity: 'MEDIUM',
      category: 'DELIVERY',
    };
    const response = await server.gql(
      'jordan',
      'mutation($input: ReportClientIssueInput!) { reportClientIssue(input: $input) { clientIssue { id } } }',
      { input },
    );
    expect(badInput(response).fields).toEqual([
      { path: 'input.title', message: expect.stringContaining('U+001B ESC at position 8') },
    ]);
    expect(await written()).toEqual(before);
  });

  it('refuses a bad string inside a list of nested inputs, naming the item', async () => {
    const contracts = await server.gql(
      'robin',
      '{ contracts(first: 1, filter: { status: [ACTIVE] }) { edges { node { id } } } }',
    );
    const contractId = contracts.body.data!.contracts.edges[0].node.id;
    const line = (description: string) => ({ description, quantity: '1', unitPrice: { amountCents: 10_000 } });
    const CREATE_INVOICE =
      'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { invoice { id lines { edges { node { description } } } } } }';
    const before = await written();
    const refused = await server.gql('robin', CREATE_INVOICE, {
      input: { contractId, lines: [line('Implementation'), line('Training\u0007')] },
    });
    expect(badInput(refused).fields).toEqual([
      { path: 'input.lines.1.description', message: expect.stringContaining('U+0007 BEL at position 9') },
    ]);
    expect(await written()).toEqual(before);

    // The same list with well-formed text goes through, composed.
    const accepted = await server.gql('robin', CREATE_INVOICE, {
      input: { contractId, lines: [line('Implementation'), line('Re\u0301sume\u0301 review')] },
    });
    expect(accepted.body.errors).toBeUndefined();
    expect(
      accepted.body.data!.createInvoice.invoice.lines.edges.map(
        (e: { node: { description: string } }) => e.node.description,
      ),
    ).toEqual(['Implementation', 'Résumé review']);
  });

  it('refuses bad text in plain filter and id arguments, at the root and on nested fields, as variables and literals', async () => {
    const search = await server.gql(
      'jordan',
      'query($search: String) { accounts(first: 5, filter: { search: $search }) { totalCount } }',
      { search: 'Acme\u0000' },
    );
    expect(badInput(search).fields).toEqual([
      { path: 'filter.search', message: expect.stringContaining('U+0000 NUL at position 5') },
    ]);

    const literal = await server.gql('jordan', '{ accounts(first: 5, filter: { search: "\\u0085" }) { totalCount } }');
    expect(badInput(literal).fields).toEqual([
      { path: 'filter.search', message: expect.stringContaining('U+0085 at position 1') },
    ]);

    const id = await server.gql('jordan', 'query($id: ID!) { account(id: $id) { name } }', {
      id: `${accountId}\u0000`,
    });
    expect(badInput(id).fields).toEqual([{ path: 'id', message: expect.stringContaining('U+0000 NUL') }]);

    const nested = await server.gql(
      'jordan',
      `{ account(id: "${accountId}") { name contacts(first: 5, after: "\\u0001") { totalCount } } }`,
    );
    expect(nested.body.data?.account).toBeNull();
    expect(badInput(nested).fields).toEqual([
      { path: 'after', message: expect.stringContaining('U+0001 SOH at position 1') },
    ]);
  });

  it('names every bad field of one request at once', async () => {
    const response = await server.gql('jordan', CREATE_ACCOUNT, {
      input: { name: 'Acme\u0000', kind: 'HEALTH_PLAN', tier: 'GROWTH', region: '\u0008West' },
    });
    expect(badInput(response).fields.map((field) => field.path)).toEqual(['input.name', 'input.region']);
  });
});

describe('accepted text', () => {
  it('stores a decomposed name in NFC and returns it so; a decomposed search finds it', async () => {
    const response = await server.gql('jordan', CREATE_ACCOUNT, {
      input: { name: 'Cafe\u0301 Sante\u0301 Mutuelle', kind: 'HEALTH_PLAN', tier: 'GROWTH', region: 'Que\u0301bec' },
    });
    expect(response.body.errors).toBeUndefined();
    const account = response.body.data!.createAccount.account;
    expect(account).toMatchObject({ name: 'Café Santé Mutuelle', region: 'Québec' });

    const [row] = await sql<{ name: string; region: string }>('SELECT name, region FROM account WHERE id = ?', [
      rowId(account.id),
    ]);
    expect(row).toEqual({ name: 'Café Santé Mutuelle', region: 'Québec' });
    expect(row.name).toHaveLength('Café Santé Mutuelle'.length);

    const { accounts } = await jordan.accounts({ first: 5, filter: { search: 'Cafe\u0301 Sante\u0301' } });
    expect(accounts.edges.map((e) => e.node.id)).toEqual([account.id]);
  });

  it('keeps tabs, line breaks, emoji and CJK in a multi-line description unchanged', async () => {
    const description =
      'Steps to reproduce:\n\t1. Open the member portal\r\n\t2. Search for 東京 👩‍⚕️\n\nExpected: results.';
    const { reportClientIssue } = await jordan.reportClientIssue({
      input: { accountId, title: 'Search fails', description, severity: 'LOW', category: 'DELIVERY' },
    });
    const issue = reportClientIssue.clientIssue;
    const read = await server.gql('jordan', 'query($id: ID!) { clientIssue(id: $id) { description } }', {
      id: issue.id,
    });
    expect(read.body.data!.clientIssue.description).toBe(description);
    const [row] = await sql<{ description: string }>('SELECT description FROM client_issue WHERE id = ?', [
      rowId(issue.id),
    ]);
    expect(row.description).toBe(description);
  });
});

describe('who is asked first', () => {
  it('still answers UNAUTHENTICATED, not a text error, without a token', async () => {
    const response = await server.gql(null, CREATE_ACCOUNT, {
      input: { name: 'Acme\u0000Health', kind: 'HEALTH_PLAN', tier: 'GROWTH' },
    });
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses bad text from any role the same way', async () => {
    const response = await server.gql(
      Role.BI_READER,
      'query($search: String) { accounts(first: 1, filter: { search: $search }) { totalCount } }',
      { search: '\u0000' },
    );
    expect(badInput(response).fields.map((field) => field.path)).toEqual(['filter.search']);
  });
});
