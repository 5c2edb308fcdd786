// Real-browser tests of the demo: Playwright drives Debian's chromium against a running demo app.
// Usage: node browser-test.mjs [base URL]   (or BASE_URL=...; default http://localhost:8000/)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errors } from 'playwright-core';
import { launchChromium } from '../../../../test-support/src/main/js/chromium.mjs';

const baseUrl = new URL(process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:8000/');
const screenshotPath = process.env.SCREENSHOT
    ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'target', 'browser', 'demo.png');
const WAIT = { timeout: 10_000 };
const HEX_ID = /^[0-9a-f]{32}$/;

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

// Every 404 any page of these tests met, the favicon's included: there must be none.
const notFound = [];

function watchForNotFound(page) {
  page.on('response', (response) => {
    if (response.status() === 404) {
      notFound.push(response.url());
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('404')) {
      notFound.push(message.text());
    }
  });
}

async function openViewer(query) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error));
  watchForNotFound(page);
  page.on('popup', watchForNotFound);
  await page.goto(new URL('?' + query, baseUrl).href);
  await page.waitForSelector('[data-testid="curl-command"]:not(:empty)', WAIT);
  return page;
}

/** The problem the server answers for this stream URL, fetched from inside the page. */
function problemOf(page, url) {
  return page.evaluate(async (target) => (await fetch(target)).json(), url);
}

/** The EventSource requests the page makes; fetch() calls are not counted. */
function countEventSourceRequests(page) {
  const requests = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'eventsource') {
      requests.push(request);
    }
  });
  return requests;
}

/** Waits the given time and fails if the page opens another EventSource connection meanwhile. */
async function assertNoEventSourceRequestWithin(page, millis) {
  await assert.rejects(
    page.waitForRequest((request) => request.resourceType() === 'eventsource', { timeout: millis }),
    errors.TimeoutError);
}

function eventRows(page) {
  return page.$$eval('[data-testid="event-row"]', (rows) => rows.reverse().map((row) => ({
    id: row.dataset.id,
    event: row.dataset.event,
    message: row.cells[3].textContent,
    elapsed: row.cells[4].textContent,
    arrived: row.cells[0].textContent,
    delay: row.cells[5].textContent,
  })));
}

async function waitForState(page, state) {
  await page.waitForSelector(`[data-testid="state"][data-state="${state}"]`, WAIT);
}

/** A fresh stream with the same seed, read whole with fetch() from inside the page. */
function freshStream(page, query) {
  return page.evaluate(async (url) => {
    const text = await (await fetch(url)).text();
    return [...text.matchAll(/^id: (\w+)\nevent: (.*)\ndata: (.*)$/gm)]
      .map(([, id, event, data]) => ({ id, event, message: JSON.parse(data).message }));
  }, '/streaming/sse?' + query);
}

test('the demo page starts a stream and renders its events', async () => {
  const page = await openViewer('');
  await page.fill('input[name="interval"]', '100ms');
  await page.fill('input[name="event"]', 'tick');
  await page.fill('input[name="count"]', '3');
  assert.match(await page.textContent('[data-testid="curl-command"]'),
    /^curl -N 'http:\/\/[^']+\/streaming\/sse\?event=tick&interval=100ms&count=3'$/);

  await page.click('[data-testid="start"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="event-row"]').length === 3, null, WAIT);

  const rows = await eventRows(page);
  for (const row of rows) {
    assert.match(row.id, HEX_ID);
    assert.equal(row.event, 'tick');
    assert.match(row.message, /^[0-9A-Za-z]{10,50}$/);
    assert.match(row.elapsed, /^\d+\.\d{6}$/);
    assert.match(row.arrived, /^\d\d:\d\d:\d\d\.\d{3}$/);
  }
  assert.equal(await page.textContent('[data-testid="event-count"]'), '3');
  assert.equal(await page.textContent('[data-testid="last-event-id"]'), rows[2].id);
  await page.close();
});

