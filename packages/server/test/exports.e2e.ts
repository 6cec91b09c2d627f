import { seedLargeIfEmpty } from '../src/db/seed/large-seed';
import { TestServer, type StaffKey } from './support/harness';

/**
 * Downloads for BI tools: `GET /export/<dataset>.csv|.ndjson`, signed in, scoped and filtered as
 * the GraphQL lists are, read in batches. Checked by parsing the files back and comparing them with
 * the rows in the database, on a portfolio large enough to take several batches.
 */
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start({ seed: false });
  await seedLargeIfEmpty(server.db, { scale: 0.06 }); // 6,000 invoices: more than one batch of 5,000
}, 120_000);

afterAll(async () => {
  await server.close();
});

async function download(path: string, who: StaffKey | null = 'admin'): Promise<Response> {
  const headers: Record<string, string> = who ? { authorization: `Bearer ${await server.token(who)}` } : {};
  return fetch(`${server.origin}${path}`, { headers });
}

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

it('streams every invoice as CSV, each row as the database holds it', async () => {
  const response = await download('/export/invoices.csv');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(response.headers.get('content-disposition')).toBe('attachment; filename="invoices.csv"');
  const [header, ...rows] = parseCsv(await response.text());
  expect(header).toEqual([
    'id',
    'number',
    'status',
    'accountId',
    'contractId',
    'issueDate',
    'dueDate',
    'currency',
    'totalCents',
    'paidCents',
    'balanceDueCents',
    'sentAt',
    'createdAt',
    'updatedAt',
  ]);
  const db = await server.sql<{
    number: string;
    status: string;
    totalCents: unknown;
    paidCents: unknown;
    currency: string;
  }>('SELECT number, status, totalCents, paidCents, currency FROM invoice ORDER BY id');
  expect(db.length).toBeGreaterThan(5_000);
  expect(rows.map((r) => [r[1], r[2], Number(r[8]), Number(r[9]), r[7]])).toEqual(
    db.map((r) => [r.number, r.status, Number(r.totalCents), Number(r.paidCents), r.currency]),
  );
  const owed = rows.filter((r) => !['SENT', 'PARTIALLY_PAID'].includes(r[2]));
  expect(new Set(owed.map((r) => r[11 - 1]))).toEqual(new Set(['0']));
  expect(rows[0][0]).toMatch(/^[A-Za-z0-9+/=]+$/); // a global id, the same as the API's
  const node = await server.gql(
    'admin',
    'query ($id: ID!) { node(id: $id) { ... on Invoice { number createdAt updatedAt } } }',
    { id: rows[0][0] },
  );
  expect(node.body.data!.node.number).toBe(rows[0][1]);
  // Datetimes as the API writes them (on MariaDB the database prints them for the export).
  expect([rows[0][12], rows[0][13]]).toEqual([node.body.data!.node.createdAt, node.body.data!.node.updatedAt]);
});

