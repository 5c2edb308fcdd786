// The scoreboard's driver: runs every client on every case through the recording relay, compares what it
// dispatched, the Last-Event-ID and delay of each reconnect, and its stop after a 204 with the manifests of
// <path>/expected, and writes the board. Exits 1 when a reference client failed a case (the lab would be wrong).
// Usage: node src/driver.mjs --server <base URL> [--clients all|reference|browser|others|id,id] [--cases all|1,5,...]
//                            [--board <file to write>] [--json <results file to write>] [--jobs N] [--verbose]
// Browser clients run in a driver process of their own, one at a time, in one shared Chromium.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CLIENTS } from '../clients/clients.mjs';
import { cases as CASES, queryOf } from './cases.mjs';
import { Relay } from './relay.mjs';
import { RULES, passed, ruleForEvent, ruleForReconnect } from './whatwg.mjs';
import { writeBoard } from './board.mjs';
import { launchChromiumServer } from '../../test-support/src/main/js/chromium.mjs';

const SCOREBOARD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** After the last planned connection ended: how long a client has to (wrongly) come back. */
const QUIET_MS = 1_500;
/** Nothing from the client or on the relay for this long: it hangs. */
const IDLE_MS = 20_000;
/** A harness's start, until its first request: a browser page took 20 s on a busy machine here. */
const START_MS = 90_000;
/** No case takes longer (split=byte sends its 4 events in about 5 s). */
const CASE_MS = 60_000;
/** Chained manifests of one case: a resume that never ends is cut here (and answered 204 by the relay). */
const MAX_CONNECTIONS = 6;

const { values: options } = parseArgs({
  options: {
    server: { type: 'string' },
    clients: { type: 'string', default: 'all' },
    cases: { type: 'string', default: 'all' },
    board: { type: 'string' },
    json: { type: 'string' },
    jobs: { type: 'string', default: '6' },
    verbose: { type: 'boolean', default: false },
  },
});
if (!options.server) {
  console.error('usage: node src/driver.mjs --server <base URL of a running Chamber SSE app> [--clients ...] [--board file]');
  process.exit(2);
}
const server = new URL(options.server.endsWith('/') ? options.server : `${options.server}/`);

/** The connections a conforming client makes for a case, each with its manifest, chained by Last-Event-ID. */
async function planOf(testCase) {
  const plan = [];
  let lastEventId = null;
  while (plan.length < MAX_CONNECTIONS) {
    const response = await fetch(new URL(`streaming/sse/expected?${queryOf(testCase)}`, server),
      { headers: lastEventId ? { 'Last-Event-ID': lastEventId } : {} });
    const body = await response.text();
    if (response.status !== 200) {
      throw new Error(`manifest of ${testCase} (Last-Event-ID ${lastEventId}): ${response.status} ${body}`);
    }
    const manifest = JSON.parse(body);
    plan.push({ sends: lastEventId, ...manifest });
    if (!manifest.reconnects || manifest.lastEventId === '') {
      break; // a 204, or a reconnect that would replay the stream from its start: the relay answers it 204
    }
    lastEventId = manifest.lastEventId;
  }
  const last = plan.at(-1);
  const expectedConnections = last.reconnects ? plan.length + 1 : plan.length;
  return {
    plan,
    forwarded: plan.length,
    expectedConnections,
    events: plan.flatMap((connection) => connection.events),
    // the Last-Event-ID of each reconnect; null: none
    reconnectIds: [...plan.slice(1).map((connection) => connection.sends),
      ...(last.reconnects ? [last.lastEventId || null] : [])],
    reconnectionTimes: plan.map((connection, index) => plan.slice(0, index + 1).map((c) => c.reconnectionTime)
      .filter((time) => time !== null).at(-1) ?? null),
    types: [...new Set(['message', ...plan.flatMap((connection) => connection.events.map((event) => event.type))])],
  };
}

