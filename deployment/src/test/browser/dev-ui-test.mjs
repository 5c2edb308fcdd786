// The Chamber SSE card inside the real Dev UI of an app in dev mode: Playwright drives Debian's chromium.
// Usage: node dev-ui-test.mjs <base URL of the dev-mode app>   (screenshots go to $SCREENSHOTS, default target/browser)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../../../test-support/src/main/js/chromium.mjs';

const baseUrl = new URL(process.argv[2]);
const screenshots = process.env.SCREENSHOTS
    ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'target', 'browser');
const WAIT = { timeout: 15_000 };
const HEX_ID = /^[0-9a-f]{32}$/;

let browser;

before(async () => {
  browser = await launchChromium();
  await mkdir(screenshots, { recursive: true });
});

after(async () => {
  await browser?.close();
});

test('the Chamber SSE card opens its Live stream page in the Dev UI, which plays the stream', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl.origin });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));

  await page.goto(new URL('q/dev-ui/', baseUrl).href);
  const card = page.locator('qwc-extension', { hasText: 'Chamber SSE' });
  const link = card.getByRole('link', { name: 'Live stream' });
  await link.waitFor(WAIT);
  await card.locator('qwc-extension-link', { hasText: 'Live stream' }).getByText('/streaming/sse').waitFor(WAIT);
  await page.screenshot({ path: join(screenshots, 'dev-ui-card.png') });

  await link.click();
  await page.waitForURL(/\/q\/dev-ui\/quarkus-chamber-sse\/live-stream$/, WAIT);
  const stream = page.locator('#page qwc-chamber-sse-stream');
  await stream.waitFor(WAIT);
  assert.equal(await page.locator('qwc-menu').count(), 1, 'the page is shown inside the Dev UI shell');

  const parameters = { interval: '200ms', count: '5', event: 'tick', seed: '7', retry: '500' };
  for (const [name, value] of Object.entries(parameters)) {
    await stream.locator(`input[name="${name}"]`).fill(value);
  }
  const curl = `curl -N '${new URL('streaming/sse?interval=200ms&count=5&event=tick&seed=7&retry=500', baseUrl).href}'`;
  assert.equal(await stream.locator('code.curl').textContent(), curl);
  await stream.getByRole('button', { name: 'Copy curl' }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), curl);

  await stream.getByRole('button', { name: 'Start' }).click();
  // Five events, then the stream ends; EventSource reconnects with the last id and the answer 204 closes it.
  await stream.getByText('closed · 5 events').waitFor(WAIT);
  const rows = await stream.locator('tbody tr:not(.info):not(.note):not(.error)').evaluateAll((trs) => trs.reverse()
    .map((tr) => ({ delta: tr.cells[1].textContent, id: tr.cells[2].textContent, event: tr.cells[3].textContent,
      elapsed: Number(tr.cells[5].textContent) })));

  const expectedIds = await page.evaluate(async (url) => (await (await fetch(url)).text())
    .split('\n').filter((line) => line.startsWith('id: ')).map((line) => line.slice(4)),
  new URL('streaming/sse?interval=0&count=5&event=tick&seed=7', baseUrl).href);
  assert.equal(expectedIds.length, 5);
  expectedIds.forEach((id) => assert.match(id, HEX_ID));
  assert.deepEqual(rows.map((row) => row.id), expectedIds, 'the seeded stream, in order');
  rows.forEach((row) => assert.equal(row.event, 'tick'));

  // Paced and not buffered: sent 200 ms apart (elapsed, seconds since the request began) and arriving spread out.
  rows.forEach((row, i) => assert.ok(row.elapsed >= 0.2 * i - 0.02, `event ${i} sent at ${row.elapsed} s`));
  assert.equal(rows[0].delta, '');
  const spread = rows.slice(1).reduce((sum, row) => sum + Number(row.delta), 0);
  assert.ok(spread >= 500, `the events arrived within ${spread} ms, not about 800 ms`);
  const reconnect = await stream.locator('tbody tr.note').textContent();
  assert.match(reconnect, new RegExp(`reconnecting with Last-Event-ID ${expectedIds[4]}`));

  await page.screenshot({ path: join(screenshots, 'dev-ui-live-stream.png') });

  // Conformance lab parameters reach the curl line and the stream: quirks do not change what EventSource
  // dispatches, and echo=request comes first with the request as the server saw it.
  await stream.locator('input[name="quirk"]').fill('crlf,multiline');
  await stream.locator('select[name="echo"]').selectOption('request');
  const labQuery = 'interval=200ms&count=5&event=tick&seed=7&retry=500&quirk=crlf,multiline&echo=request';
  assert.equal(await stream.locator('code.curl').textContent(),
    `curl -N '${new URL(`streaming/sse?${labQuery}`, baseUrl).href}'`);
  await stream.getByRole('button', { name: 'Clear' }).click();
  await stream.getByRole('button', { name: 'Start' }).click();
  await stream.getByText('closed · 6 events').waitFor(WAIT);
  const labRows = await stream.locator('tbody tr:not(.info):not(.note):not(.error)').evaluateAll((trs) => trs.reverse()
    .map((tr) => ({ id: tr.cells[2].textContent, event: tr.cells[3].textContent, message: tr.cells[4].textContent })));
  assert.equal(labRows[0].event, 'request');
  assert.equal(labRows[0].id, '');
  assert.ok(labRows[0].message.startsWith(`GET /streaming/sse?${labQuery} HTTP/1.1 from `), labRows[0].message);
  assert.deepEqual(labRows.slice(1).map((row) => row.id), expectedIds);

  assert.deepEqual(pageErrors, []);
  await context.close();
});