test('lab parameters: a quirky, split stream with echo shows the request, then exactly the manifest\'s events', async () => {
  const page = await openViewer('seed=7&count=3&interval=50ms&retry=100');
  for (const quirk of ['crlf', 'multiline', 'utf8']) {
    await page.check(`input[name="quirk"][value="${quirk}"]`);
  }
  await page.check('input[name="retry_in"]');
  await page.selectOption('select[name="split"]', 'line');
  await page.check('input[name="echo"]');
  const query = 'interval=50ms&seed=7&count=3&retry=100&retry_in=first&quirk=crlf,multiline,utf8&split=line';
  const streamPath = `/streaming/sse?${query}&echo=request`;
  assert.equal(await page.textContent('[data-testid="curl-command"]'), `curl -N '${baseUrl.origin}${streamPath}'`);

  await page.click('[data-testid="start"]');
  // Three events, the end of the stream, a reconnect answered 204 because count=3 is reached.
  await waitForState(page, 'closed');
  const [request, ...events] = await eventRows(page);

  // The request as the server saw it: the page's EventSource request, with the Accept header EventSource sends.
  assert.equal(request.event, 'request');
  assert.equal(request.id, '');
  assert.ok(request.message.startsWith(`GET ${streamPath} HTTP/1.1 from `), request.message);
  assert.match(request.message, / · Accept: text\/event-stream( · |$)/);

  // /expected refuses echo (it differs per client): no link, the server's reason instead; without echo, the link.
  const refusal = await problemOf(page, `/streaming/sse/expected?${query}&echo=request`);
  await page.waitForSelector('[data-testid="manifest-refusal"]:visible', WAIT);
  assert.equal(await page.textContent('[data-testid="manifest-refusal"]'), `No manifest: ${refusal.detail}`);
  assert.equal(await page.isVisible('[data-testid="manifest-link"]'), false);
  await page.uncheck('input[name="echo"]');
  await page.locator('[data-testid="manifest-refusal"]').waitFor({ state: 'hidden', ...WAIT });
  const [manifestPage] = await Promise.all([page.waitForEvent('popup'), page.click('[data-testid="manifest-link"]')]);
  await manifestPage.waitForLoadState();
  assert.equal(manifestPage.url(), new URL(`/streaming/sse/expected?${query}`, baseUrl).href);
  const manifest = JSON.parse(await manifestPage.locator('pre').first().textContent());
  await manifestPage.close();

  assert.equal(manifest.events.length, 3);
  assert.deepEqual(events.map(({ id, event, message }) => ({ id, event, message })),
    manifest.events.map(({ lastEventId, type, data }) => ({ id: lastEventId, event: type, message: JSON.parse(data).message })));
  events.forEach((event) => assert.ok(event.message.endsWith(' é€😀'), event.message));
  assert.equal(await page.textContent('[data-testid="last-event-id"]'), manifest.lastEventId);
  await page.close();
});

test('gzip=1 and stamp=1 from a shared link: the browser inflates the stream, the page shows each delay', async () => {
  const page = await openViewer('count=2&interval=100ms&retry=100&stamp=1&gzip=1');
  assert.equal(await page.inputValue('select[name="gzip"]'), '1');
  assert.ok(await page.isChecked('input[name="stamp"]'));
  assert.equal(await page.textContent('[data-testid="curl-command"]'),
    `curl -N --compressed '${baseUrl.origin}/streaming/sse?interval=100ms&count=2&retry=100&stamp=1&gzip=1'`);
  await page.click('[data-testid="start"]');
  await waitForState(page, 'closed');
  const rows = await eventRows(page);
  assert.equal(rows.length, 2);
  for (const row of rows) {
    assert.match(row.message, /^[0-9A-Za-z]{10,50}$/);
    // arrival minus the server's send time; browser and server share this machine's clock
    assert.match(row.delay, /^-?\d+\.\d$/);
    assert.ok(Number(row.delay) > -5 && Number(row.delay) < 1000, `delay ${row.delay} ms`);
  }
  await page.close();
});

test('the raw endpoint opened in the browser shows the event text', async () => {
  const page = await browser.newPage();
  watchForNotFound(page);
  const response = await page.goto(new URL('streaming/sse?count=3&interval=100ms', baseUrl).href);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'text/event-stream');
  const text = await page.textContent('body');
  assert.match(text, /^(id: [0-9a-f]{32}\nevent: random\ndata: \{"message": "\w+", "elapsed": \d+\.\d{6}\}\n\n){3}$/);
  await page.close();
});

test('EventSource reconnects after drop_after and the stream resumes from its Last-Event-ID', async () => {
  const page = await openViewer('seed=42&count=6&interval=100ms&drop_after=2&retry=200');
  const requests = countEventSourceRequests(page);
  await page.click('[data-testid="start"]');
  // Three connections of two events each, then a fourth request answered 204 because count=6 is reached.
  await waitForState(page, 'closed');

  const expected = await freshStream(page, 'seed=42&count=6&interval=0');
  assert.equal(expected.length, 6);
  const received = await eventRows(page);
  assert.deepEqual(received.map(({ id, event, message }) => ({ id, event, message })), expected);

  const sentLastEventIds = await page.$$eval('[data-testid="reconnect-row"]',
    (rows) => rows.reverse().map((row) => row.dataset.lastEventId));
  assert.deepEqual(sentLastEventIds, [expected[1].id, expected[3].id]);
  assert.equal(await page.textContent('[data-testid="reconnect-count"]'), '2');

  // What the browser really sent, on the wire: no id first, then the last id of each dropped connection.
  const headers = await Promise.all(requests.map((request) => request.allHeaders()));
  assert.deepEqual(headers.map((header) => header['last-event-id']),
    [undefined, expected[1].id, expected[3].id, expected[5].id]);

  // The 204 after the last event stops EventSource although retry=200 asked for quick reconnects.
  const end = await page.waitForSelector('[data-testid="end-row"][data-status="204"]', WAIT);
  assert.match(await end.textContent(), /finished: the stream ended and its reconnect was answered 204 No Content/);
  assert.equal(await page.locator('[data-testid="error-row"]').count(), 0);
  await assertNoEventSourceRequestWithin(page, 1_000);
  assert.equal(requests.length, 4);

  await mkdir(dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath, fullPage: true });
  await page.close();
});