function runClient(client, relay, testCase, expected) {
  const url = new URL(`streaming/sse?${queryOf(testCase)}`, relay.reset(expected.forwarded)).href;
  const [command, ...args] = client.command;
  const child = spawn(command, [...args, url, expected.types.join(',')], {
    cwd: SCOREBOARD, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...sharedEnvironment },
  });
  const run = { events: [], errors: [], stderr: '', exit: null, ending: null };
  return new Promise((resolve) => {
    let lastActivity = performance.now();
    const started = performance.now();
    const activity = () => {
      lastActivity = performance.now();
    };
    relay.onChange = (connection) => {
      activity();
      if (options.verbose) {
        console.log(`  ${Math.round(performance.now() - started)} ms relay of ${client.id}: ${JSON.stringify(connection)}`);
      }
    };
    createInterface({ input: child.stdout }).on('line', (line) => {
      activity();
      if (options.verbose) {
        console.log(`  ${Math.round(performance.now() - started)} ms ${client.id}: ${line.slice(0, 160)}`);
      }
      let parsed;
      try {
        parsed = JSON.parse(line);
      } catch {
        run.errors.push(`output: ${line}`);
        return;
      }
      if (parsed.kind === 'event') {
        run.events.push({ type: parsed.type, data: parsed.data, lastEventId: parsed.lastEventId });
      } else if (parsed.kind === 'error') {
        run.errors.push(parsed.message);
      }
    });
    child.stderr.on('data', (chunk) => {
      run.stderr = (run.stderr + chunk).slice(-2000);
    });
    child.on('exit', (code, signal) => {
      run.exit = { code, signal };
    });
    const timer = setInterval(() => {
      const now = performance.now();
      const connections = relay.connections;
      const lastEnded = connections.at(-1)?.endedAt;
      if (connections.length > expected.expectedConnections) {
        finish('reconnected');
      } else if (connections.length === expected.expectedConnections && lastEnded && now - lastEnded >= QUIET_MS
          && now - lastActivity >= QUIET_MS) {
        finish('done');
      } else if (run.exit && now - lastActivity >= 200) {
        finish('exited');
      } else if ((connections.length > 0 ? now - lastActivity >= IDLE_MS : now - started >= START_MS)
          || now - started >= CASE_MS) {
        finish('hang');
      }
    }, 50);
    function finish(ending) {
      clearInterval(timer);
      run.ending = ending;
      run.exitedByItself = run.exit !== null; // later, the exit is the driver's SIGTERM
      run.connections = relay.connections.map((connection) => ({ ...connection }));
      relay.onChange = null;
      relay.dropAll();
      if (run.exit) {
        resolve(run);
        return;
      }
      const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve(run);
      });
      child.kill('SIGTERM');
    }
  });
}

const show = (event) => (event ? JSON.stringify(event) : 'nothing');

