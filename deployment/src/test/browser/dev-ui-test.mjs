// The Chamber SSE card inside the real Dev UI of an app in dev mode: Playwright drives Debian's chromium.
// Usage: node dev-ui-test.mjs <base URL of the dev-mode app>   (screenshots go to $SCREENSHOTS, default target/browser)
// With $HANDSHAKE (DevUiBrowserTest) the script asks for the app's configuration to change: it writes change-N there
// and waits for changed-N; first quarkus.chamber.sse.event-name=tick, then quarkus.chamber.sse.path=/moved/sse.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../../../test-support/src/main/js/chromium.mjs';

const baseUrl = new URL(process.argv[2]);
const screenshots = process.env.SCREENSHOTS
    ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'target', 'browser');
const handshake = process.env.HANDSHAKE;
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

/** Asks DevUiBrowserTest for the next change of the app's configuration and waits until it is written. */
async function askForChange(step) {
  await writeFile(join(handshake, `change-${step}`), '');
  const changed = join(handshake, `changed-${step}`);
  const deadline = Date.now() + 60_000;
  while (!existsSync(changed)) {
    assert.ok(Date.now() < deadline, `configuration change ${step} not made within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openCard(page) {
  // the first load of the Dev UI serves many modules: slow on a busy machine
  await page.goto(new URL('q/dev-ui/', baseUrl).href, { timeout: 120_000 });
  const card = page.locator('qwc-chamber-sse-card');
  await card.getByRole('link', { name: 'Live stream' }).waitFor(WAIT);
  return card;
}

async function openStreamPage(page, card) {
  await card.getByRole('link', { name: 'Live stream' }).click();
  await page.waitForURL(/\/q\/dev-ui\/quarkus-chamber-sse\/live-stream$/, WAIT);
  const stream = page.locator('#page qwc-chamber-sse-stream');
  await stream.waitFor(WAIT);
  return stream;
}

function field(stream, name) {
  return stream.locator(`vaadin-text-field[name="${name}"] input`);
}

async function fill(stream, values) {
  for (const [name, value] of Object.entries(values)) {
    await field(stream, name).fill(value);
  }
}

async function choose(page, stream, name, choice) {
  await stream.locator(`vaadin-select[name="${name}"]`).click();
  await page.getByRole('option', { name: choice, exact: true }).click();
}

async function start(stream) {
  await stream.getByRole('button', { name: 'Clear' }).click();
  await stream.getByRole('button', { name: 'Start' }).click();
}

function eventRows(stream) {
  return stream.locator('tbody tr.event').evaluateAll((trs) => trs.reverse()
    .map((tr) => ({ delta: tr.cells[1].textContent, id: tr.cells[2].textContent, event: tr.cells[3].textContent,
      message: tr.cells[4].textContent, elapsed: Number(tr.cells[5].textContent) })));
}

/** The problem the server answers for this URL, fetched from inside the page. */
function problemOf(page, path) {
  return page.evaluate(async (url) => (await fetch(url)).json(), new URL(path, baseUrl).href);
}

test('the Chamber SSE card opens its Live stream page in the Dev UI, which plays the stream', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl.origin });
  const page = await context.newPage();
  try {
    await playStreams(page);
  } catch (error) {
    await page.screenshot({ path: join(screenshots, 'dev-ui-failure.png') });
    console.log('the page when the test failed:', await page.locator('qwc-chamber-sse-stream').evaluateAll(
      (pages) => pages.map((element) => element.shadowRoot.textContent.replace(/\s+/g, ' '))));
    throw error;
  } finally {
    await context.close();
  }
});

async function playStreams(page) {
  const pageErrors = [];
  // The Dev UI shell reloads its build-time data when the app restarts; a restart this test asks for can answer that
  // import with an empty response. That error is the shell's, during the restart, not the card's or the page's.
  page.on('pageerror', (error) => {
    if (!/Failed to fetch dynamically imported module: .*\/q\/dev-ui\/devui-data\.js/.test(error.message)) {
      pageErrors.push(error);
    }
  });
  page.on('console', (message) => console.log(`browser console ${message.type()}: ${message.text()}`));

  let card = await openCard(page);
  assert.equal(await card.locator('code.path').textContent(), '/streaming/sse');
  await card.locator('qwc-extension-link', { hasText: 'Live stream' }).getByText('/streaming/sse').waitFor(WAIT);
  await page.screenshot({ path: join(screenshots, 'dev-ui-card.png') });

  let stream = await openStreamPage(page, card);
  assert.equal(await page.locator('qwc-menu').count(), 1, 'the page is shown inside the Dev UI shell');
  assert.equal(await stream.locator('select').count(), 0, 'the Dev UI\'s own components, no plain <select>');
  assert.equal(await stream.locator('vaadin-select').count(), 7);

  // Empty fields use the server's defaults: a placeholder is an example or the default, never a value-like text.
  await field(stream, 'event').and(stream.locator('[placeholder="default: random"]')).waitFor(WAIT);
  const placeholders = await stream.locator('vaadin-text-field input').evaluateAll(
    (inputs) => inputs.map((input) => input.placeholder));
  assert.equal(placeholders.length, 15);
  placeholders.forEach((placeholder) => assert.match(placeholder, /^(e\.g\. |default: )/));

  // Without a seed and a count there is no manifest: a note says what they give, no error.
  await stream.locator('.hint', { hasText: 'Add a seed and a count for a manifest' }).waitFor(WAIT);
  assert.equal(await stream.locator('.refusal').count(), 0);

  await fill(stream, { interval: '200ms', count: '5', event: 'custom', seed: '7', retry: '500' });
  const query = 'interval=200ms&count=5&event=custom&seed=7&retry=500';
  const curl = `curl -N '${new URL(`streaming/sse?${query}`, baseUrl).href}'`;
  assert.equal(await stream.locator('code.curl').textContent(), curl);
  await stream.getByRole('button', { name: 'Copy curl' }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), curl);
  const manifest = stream.locator('a.manifest');
  await manifest.waitFor(WAIT);
  assert.equal(await manifest.getAttribute('href'), `/streaming/sse/expected?${query}`);

  await start(stream);
  // Five events, then the stream ends; EventSource reconnects with the last id and the answer 204 closes it.
  await stream.getByText('finished · 5 events').waitFor(WAIT);
  const rows = await eventRows(stream);

  const expectedIds = await page.evaluate(async (url) => (await (await fetch(url)).text())
    .split('\n').filter((line) => line.startsWith('id: ')).map((line) => line.slice(4)),
  new URL('streaming/sse?interval=0&count=5&event=custom&seed=7', baseUrl).href);
  assert.equal(expectedIds.length, 5);
  expectedIds.forEach((id) => assert.match(id, HEX_ID));
  assert.deepEqual(rows.map((row) => row.id), expectedIds, 'the seeded stream, in order');
  rows.forEach((row) => assert.equal(row.event, 'custom'));

  // Paced and not buffered: sent 200 ms apart (elapsed, seconds since the request began) and arriving spread out.
  rows.forEach((row, i) => assert.ok(row.elapsed >= 0.2 * i - 0.02, `event ${i} sent at ${row.elapsed} s`));
  assert.equal(rows[0].delta, '');
  const spread = rows.slice(1).reduce((sum, row) => sum + Number(row.delta), 0);
  assert.ok(spread >= 500, `the events arrived within ${spread} ms, not about 800 ms`);
  const reconnect = await stream.locator('tbody tr.note').textContent();
  assert.match(reconnect, new RegExp(`reconnecting with Last-Event-ID ${expectedIds[4]}`));
  assert.match(await stream.locator('tbody tr.end[data-status="204"]').textContent(),
    /finished: the stream ended and its reconnect was answered 204 No Content/);
  assert.equal(await stream.locator('tbody tr.error').count(), 0);

  await page.screenshot({ path: join(screenshots, 'dev-ui-live-stream.png') });

  // Conformance lab parameters reach the curl line and the stream: quirks and the retry field's place do not change
  // what EventSource dispatches, and echo=request comes first with the request as the server saw it. No manifest for
  // it: why not.
  await choose(page, stream, 'retry_in', 'first');
  await field(stream, 'quirk').fill('crlf,multiline');
  await choose(page, stream, 'echo', 'request');
  const labQuery = `${query}&retry_in=first&quirk=crlf,multiline&echo=request`;
  assert.equal(await stream.locator('code.curl').textContent(),
    `curl -N '${new URL(`streaming/sse?${labQuery}`, baseUrl).href}'`);
  const echoRefused = await problemOf(page, `streaming/sse/expected?${labQuery}`);
  await stream.locator('.refusal', { hasText: `No manifest: ${echoRefused.detail}` }).waitFor(WAIT);
  assert.equal(await manifest.count(), 0);
  await start(stream);
  await stream.getByText('finished · 6 events').waitFor(WAIT);
  const labRows = await eventRows(stream);
  assert.equal(labRows[0].event, 'request');
  assert.equal(labRows[0].id, '');
  assert.ok(labRows[0].message.startsWith(`GET /streaming/sse?${labQuery} HTTP/1.1 from `), labRows[0].message);
  assert.deepEqual(labRows.slice(1).map((row) => row.id), expectedIds);

  // A refused parameter: the problem's detail, not an end. The default choices are left out of the URL.
  await choose(page, stream, 'echo', 'off');
  await choose(page, stream, 'retry_in', 'block');
  await fill(stream, { quirk: '', interval: 'soon' });
  assert.equal(await stream.locator('code.curl').textContent(),
    `curl -N '${new URL(`streaming/sse?${query.replace('200ms', 'soon')}`, baseUrl).href}'`);
  const refused = await problemOf(page, `streaming/sse?${query.replace('200ms', 'soon')}`);
  assert.equal(refused.parameter, 'interval');
  await start(stream);
  await stream.getByText('failed · 0 events').waitFor(WAIT);
  assert.equal(await stream.locator('tbody tr.error[data-status="400"] td').nth(1).textContent(),
    `HTTP 400 Bad Request: ${refused.detail}`);
  assert.equal(await stream.locator('tbody tr.end').count(), 0);

  // A long curl line wraps instead of being cut.
  await fill(stream, { interval: '100ms', data: 'x'.repeat(400) });
  const { scrollWidth, clientWidth } = await stream.locator('code.curl').evaluate(
    (code) => ({ scrollWidth: code.scrollWidth, clientWidth: code.clientWidth }));
  assert.ok(scrollWidth <= clientWidth, `the curl line is cut: ${scrollWidth} px wide in ${clientWidth} px`);

  if (handshake) {
    // The README's live reload: a new default event name while the page stays open; Start plays it.
    await fill(stream, { count: '3', event: '', data: '' });
    await askForChange(1);
    // the next request restarts the app, which takes as long as the machine needs
    await page.evaluate((url) => fetch(url), new URL('streaming/sse/expected?seed=1&count=1', baseUrl).href);
    await start(stream);
    await stream.getByText('finished · 3 events').waitFor(WAIT);
    assert.deepEqual((await eventRows(stream)).map((row) => row.event), ['tick', 'tick', 'tick']);
    await field(stream, 'event').and(stream.locator('[placeholder="default: tick"]')).waitFor(WAIT);

    // A new path is a new build: the card and the page, opened again, follow it.
    await askForChange(2);
    card = await openCard(page);
    await card.locator('code.path', { hasText: '/moved/sse' }).waitFor(WAIT);
    await card.locator('qwc-extension-link', { hasText: 'Live stream' }).getByText('/moved/sse').waitFor(WAIT);
    stream = await openStreamPage(page, card);
    await fill(stream, { interval: '100ms', count: '3' });
    assert.equal(await stream.locator('code.curl').textContent(),
      `curl -N '${new URL('moved/sse?interval=100ms&count=3', baseUrl).href}'`);
    await start(stream);
    await stream.getByText('finished · 3 events').waitFor(WAIT);
    assert.deepEqual((await eventRows(stream)).map((row) => row.event), ['tick', 'tick', 'tick']);
  }

  assert.deepEqual(pageErrors, []);
}