test('status=204 stops EventSource for good', async () => {
  const page = await openViewer('');
  const closed = await page.evaluate(() => new Promise((resolve) => {
    const source = new EventSource('/streaming/sse?status=204');
    let opens = 0;
    source.onopen = () => opens++;
    source.onerror = () => resolve({ readyState: source.readyState, opens });
  }));
  assert.deepEqual(closed, { readyState: 2, opens: 0 });

  const requests = countEventSourceRequests(page);
  await page.fill('input[name="status"]', '204');
  await page.click('[data-testid="start"]');
  await waitForState(page, 'closed');
  const end = await page.waitForSelector('[data-testid="end-row"][data-status="204"]', WAIT);
  assert.match(await end.textContent(), /finished: the server answered 204 No Content/);
  await assertNoEventSourceRequestWithin(page, 1_000);
  assert.equal(requests.length, 1);
  assert.equal(await page.textContent('[data-testid="reconnect-count"]'), '0');
  await page.close();
});

test('a refused parameter shows the problem detail', async () => {
  const page = await openViewer('interval=soon');
  const problem = await problemOf(page, '/streaming/sse?interval=soon');
  assert.equal(problem.parameter, 'interval');
  await page.click('[data-testid="start"]');
  await waitForState(page, 'closed');
  const error = await page.waitForSelector('[data-testid="error-row"][data-status="400"]', WAIT);
  assert.ok((await error.textContent()).endsWith(`HTTP 400 Bad Request: ${problem.detail}`), await error.textContent());
  assert.doesNotMatch(await page.textContent('[data-testid="log"]'), /204|finished/);
  // and no manifest for it, for the same reason
  await page.waitForSelector('[data-testid="manifest-refusal"]:visible', WAIT);
  assert.equal(await page.textContent('[data-testid="manifest-refusal"]'), `No manifest: ${problem.detail}`);
  await page.close();
});

test('the form is the server\'s parameter catalog; without a seed and a count, a note instead of a manifest', async () => {
  const page = await openViewer('');
  const parameters = await page.evaluate(async () => (await fetch('demo/parameters')).json());
  const controls = await page.$$eval('[data-testid="fields"] [name]', (elements) => elements.map((control) => control.name));
  assert.deepEqual([...new Set(controls)].sort(), parameters.map(({ name }) => name).sort());
  const quirk = parameters.find(({ name }) => name === 'quirk');
  assert.deepEqual(await page.$$eval('input[name="quirk"]', (boxes) => boxes.map((box) => box.value)), quirk.choices);
  for (const { name, help } of parameters) {
    assert.equal(await page.locator(`[title="${help.replaceAll('"', '\\"')}"]`).count(), 1, `the help of ${name}`);
  }

  await page.waitForSelector('[data-testid="manifest-hint"]:visible', WAIT);
  assert.match(await page.textContent('[data-testid="manifest-hint"]'), /^Add a seed and a count for a manifest/);
  assert.equal(await page.isVisible('[data-testid="manifest-refusal"]'), false);
  await page.fill('input[name="seed"]', '1');
  await page.fill('input[name="count"]', '2');
  await page.waitForSelector('[data-testid="manifest-link"]:visible', WAIT);
  assert.equal(await page.isVisible('[data-testid="manifest-hint"]'), false);
  await page.close();
});

test('the form: defaults are not dressed as values, long curl lines wrap', async () => {
  const page = await openViewer('');
  const placeholders = await page.$$eval('input[placeholder]', (inputs) => inputs.map((input) => input.placeholder));
  assert.equal(placeholders.length, await page.locator('input:not([type="checkbox"])').count());
  placeholders.forEach((placeholder) => assert.match(placeholder, /^(e\.g\. |default: )/));
  // the configured event name, as the server states it
  assert.equal(await page.getAttribute('input[name="event"]', 'placeholder'), 'default: random');

  await page.fill('input[name="data"]', 'x'.repeat(400));
  const curl = page.locator('[data-testid="curl-command"]');
  assert.ok((await curl.textContent()).endsWith(`data=${'x'.repeat(400)}'`));
  const { scrollWidth, clientWidth, clientHeight } = await curl.evaluate(
    (pre) => ({ scrollWidth: pre.scrollWidth, clientWidth: pre.clientWidth, clientHeight: pre.clientHeight }));
  assert.ok(scrollWidth <= clientWidth, `the curl line is cut: ${scrollWidth} px wide in ${clientWidth} px`);
  assert.ok(clientHeight > 60, `the curl line wraps onto several lines: ${clientHeight} px high`);
  await page.close();
});

test('no page of these tests met a 404, the favicon included', async () => {
  const page = await openViewer('');
  const favicon = await page.evaluate(async () => (await fetch('/favicon.ico')).status);
  assert.equal(favicon, 200);
  await page.close();
  assert.deepEqual(notFound, []);
});
