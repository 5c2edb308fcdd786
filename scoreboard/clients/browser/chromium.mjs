// The browser clients, each in Debian's Chromium driven by Playwright: its own EventSource, sse.js,
// event-source-polyfill and reconnecting-eventsource, on a page of the stream's origin (served by the relay).
// Usage: node chromium.mjs <native|sse.js|event-source-polyfill|reconnecting-eventsource> <stream URL> [event types]
// With CHROMIUM_WS_ENDPOINT (the driver's shared Chromium) it opens a page of its own there instead of a browser.
import { connectChromium, launchChromium } from '../../../test-support/src/main/js/chromium.mjs';

const [library] = process.argv.splice(2, 1);
const { url, types, emit } = await import('../node/emit.mjs');

const shared = process.env.CHROMIUM_WS_ENDPOINT;
const browser = await (shared ? connectChromium(shared) : launchChromium());
const context = await browser.newContext();
process.on('SIGTERM', () => context.close().finally(() => browser.close()).finally(() => process.exit(0)));
const page = await context.newPage();
await page.exposeFunction('emit', emit);
page.on('pageerror', (failure) => emit({ kind: 'error', message: `page: ${failure.message}` }));
await page.goto(new URL('../harness/page.html', url).href); // its module script has run by the load event
await page.evaluate(([library, url, types]) => {
  const create = {
    native: () => new EventSource(url),
    'sse.js': () => new window.SSE(url, { autoReconnect: true, useLastEventId: true }),
    'event-source-polyfill': () => new window.EventSourcePolyfill(url),
    'reconnecting-eventsource': () => new window.ReconnectingEventSource(url),
  }[library];
  const source = create();
  source.addEventListener('open', () => window.emit({ kind: 'open' }));
  source.addEventListener('error', (failure) => {
    window.emit({ kind: 'error', message: String(failure?.message ?? failure?.type ?? 'error') });
    if (source.readyState === 2) {
      window.emit({ kind: 'closed' });
    }
  });
  for (const type of types) {
    source.addEventListener(type, (message) => window.emit({ kind: 'event', type: message.type, data: message.data,
      lastEventId: message.lastEventId }));
  }
}, [library, url, types]);
