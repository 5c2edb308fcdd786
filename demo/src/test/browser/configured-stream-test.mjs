// The demo page follows the app's configuration: another endpoint path and event name than the defaults.
// Usage: node configured-stream-test.mjs <base URL> <quarkus.chamber.sse.path> <quarkus.chamber.sse.event-name>
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from '../../../../test-support/src/main/js/chromium.mjs';

const [baseUrl, path, eventName] = [new URL(process.argv[2]), process.argv[3], process.argv[4]];
const WAIT = { timeout: 10_000 };

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

function eventTypes(page) {
  return page.$$eval('[data-testid="event-row"]', (rows) => rows.reverse().map((row) => row.dataset.event));
}

test('the page plays the stream at the configured path and shows the events of every type', async () => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(baseUrl.href);
  await page.waitForSelector('[data-testid="curl-command"]:not(:empty)', WAIT);
  assert.equal(await page.textContent('[data-testid="endpoint"]'), path);
  assert.equal(await page.getAttribute('input[name="event"]', 'placeholder'), `default: ${eventName}`);

  await page.fill('input[name="count"]', '3');
  await page.fill('input[name="interval"]', '50ms');
  assert.equal(await page.textContent('[data-testid="curl-command"]'),
    `curl -N '${new URL(path.slice(1) + '?interval=50ms&count=3', baseUrl).href}'`);
  await page.click('[data-testid="start"]');
  await page.waitForSelector('[data-testid="end-row"][data-status="204"]', WAIT);
  assert.deepEqual(await eventTypes(page), [eventName, eventName, eventName]);

  // a name of the request's own, and the echoed request before it
  await page.click('[data-testid="clear"]');
  await page.fill('input[name="event"]', 'chosen');
  await page.check('input[name="echo"]');
  await page.click('[data-testid="start"]');
  await page.waitForSelector('[data-testid="end-row"][data-status="204"]', WAIT);
  assert.deepEqual(await eventTypes(page), ['request', 'chosen', 'chosen', 'chosen']);

  const manifest = page.locator('[data-testid="manifest-link"]');
  await page.uncheck('input[name="echo"]');
  await page.fill('input[name="seed"]', '7');
  await manifest.waitFor({ state: 'visible', ...WAIT });
  assert.equal(await manifest.getAttribute('href'), `${path}/expected?event=chosen&interval=50ms&seed=7&count=3`);
  assert.deepEqual(pageErrors, []);
  await page.close();
});
