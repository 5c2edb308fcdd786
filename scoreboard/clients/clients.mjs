// The clients on the board. Each runs as its own process: `command` plus the stream URL and the event types to
// listen to, printing JSON lines (clients/node/emit.mjs). `reference` clients must pass every case: a failure of
// theirs means the lab or its manifest is wrong, and fails the build. `version` names what was measured; for an npm
// package it is read from scoreboard/node_modules, which `npm ci` fills from scoreboard/package-lock.json.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCOREBOARD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE = process.execPath;
const harness = (file) => path.join(SCOREBOARD, 'clients', file);

export function npmVersion(name) {
  return JSON.parse(readFileSync(path.join(SCOREBOARD, 'node_modules', name, 'package.json'), 'utf8')).version;
}

function chromiumVersion() {
  try {
    const line = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return line.match(/[\d.]+/)?.[0] ?? 'unknown';
  } catch {
    return 'missing';
  }
}

const eventSourceApi = (module, exportName) => [NODE, harness('node/eventsource-api.mjs'), module, exportName];
const inChromium = (library) => [NODE, harness('browser/chromium.mjs'), library];

/** @type {{id: string, name: string, package?: string, version: () => string, reference?: boolean, command: string[]}[]} */
export const CLIENTS = [
  { id: 'chromium', name: 'Chromium EventSource', version: chromiumVersion, reference: true,
    command: inChromium('native') },
  { id: 'undici', name: 'undici EventSource', package: 'undici', reference: true,
    command: eventSourceApi('undici', 'EventSource') },
  { id: 'eventsource', name: 'eventsource', package: 'eventsource', reference: true,
    command: eventSourceApi('eventsource', 'EventSource') },
  { id: 'eventsource-parser', name: 'eventsource-parser + fetch', package: 'eventsource-parser', reference: true,
    command: [NODE, harness('node/fetch-loop.mjs'), 'eventsource-parser'] },
  { id: 'eventsource3', name: 'eventsource 3', package: 'eventsource3', command: eventSourceApi('eventsource3', 'EventSource') },
  { id: 'eventsource2', name: 'eventsource 2', package: 'eventsource2', command: eventSourceApi('eventsource2', 'require') },
  { id: 'node', name: 'Node.js built-in EventSource', version: () => process.versions.node,
    command: [NODE, '--experimental-eventsource', '--no-warnings', harness('node/eventsource-api.mjs'), 'node:builtin', ''] },
  { id: 'eventsource-client', name: 'eventsource-client', package: 'eventsource-client',
    command: [NODE, harness('node/eventsource-client.mjs')] },
  { id: 'fetch-event-source', name: '@microsoft/fetch-event-source', package: '@microsoft/fetch-event-source',
    command: [NODE, harness('node/fetch-event-source.mjs')] },
  { id: 'fetch-event-stream', name: 'fetch-event-stream + fetch', package: 'fetch-event-stream',
    command: [NODE, harness('node/fetch-loop.mjs'), 'fetch-event-stream'] },
  { id: 'extended-eventsource', name: 'extended-eventsource', package: 'extended-eventsource',
    command: eventSourceApi('extended-eventsource', 'EventSource') },
  { id: 'sse.js', name: 'sse.js (Chromium)', package: 'sse.js', command: inChromium('sse.js') },
  { id: 'event-source-polyfill', name: 'event-source-polyfill (Chromium)', package: 'event-source-polyfill',
    command: inChromium('event-source-polyfill') },
  { id: 'reconnecting-eventsource', name: 'reconnecting-eventsource (Chromium)', package: 'reconnecting-eventsource',
    command: inChromium('reconnecting-eventsource') },
];

for (const client of CLIENTS) {
  client.version ??= () => npmVersion(client.package);
  client.browser = client.command.includes(harness('browser/chromium.mjs'));
}
