// The six-connection limit, shown by the demo's many.html in Chromium: 20 EventSources on one origin all receive
// events over HTTP/2 (HTTPS), and at most six of them over HTTP/1.1, so the test can tell the two apart.
// Usage: node many-streams-test.mjs <http base URL> <https base URL>
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChromium } from '../../../../test-support/src/main/js/chromium.mjs';

const [httpUrl, httpsUrl] = process.argv.slice(2).map((url) => new URL(url));
const STREAMS = 20;
const HTTP11_CONNECTIONS_PER_ORIGIN = 6;
const WAIT_MS = 15_000;
// long enough for a stalled stream to have received several events at 250 ms if it were served
const OBSERVE_MS = 3_000;

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** many.html with STREAMS streams, once at least `atLeast` of them received events; and the page's protocol. */
async function openMany(baseUrl, atLeast) {
  // the demo's certificate is self-signed; which one it is is HttpsIT's business, not this test's
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(new URL(`many.html?n=${STREAMS}`, baseUrl).href);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="stream"]:not([data-events="0"])').length >= n,
    atLeast, { timeout: WAIT_MS });
  return { context, page, protocol: await page.textContent('[data-testid="protocol"]') };
}

async function receiving(page) {
  return page.$$eval('[data-testid="stream"]', (items) => items.filter((item) => item.dataset.events !== '0').length);
}

test(`over HTTP/2 every one of ${STREAMS} EventSources on one origin receives events`, async () => {
  const { context, page, protocol } = await openMany(httpsUrl, STREAMS);
  try {
    assert.equal(protocol, 'h2');
    const count = await receiving(page);
    console.log(`[many streams] ${protocol}: ${count} of ${STREAMS} streams received events`);
    assert.equal(count, STREAMS);
  } finally {
    await context.close();
  }
});

test(`over HTTP/1.1 at most ${HTTP11_CONNECTIONS_PER_ORIGIN} of ${STREAMS} EventSources on one origin receive events`,
  async () => {
    const { context, page, protocol } = await openMany(httpUrl, 1);
    try {
      assert.equal(protocol, 'http/1.1');
      // the streams that got a connection receive at 250 ms; the others would too within this window if they could
      await page.waitForTimeout(OBSERVE_MS);
      const count = await receiving(page);
      console.log(`[many streams] ${protocol}: ${count} of ${STREAMS} streams received events`);
      assert.ok(count >= 1 && count <= HTTP11_CONNECTIONS_PER_ORIGIN, `${count} streams received events`);
      assert.equal(await page.getAttribute('[data-testid="summary"]', 'data-receiving'), String(count));
    } finally {
      await context.close();
    }
  });
