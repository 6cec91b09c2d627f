/**
 * CORS as a browser applies it: a dashboard page served from another origin calls the API with a
 * bearer token from headless Chromium. Its own origin is on CORS_ORIGINS and gets the data; the
 * same page under another origin (localhost instead of 127.0.0.1) is stopped by the browser.
 *
 * Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium), as the playground test does.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { TestServer } from './support/harness';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let api: TestServer;
let pages: http.Server;
let pagePort: number;
let browser: Browser;

/** The dashboard: one page that asks the API for the viewer's role and prints what happened. */
function dashboardHtml(apiUrl: string, token: string): string {
  return `<!doctype html><title>dashboard</title><pre id="out">pending</pre><script>
fetch(${JSON.stringify(apiUrl)}, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: ${JSON.stringify(`Bearer ${token}`)} },
  body: JSON.stringify({ query: '{ viewer { role } }' }),
})
  .then((r) => r.json().then((body) => ({ id: r.headers.get('x-request-id'), body })))
  .then((r) => { document.getElementById('out').textContent = JSON.stringify(r); })
  .catch((e) => { document.getElementById('out').textContent = 'blocked: ' + e.name; });
</script>`;
}

beforeAll(async () => {
  let html = '';
  pages = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagePort = (pages.address() as AddressInfo).port;
  api = await TestServer.start({ env: { CORS_ORIGINS: `http://127.0.0.1:${pagePort}` } });
  html = dashboardHtml(api.url, await api.token('bi'));
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await new Promise((resolve) => pages?.close(resolve));
});

async function dashboardSays(host: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.goto(`http://${host}:${pagePort}/`);
    await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'pending');
    return (await page.textContent('#out')) ?? '';
  } finally {
    await page.close();
  }
}

it('lets the dashboard on an allowed origin read the data and the request id', async () => {
  const answer = JSON.parse(await dashboardSays('127.0.0.1'));
  expect(answer.body).toEqual({ data: { viewer: { role: 'BI_READER' } } });
  expect(answer.id).toMatch(/\S+/);
});

it('lets the browser stop the same page on an origin not on the list', async () => {
  expect(await dashboardSays('localhost')).toBe('blocked: TypeError');
});