/** What the client did wrong in a case, first finding first; an empty list is a pass. */
function judge(testCase, expected, run) {
  const findings = [];
  const count = Math.max(expected.events.length, run.events.length);
  for (let index = 0; index < count; index++) {
    const want = expected.events[index];
    const got = run.events[index];
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      findings.push({
        what: `event ${index + 1} of ${expected.events.length}: expected ${show(want)}, got ${show(got)}`
          + (run.events.length !== expected.events.length ? ` (${run.events.length} events in all)` : ''),
        rule: ruleForEvent(testCase, index, want, got),
      });
      break;
    }
  }
  const reconnects = run.connections.slice(1);
  for (let index = 0; index < expected.reconnectIds.length; index++) {
    const want = expected.reconnectIds[index];
    const connection = reconnects[index];
    if (!connection) {
      findings.push({
        what: `no reconnect ${index + 1} (expected one with ${want === null ? 'no Last-Event-ID' : `Last-Event-ID ${want}`})`,
        rule: RULES.reconnect,
      });
      break;
    }
    if (connection.lastEventId !== want) {
      findings.push({
        what: `reconnect ${index + 1}: expected ${want === null ? 'no Last-Event-ID' : `Last-Event-ID ${JSON.stringify(want)}`}, `
          + `sent ${connection.lastEventId === null ? 'none' : JSON.stringify(connection.lastEventId)}`,
        rule: ruleForReconnect(testCase, want, connection.lastEventId),
      });
      break;
    }
    const reconnectionTime = expected.reconnectionTimes[Math.min(index, expected.reconnectionTimes.length - 1)];
    const previous = run.connections[index];
    const delay = connection.startedAt - previous.endedAt;
    if (reconnectionTime >= 500 && delay < 0.9 * reconnectionTime) {
      findings.push({ what: `reconnect ${index + 1} after ${Math.round(delay)} ms, reconnection time ${reconnectionTime} ms`,
        rule: RULES.reconnectDelay });
    }
  }
  if (run.ending === 'reconnected') {
    findings.push({ what: `reconnected after the 204 of connection ${expected.expectedConnections}`, rule: RULES.stop });
  }
  if ((run.ending === 'hang' || run.exitedByItself) && findings.length > 0 && (run.errors.length || run.stderr.trim())) {
    findings[0].what += ` (the client ${run.ending === 'hang' ? 'hung' : 'exited'}`
      + `${run.errors.length ? `; it reported: ${run.errors.slice(0, 2).join('; ')}` : ''}`
      + `${run.stderr.trim() ? `; stderr: ${lastLine(run.stderr)}` : ''})`;
  }
  if (run.ending === 'hang' && findings.length === 0) {
    findings.push({ what: `hangs: ${run.connections.length} of ${expected.expectedConnections} connections, `
      + `${run.events.length} events, nothing more within ${IDLE_MS / 1000} s`
      + (run.errors.length ? `; it reported: ${run.errors.slice(0, 2).join('; ')}` : '')
      + (run.stderr.trim() ? `; stderr: ${lastLine(run.stderr)}` : ''), rule: RULES.reconnect });
  }
  if (run.exitedByItself && run.exit.code !== 0 && findings.length === 0) {
    findings.push({ what: `the client crashed (exit ${run.exit.code}): ${lastLine(run.stderr)}`, rule: RULES.reconnect });
  }
  return findings;
}

function lastLine(text) {
  return text.trim().split('\n').filter((line) => /error/i.test(line)).at(0)?.trim().slice(0, 200)
    ?? text.trim().split('\n').at(-1)?.slice(0, 200) ?? '';
}

function selected() {
  const clients = options.clients === 'all' ? CLIENTS
    : options.clients === 'reference' ? CLIENTS.filter((client) => client.reference)
      : options.clients === 'browser' ? CLIENTS.filter((client) => client.browser)
      : options.clients === 'others' ? CLIENTS.filter((client) => !client.browser)
      : options.clients.split(',').map((id) => CLIENTS.find((client) => client.id === id)
        ?? (() => { throw new Error(`no client ${id}; known: ${CLIENTS.map((c) => c.id).join(', ')}`); })());
  const cases = options.cases === 'all' ? CASES
    : options.cases.split(',').map((number) => CASES[Number(number) - 1]);
  return { clients, cases };
}

/** What every harness gets: the shared Chromium's endpoint, so a browser client opens a page, not a browser. */
const sharedEnvironment = {};

const toJson = (results) => JSON.stringify(Object.fromEntries([...results].map(([id, byCase]) =>
  [id, Object.fromEntries(byCase)])));

