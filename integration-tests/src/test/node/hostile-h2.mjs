// Hostile HTTP/2 clients (prior-knowledge h2c) for Http2HostileClientsIT: each case drives Node's http2 module against
// the app and writes what it saw, as JSON, to a file; the Java test asserts on it.
//
// node hostile-h2.mjs <case> <port> <results file>
//   isolation   3 trials: 3 streams at interval=10ms and a fire-hose (interval=0) on one connection; the fire-hose is
//               cancelled (RST_STREAM CANCEL, what EventSource.close() sends); counts each sibling's data after it
//   rapid-reset 5 connections, 200 streams each, every one cancelled as soon as it is sent
//   resets      cancels at every phase: during a delay, on the response head, mid fire-hose; 30 of each
//   bad-headers OPTIONS and GET with CR/LF/NUL and other bytes in header values; status, headers and body of each
import http2 from 'node:http2';
import { writeFileSync } from 'node:fs';

const [name, port, resultsFile] = process.argv.slice(2);
const origin = `http://127.0.0.1:${port}`;
const { NGHTTP2_CANCEL } = http2.constants;

function connect() {
  const session = http2.connect(origin);
  const seen = { goaway: null, error: null, closed: false };
  session.on('goaway', (code) => { seen.goaway = code; });
  session.on('error', (e) => { seen.error = e.code ?? String(e); });
  session.on('close', () => { seen.closed = true; });
  return { session, seen };
}

const until = (condition, ms) => new Promise((resolve) => {
  const deadline = Date.now() + ms;
  const tick = setInterval(() => {
    if (condition() || Date.now() > deadline) { clearInterval(tick); resolve(condition()); }
  }, 10);
});

function open(session, path, method = 'GET', headers = {}) {
  const stream = { status: null, headers: null, chunks: 0, body: '', error: null, closed: false, rstCode: null };
  let request;
  try {
    request = session.request({ ':method': method, ':path': path, ...headers }, { endStream: true });
  } catch (e) {
    stream.error = `client refused: ${e.code}`;
    stream.closed = true;
    return stream;
  }
  stream.request = request;
  request.setEncoding('latin1');
  request.on('response', (h) => { stream.status = h[':status']; stream.headers = h; });
  request.on('data', (chunk) => { stream.chunks++; if (stream.body.length < 65536) stream.body += chunk; });
  request.on('error', (e) => { stream.error = e.code ?? String(e); });
  request.on('close', () => { stream.closed = true; stream.rstCode = request.rstCode; });
  return stream;
}

const strip = ({ request, ...rest }) => rest;

async function isolation() {
  const trials = [];
  for (let t = 0; t < 3; t++) {
    const { session, seen } = connect();
    const siblings = [0, 1, 2].map(() => open(session, '/streaming/sse?interval=10ms'));
    const hose = open(session, '/streaming/sse?interval=0');
    await until(() => hose.chunks >= 5 && siblings.every((s) => s.chunks >= 1), 10000);
    const before = siblings.map((s) => s.chunks);
    hose.request.close(NGHTTP2_CANCEL);
    await until(() => siblings.every((s, i) => s.chunks >= before[i] + 5) || seen.closed, 10000);
    trials.push({
      hoseChunks: hose.chunks,
      siblingsBefore: before,
      siblingsAfter: siblings.map((s) => s.chunks),
      siblingErrors: siblings.map((s) => s.error),
      siblingsClosed: siblings.map((s) => s.closed),
      goaway: seen.goaway,
      sessionClosed: seen.closed,
      sessionError: seen.error,
    });
    siblings.forEach((s) => s.request?.close(NGHTTP2_CANCEL));
    session.close();
  }
  return { trials };
}

async function rapidReset() {
  const connections = [];
  for (let c = 0; c < 5; c++) {
    const { session, seen } = connect();
    const streams = [];
    for (let i = 0; i < 200; i++) {
      const s = open(session, i % 2 ? '/streaming/sse?interval=0' : '/streaming/sse?interval=1h');
      s.request?.close(NGHTTP2_CANCEL);
      streams.push(s);
    }
    await until(() => streams.every((s) => s.closed) || seen.closed, 10000);
    const after = open(session, '/streaming/sse?count=1&interval=0');
    await until(() => after.closed || seen.closed, 10000);
    connections.push({ allClosed: streams.every((s) => s.closed), after: strip(after), goaway: seen.goaway,
      sessionError: seen.error });
    session.close();
  }
  return { connections };
}

async function resets() {
  const { session, seen } = connect();
  const phases = { delay: [], head: [], midStream: [] };
  for (let i = 0; i < 30; i++) {
    const delayed = open(session, '/streaming/sse?delay=5s');
    setTimeout(() => delayed.request?.close(NGHTTP2_CANCEL), 20);
    phases.delay.push(delayed);
    const head = open(session, '/streaming/sse?interval=1h');
    head.request?.on('response', () => head.request.close(NGHTTP2_CANCEL));
    phases.head.push(head);
    const mid = open(session, '/streaming/sse?interval=0&padding=4096');
    mid.request?.on('data', () => { if (mid.chunks === 3) mid.request.close(NGHTTP2_CANCEL); });
    phases.midStream.push(mid);
  }
  const all = Object.values(phases).flat();
  await until(() => all.every((s) => s.closed) || seen.closed, 15000);
  const after = open(session, '/streaming/sse?count=1&interval=0');
  await until(() => after.closed || seen.closed, 10000);
  session.close();
  return {
    allClosed: all.every((s) => s.closed), after: strip(after), goaway: seen.goaway, sessionError: seen.error,
    sessionClosedEarly: seen.closed,
  };
}

async function badHeaders() {
  const values = ['a\r\nx-injected: 1', 'a\nx-injected: 1', 'a\rx-injected: 1', 'a\u0000b', 'a\u0001b', 'a\u007fb',
    '</script>', 'a b', 'last-event-id'];
  const answers = [];
  const { session, seen } = connect();
  for (const value of values) {
    const requests = [
      ['OPTIONS', '/streaming/sse', { 'access-control-request-headers': value, origin: 'http://a.test',
        'access-control-request-method': 'GET' }],
      ['GET', '/streaming/sse?count=1&interval=0&echo=request', { 'x-reflect': value }],
      ['GET', '/streaming/sse?count=1&interval=0', { 'last-event-id': value }],
    ];
    for (const [method, path, headers] of requests) {
      const s = open(session, path, method, headers);
      await until(() => s.closed || seen.closed, 10000);
      answers.push({ value, method, path, ...strip(s) });
    }
  }
  session.close();
  return { answers, goaway: seen.goaway, sessionError: seen.error };
}

const cases = { isolation, 'rapid-reset': rapidReset, resets, 'bad-headers': badHeaders };
const result = await cases[name]();
writeFileSync(resultsFile, JSON.stringify(result));
process.exit(0);
