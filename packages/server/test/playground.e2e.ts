import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { TestServer } from './support/harness';

it('explore', async () => {
  const server = await TestServer.start();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
  console.log(browser.version());
  const page = await browser.newPage();
  const reqs: string[] = [];
  page.on('request', (r) => reqs.push(r.method() + ' ' + r.url().slice(0, 100)));
  page.on('console', (m) => reqs.push('console ' + m.type() + ' ' + m.text().slice(0, 200)));
  const t = Date.now();
  await page.goto(server.url);
  await page.waitForTimeout(8000);
  console.log(Date.now() - t, reqs.join('\n'));
  writeFileSync('/tmp/explore/dom.html', await page.evaluate(() => document.body.outerHTML));
  await page.screenshot({ path: '/tmp/explore/1.png' });
  await browser.close();
  await server.close();
});