async function main() {
  const { clients, cases } = selected();
  const browsers = clients.filter((client) => client.browser);
  const others = clients.filter((client) => !client.browser);
  let results;
  if (browsers.length > 0 && others.length > 0) {
    // the browser clients in a driver of their own: in one process with the others, Chromium's reconnects did not
    // come within 20 s on a busy machine; alone they came within 0.1 s
    const file = path.join(os.tmpdir(), `scoreboard-browsers-${process.pid}.json`);
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--server', server.href, '--clients',
      browsers.map((client) => client.id).join(','), '--cases', options.cases, '--json', file,
      ...(options.verbose ? ['--verbose'] : [])], { stdio: 'inherit' });
    const childExit = new Promise((resolve) => child.on('exit', resolve));
    results = await measure(others, cases);
    await childExit;
    for (const [id, byCase] of Object.entries(JSON.parse(readFileSync(file, 'utf8')))) {
      results.set(id, new Map(Object.entries(byCase)));
    }
    rmSync(file);
  } else {
    const browser = browsers.length > 0 ? await launchChromiumServer() : null;
    sharedEnvironment.CHROMIUM_WS_ENDPOINT = browser?.wsEndpoint();
    try {
      results = await measure(clients, cases);
    } finally {
      await browser?.close();
    }
  }
  report(clients, cases, results);
}

async function measure(clients, cases) {
  const plans = new Map();
  for (const testCase of cases) {
    plans.set(testCase, await planOf(testCase));
  }
  const results = new Map(clients.map((client) => [client.id, new Map()]));
  const queue = cases.flatMap((testCase) => clients.map((client) => ({ client, testCase })));
  const started = performance.now();
  const worker = async () => {
    const relay = await new Relay(server).start();
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const { client, testCase } = job;
        const expected = plans.get(testCase);
        const caseStarted = performance.now();
        let run = await runClient(client, relay, testCase, expected);
        if (run.ending === 'hang') {
          console.log(`hang  ${client.id} | ${testCase}: once more`); // a hang is a result when it comes back
          run = await runClient(client, relay, testCase, expected);
        }
        const findings = judge(testCase, expected, run);
        const delays = run.connections.slice(1).map((connection, index) =>
          Math.round(connection.startedAt - run.connections[index].endedAt));
        results.get(client.id).set(testCase, { findings, ending: run.ending, delays, errors: run.errors.slice(0, 3) });
        if (options.json) {
          writeFileSync(options.json, toJson(results)); // a run cut short leaves what it measured
        }
        console.log(`${passed(testCase, { findings }) ? 'pass' : 'FAIL'} ${client.id} | ${testCase} `
          + `(${Math.round(performance.now() - caseStarted)} ms, ${run.ending}, reconnect delays ${delays.join(',') || '-'})`
          + (findings.length ? `\n     ${findings.map((finding) => finding.what).join('\n     ')}` : ''));
      }
    } finally {
      await relay.stop();
    }
  };
  // browser clients one at a time: pages that start together starve each other on a small machine
  const jobs = clients.every((client) => client.browser) ? 1 : Math.max(1, Math.min(Number(options.jobs), queue.length));
  await Promise.all(Array.from({ length: jobs }, worker));
  console.log(`${clients.map((client) => client.id).join(', ')}: ${cases.length} cases in `
    + `${Math.round((performance.now() - started) / 1000)} s`);
  return results;
}

function report(clients, cases, results) {
  for (const client of clients) {
    const passes = [...results.get(client.id)].filter(([testCase, result]) => passed(testCase, result)).length;
    console.log(`${client.reference ? 'reference ' : ''}${client.name} ${client.version()}: ${passes}/${cases.length}`);
  }
  if (options.board) {
    writeFileSync(options.board, writeBoard({ clients, cases, results }));
    console.log(`wrote ${options.board}`);
  }
  if (options.json) {
    writeFileSync(options.json, toJson(results));
  }
  const referenceFailures = clients.filter((client) => client.reference)
    .flatMap((client) => [...results.get(client.id)].filter(([, result]) => result.findings.length > 0)
      .map(([testCase]) => `${client.id} | ${testCase}`));
  if (referenceFailures.length > 0) {
    console.error(`reference clients failed (the lab or its manifest is wrong):\n  ${referenceFailures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

await main();