it("gives an account manager only their portfolio's invoices, as NDJSON, filtered like the list", async () => {
  const filter = encodeURIComponent(JSON.stringify({ status: ['PAID', 'SENT'] }));
  const response = await download(`/export/invoices.ndjson?filter=${filter}`, 'jordan');
  expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
  const lines = (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const listed = await server.gql('jordan', '{ invoices(first: 1, filter: { status: [PAID, SENT] }) { totalCount } }');
  expect(lines.length).toBe(listed.body.data!.invoices.totalCount);
  expect(lines.length).toBeGreaterThan(0);
  expect(new Set(lines.map((line) => line.status))).toEqual(new Set(['PAID', 'SENT']));
  expect(typeof lines[0].totalCents).toBe('number');
});

it('refuses a bad filter, an unknown dataset and a caller without a token, before any row', async () => {
  const badEnum = await download(`/export/invoices.csv?filter=${encodeURIComponent('{"status":["LOST"]}')}`);
  expect(badEnum.status).toBe(400);
  const body = await badEnum.json();
  expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
  expect(body.errors[0].extensions.fields[0].path).toBe('filter.status.0');
  expect((await download('/export/invoices.csv?filter=%7Bnot-json')).status).toBe(400);
  expect((await download('/export/everything.csv')).status).toBe(404);
  const anonymous = await download('/export/invoices.csv', null);
  expect(anonymous.status).toBe(401);
  expect((await anonymous.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
});

it('keeps a text cell that a spreadsheet would run as a formula inert', async () => {
  const [account] = await server.sql<{ id: number }>('SELECT id FROM account ORDER BY id LIMIT 1');
  await server.sql('UPDATE account SET name = ? WHERE id = ?', [
    '=HYPERLINK("http://evil.example","Click, now")',
    account.id,
  ]);
  const [, ...rows] = parseCsv(await (await download('/export/accounts.csv')).text());
  expect(rows.map((r) => r[1])).toContain('\'=HYPERLINK("http://evil.example","Click, now")');
});

it('exports the analytics tables with the same figures as the API', async () => {
  const csv = parseCsv(await (await download('/export/receivables-aging.csv?groupBy=NONE')).text());
  const api = await server.gql(
    'admin',
    '{ analytics { receivablesAging(groupBy: NONE) { currency total { amountCents } } } }',
  );
  const totals = api.body.data!.analytics.receivablesAging.map((row: any) => [
    row.currency,
    String(row.total.amountCents),
  ]);
  const [header, ...rows] = csv;
  const total = header.indexOf('totalCents');
  expect(rows.map((r) => [r[header.indexOf('currency')], r[total]])).toEqual(totals);

  const series = await download('/export/revenue-series.ndjson?granularity=YEAR&from=2024-01-01&to=2026-12-31');
  const years = (await series.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(years.map((y) => y.periodStart)).toEqual(expect.arrayContaining(['2024-01-01', '2025-01-01', '2026-01-01']));
  const missing = await download('/export/revenue-series.csv?from=2024-01-01&to=2026-12-31');
  expect(missing.status).toBe(400);

  // Every other analytics table downloads with the same rows as its GraphQL field.
  const margins = parseCsv(await (await download('/export/project-margins.csv')).text());
  const apiMargins = await server.gql(
    'admin',
    '{ analytics { projectMargins { projectId revenue { amountCents } } } }',
  );
  expect(margins.slice(1).map((r) => [r[0], Number(r[margins[0].indexOf('revenueCents')])])).toEqual(
    apiMargins.body.data!.analytics.projectMargins.map((row: any) => [row.projectId, row.revenue.amountCents]),
  );
  for (const path of [
    '/export/sla-performance.ndjson?granularity=QUARTER&from=2025-01-01&to=2026-12-31',
    '/export/renewal-forecast.ndjson?from=2026-01-01&to=2027-12-31',
    '/export/portfolio-health.ndjson?from=2026-09-01&to=2026-11-30',
  ]) {
    const response = await download(path);
    expect([path, response.status]).toEqual([path, 200]);
    expect((await response.text()).trim().split('\n').length).toBeGreaterThan(1);
  }
});

it('exports each root list with the rows its GraphQL list answers, for the same viewer and filter', async () => {
  const lists = [
    { dataset: 'projects', field: 'projects' },
    { dataset: 'client-issues', field: 'clientIssues' },
    { dataset: 'change-orders', field: 'changeOrders' },
    { dataset: 'payments', field: 'payments' },
    { dataset: 'contracts', field: 'contracts' },
    { dataset: 'accounts', field: 'accounts' },
    { dataset: 'users', field: 'users' },
    { dataset: 'cost-entries', field: 'costEntries' },
    { dataset: 'status-updates', field: 'statusUpdates' },
  ];
  for (const { dataset, field } of lists) {
    const [header, ...rows] = parseCsv(await (await download(`/export/${dataset}.csv`, 'jordan')).text());
    expect([dataset, header[0]]).toEqual([dataset, 'id']);
    const ids = new Set<string>();
    let after: string | null = null;
    do {
      const page: any = await server.gql(
        'jordan',
        `query ($after: String) { ${field}(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { after },
      );
      expect(page.body.errors).toBeUndefined();
      for (const edge of page.body.data[field].edges) ids.add(edge.node.id);
      after = page.body.data[field].pageInfo.hasNextPage ? page.body.data[field].pageInfo.endCursor : null;
    } while (after);
    expect([dataset, new Set(rows.map((row) => row[0]))]).toEqual([dataset, ids]);
  }
});
