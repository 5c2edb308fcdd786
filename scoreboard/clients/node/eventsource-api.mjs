// Any client with the EventSource interface (the npm eventsource packages, undici's, Node's own, extended-eventsource):
// listens to each event type, and leaves reconnecting and stopping to the client.
// Usage: node eventsource-api.mjs <module|node:builtin> <export|default> <stream URL> [event types]
import { createRequire } from 'node:module';

const [moduleName, exportName] = process.argv.splice(2, 2);
const { url, types, emit, event, error } = await import('./emit.mjs');

async function load() {
  if (moduleName === 'node:builtin') {
    return globalThis.EventSource; // node --experimental-eventsource
  }
  if (exportName === 'require') {
    return createRequire(import.meta.url)(moduleName); // CommonJS, module.exports is the class
  }
  return (await import(moduleName))[exportName];
}

const EventSource = await load();
const source = new EventSource(url);
source.onopen = () => emit({ kind: 'open' });
source.onerror = (failure) => {
  error(failure?.message ?? 'error');
  if (source.readyState === 2) {
    emit({ kind: 'closed' });
  }
};
for (const type of types) {
  source.addEventListener(type, (message) => event(message.type, message.data, message.lastEventId));
}
