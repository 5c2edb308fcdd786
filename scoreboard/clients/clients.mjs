// The clients on the board. Each runs as its own process: `command` plus the stream URL and the event types to
// listen to, printing JSON lines (clients/node/emit.mjs). `reference` clients must pass every case: a failure of
// theirs means the lab or its manifest is wrong, and fails the build. `version` names what was measured; for an npm
// package it is read from scoreboard/node_modules, which `npm ci` fills from scoreboard/package-lock.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

const JAVA_POM = readFileSync(path.join(SCOREBOARD, 'java', 'pom.xml'), 'utf8');

/** A Java client: its module's jar and the classpath Maven wrote for it (./mvnw package -pl scoreboard -am). */
/** A harness lives seconds: the quick compiler and the small collector start it with the least CPU. */
const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
const java = (module, mainClass) => ({ javaModule: module, mainClass });

function javaCommand({ javaModule, mainClass }) {
  const target = path.join(SCOREBOARD, 'java', javaModule, 'target');
  if (!mainClass) {
    return ['java', ...JVM_OPTIONS, '-jar', path.join(target, 'quarkus-app', 'quarkus-run.jar')]; // a Quarkus app
  }
  const classpath = path.join(target, 'classpath.txt');
  if (!existsSync(classpath)) {
    throw new Error(`${classpath} is missing: build the Java clients with ./mvnw -B package -pl scoreboard -am -DskipTests`);
  }
  const jar = readdirSync(target).find((file) => file.endsWith('.jar'));
  return ['java', ...JVM_OPTIONS, '-cp', `${path.join(target, jar)}${path.delimiter}${readFileSync(classpath, 'utf8').trim()}`, mainClass];
}

/** The version scoreboard/java/pom.xml pins for a Maven artifact, in the property named after it. */
function mavenVersion(coordinates) {
  const property = `${coordinates.split(':')[1]}.version`;
  return JAVA_POM.match(new RegExp(`<${property}>([^<]+)</${property}>`))[1];
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
  { id: 'okhttp-eventsource', name: 'okhttp-eventsource (Java)', package: 'com.launchdarkly:okhttp-eventsource',
    ...java('okhttp-eventsource', 'io.chamber.sse.scoreboard.okhttpeventsource.Main') },
  { id: 'okhttp-sse', name: 'okhttp-sse (Java)', package: 'com.squareup.okhttp3:okhttp-sse',
    ...java('okhttp-sse', 'io.chamber.sse.scoreboard.okhttpsse.Main') },
  { id: 'jersey', name: 'Jersey SseEventSource (Java)', package: 'org.glassfish.jersey.media:jersey-media-sse',
    ...java('jersey', 'io.chamber.sse.scoreboard.jaxrs.Main') },
  { id: 'resteasy', name: 'RESTEasy SseEventSource (Java)', package: 'org.jboss.resteasy:resteasy-client',
    ...java('resteasy', 'io.chamber.sse.scoreboard.jaxrs.Main') },
  { id: 'spring-webclient', name: 'Spring WebClient (Java)', package: 'org.springframework:spring-webflux',
    ...java('spring-webclient', 'io.chamber.sse.scoreboard.springwebclient.Main') },
  { id: 'quarkus-rest-client', name: 'Quarkus REST client, Multi<SseEvent<String>> (Java)',
    package: 'io.quarkus:quarkus-rest-client', ...java('quarkus-rest-client') },
  { id: 'vertx-web-client', name: 'Vert.x Web Client, BodyCodec.sseStream (Java)', package: 'io.vertx:vertx-web-client',
    ...java('vertx-web-client', 'io.chamber.sse.scoreboard.vertxwebclient.Main') },
  { id: 'micronaut-http-client', name: 'Micronaut SseClient (Java)', package: 'io.micronaut:micronaut-http-client',
    ...java('micronaut-http-client', 'io.chamber.sse.scoreboard.micronauthttpclient.Main') },
];

for (const client of CLIENTS) {
  if (client.javaModule) {
    Object.defineProperty(client, 'command', { get: () => javaCommand(client) });
  }
  const maven = client.package?.includes(':');
  client.version ??= () => (maven ? mavenVersion(client.package) : npmVersion(client.package));
  client.browser = !maven && client.command.includes(harness('browser/chromium.mjs'));
}
