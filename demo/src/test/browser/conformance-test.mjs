// The conformance lab against real clients: for every quirk and split, alone and in combinations, Chromium's own
// EventSource (driven by Playwright) and the npm eventsource package read the stream, and what each dispatched, and
// the Last-Event-ID it reconnected with, must equal the manifest at <path>/expected exactly.
// A client that disagrees with the WHATWG rules is named in KNOWN_DEVIATIONS with the case, instead of bending the
// manifest; such a case must still disagree in exactly that way, so a fixed client shows up too.
// Over HTTPS (an https base URL) Chromium reads every case over HTTP/2, the npm package over HTTPS/1.1 (Node's fetch).
// Usage: node conformance-test.mjs [base URL]   (or BASE_URL=...; default http://localhost:8000/)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../../../../test-support/src/main/js/chromium.mjs';
import { EventSource } from 'eventsource';

const baseUrl = new URL(process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:8000/');
const STREAM = new URL('streaming/sse', baseUrl);
const QUIRKS = ['bom', 'crlf', 'cr', 'mixed-newlines', 'multiline', 'no-space', 'extra-space', 'unknown-field',
  'bare-field', 'comment', 'id-null', 'empty-id', 'retry-bogus', 'empty-data', 'trailing-partial', 'utf8'];
const SPLITS = ['byte', 'line', 'mid-crlf', 'mid-utf8', 'random'];
const CASES = [
  ...QUIRKS.map((quirk) => `quirk=${quirk}`),
  ...SPLITS.map((split) => `split=${split}`),
  'quirk=crlf,multiline,comment&split=mid-crlf',
  'quirk=mixed-newlines,multiline,utf8,bare-field&split=byte',
  'quirk=bom,no-space,empty-id,id-null,retry-bogus&split=random',
  'quirk=cr,extra-space,unknown-field,empty-data,trailing-partial&split=line',
  'quirk=bom,mixed-newlines,id-null,empty-data,utf8&split=mid-utf8',
  'quirk=multiline,comment,trailing-partial&gzip=1',
  'id_fault=dup&id_fault_every=2',
  'id_fault=skip&id_fault_every=3',
  'id_fault=reorder&id_fault_every=2&quirk=crlf',
];
const KNOWN_DEVIATIONS = {
  // 'client|case': 'what the client does instead, and why it is wrong by the standard',
};
const WAIT_MS = 15_000;

function streamUrl(testCase, path = STREAM) {
  // seeded and finite for the manifest; a short retry so the clients reconnect at once
  return new URL(`${path.pathname}?${testCase}&seed=42&count=4&interval=0&retry=50`, baseUrl).href;
}

async function manifest(testCase) {
  const response = await fetch(streamUrl(testCase, new URL('streaming/sse/expected', baseUrl)));
  const body = await response.text();
  assert.equal(response.status, 200, `manifest of ${testCase}: ${body}`);
  return JSON.parse(body);
}

/** What a client made of the first response: its events, and the Last-Event-ID of its reconnect. */
function outcome(events, reconnectLastEventId) {
  return { events, lastEventId: reconnectLastEventId };
}

function expectedOutcome(expected) {
  return outcome(expected.events, expected.lastEventId);
}

/** npm eventsource: events until the first response ends, then the reconnect's Last-Event-ID. */
function readWithNpm(url, types) {
  return new Promise((resolve, reject) => {
    const events = [];
    let requests = 0;
    let source = null;
    const timer = setTimeout(() => {
      source.close();
      reject(new Error(`no reconnect within ${WAIT_MS} ms; events so far ${JSON.stringify(events)}`));
    }, WAIT_MS);
    const finish = (reconnectLastEventId) => {
      clearTimeout(timer);
      source.close();
      resolve(outcome(events, reconnectLastEventId));
    };
    source = new EventSource(url, {
      fetch: (input, init) => {
        if (++requests === 2) {
          queueMicrotask(() => finish(new Headers(init?.headers).get('last-event-id') ?? ''));
        }
        return fetch(input, init);
      },
    });
    const record = (event) => events.push({ type: event.type, data: event.data, lastEventId: event.lastEventId });
    types.forEach((type) => source.addEventListener(type, record));
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        finish(null);
      }
    });
  });
}

let browser;
let page;

before(async () => {
  browser = await launchChromium();
  // over HTTPS the demo's certificate is self-signed; Node's fetch (npm eventsource) trusts it by NODE_EXTRA_CA_CERTS
  page = await browser.newPage({ ignoreHTTPSErrors: true });
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(baseUrl.href);
  if (baseUrl.protocol === 'https:') {
    // Chromium speaks HTTP/2 with the demo over TLS, so the lab's cases below run over h2
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation')[0].nextHopProtocol), 'h2');
  }
});

after(async () => {
  await browser?.close();
});

/** Chromium's EventSource: events until the first response ends, then the reconnect's Last-Event-ID. */
async function readWithChromium(url, types) {
  const requests = [];
  const onRequest = (request) => {
    if (request.resourceType() === 'eventsource') {
      requests.push(request);
    }
  };
  page.on('request', onRequest);
  try {
    const events = await page.evaluate(([streamUrl, eventTypes, waitMs]) => new Promise((resolve, reject) => {
      const received = [];
      const source = new EventSource(streamUrl);
      const record = (event) => received.push({ type: event.type, data: event.data, lastEventId: event.lastEventId });
      eventTypes.forEach((type) => source.addEventListener(type, record));
      let ended = false;
      const timer = setTimeout(() => { source.close(); reject(new Error(`no end within ${waitMs} ms`)); }, waitMs);
      source.onerror = () => {
        if (!ended) {
          ended = true;
          // the first response ended: wait for the reconnect to go out (or for EventSource to give up), then stop
          const stop = () => { clearTimeout(timer); source.close(); resolve(received); };
          source.onopen = stop;
          source.onerror = stop;
          setTimeout(stop, 2_000);
        }
      };
    }), [url, types, WAIT_MS]);
    const reconnect = requests[1];
    return outcome(events, reconnect ? ((await reconnect.allHeaders())['last-event-id'] ?? '') : null);
  } finally {
    page.off('request', onRequest);
  }
}

const CLIENTS = { chromium: readWithChromium, 'npm eventsource': readWithNpm };

describe('real clients dispatch what the manifest says', () => {
  for (const testCase of CASES) {
    for (const [client, read] of Object.entries(CLIENTS)) {
      test(`${client}: ${testCase}`, async () => {
        const expected = await manifest(testCase);
        const types = [...new Set(['message', ...expected.events.map((event) => event.type)])];
        const actual = await read(streamUrl(testCase), types);
        const deviation = KNOWN_DEVIATIONS[`${client}|${testCase}`];
        if (deviation) {
          assert.notDeepEqual(actual, expectedOutcome(expected), `${client} now follows the standard for ${testCase}: `
            + `remove it from KNOWN_DEVIATIONS (${deviation})`);
          console.log(`known deviation of ${client} for ${testCase}: ${deviation}`);
          return;
        }
        assert.deepEqual(actual, expectedOutcome(expected), `${client} for ${testCase}`);
      });
    }
  }
});
