// Three streams on one HTTP/2 connection (h2c with prior knowledge, Node's own http2 client): a victim and two
// siblings at interval=10ms. Once all three have sent an event, the victim is cancelled with RST_STREAM(CANCEL),
// as a browser's EventSource.close() does; with --fill-window it first stops reading the victim until the victim
// has used up its flow-control window, so the server has frames queued for it when it is cancelled. Then waits for
// more events on both siblings and prints `result {json}`: the events each sibling received after the cancel and
// whatever happened to the connection. Keeps the siblings open until its stdin ends, then closes them and exits.
//
// node http2-siblings.mjs <base URL> <victim query> [--fill-window]
import http2 from 'node:http2';

const [base, victimQuery, fillWindow] = process.argv.slice(2);
const EVENTS_AFTER_CANCEL = 5;
const TIMEOUT_MS = 20_000;

const connection = { goaway: null, closed: false, errors: [] };
const session = http2.connect(base);
session.on('goaway', (code) => { connection.goaway = code; });
session.on('close', () => { connection.closed = true; });
session.on('error', (error) => connection.errors.push(String(error)));

function open(query) {
  const stream = session.request({ ':path': `/streaming/sse?${query}`, accept: 'text/event-stream' });
  const state = { query, status: null, events: 0, eventsAtCancel: null, errors: [], closed: false, stream };
  stream.on('response', (headers) => { state.status = headers[':status']; });
  stream.setEncoding('utf8');
  stream.on('data', (text) => { state.events += text.split('data:').length - 1; });
  stream.on('error', (error) => state.errors.push(String(error)));
  stream.on('close', () => { state.closed = true; });
  return state;
}

function until(condition) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = setInterval(() => {
      if (condition()) {
        clearInterval(check);
        resolve();
      } else if (Date.now() - started > TIMEOUT_MS) {
        clearInterval(check);
        reject(new Error(`timed out: ${condition}`));
      }
    }, 5);
  });
}

const victim = open(victimQuery);
const siblings = [open('interval=10ms'), open('interval=10ms')];
const everyone = [victim, ...siblings];
let failure = null;
try {
  await until(() => everyone.every((s) => s.events > 0));
  if (fillWindow === '--fill-window') {
    victim.stream.pause();
    await until(() => victim.stream.state.localWindowSize === 0);
  }
  siblings.forEach((s) => { s.eventsAtCancel = s.events; });
  victim.stream.close(http2.constants.NGHTTP2_CANCEL);
  await until(() => connection.closed || siblings.every((s) => s.closed || s.events >= s.eventsAtCancel + EVENTS_AFTER_CANCEL));
} catch (error) {
  failure = String(error);
}
console.log(`result ${JSON.stringify({
  failure,
  connection,
  siblings: siblings.map(({ status, events, eventsAtCancel, errors, closed }) =>
    ({ status, eventsAfterCancel: events - eventsAtCancel, errors, closed })),
})}`);

process.stdin.resume();
process.stdin.on('end', () => {
  siblings.forEach((s) => s.stream.close(http2.constants.NGHTTP2_CANCEL));
  session.close(() => process.exit(0));
});
