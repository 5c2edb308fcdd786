// A parser fed by fetch (eventsource-parser, fetch-event-stream) is no client: this loop is the client around it,
// written to the standard's reconnection rules so that only the parser is judged. It reconnects when a response
// ends, after the reconnection time (the last valid retry, else 1 s), sends Last-Event-ID when the last event ID is
// not empty, and stops for good on a status other than 200 (204 among them).
// Usage: node fetch-loop.mjs <eventsource-parser|fetch-event-stream> <stream URL> [event types]
const [parserName] = process.argv.splice(2, 1);
const { url, emit, event, error } = await import('./emit.mjs');
// loaded before the first fetch: a body that breaks while the parser loads loses what it had buffered
const { createParser } = await import('eventsource-parser');
const { events } = await import('fetch-event-stream');

let lastEventId = '';
let reconnectionTime = 1000;

async function readWithEventsourceParser(body) {
  const parser = createParser({
    onEvent: (message) => {
      lastEventId = message.id ?? lastEventId;
      event(message.event ?? 'message', message.data, lastEventId);
    },
    onRetry: (retry) => {
      reconnectionTime = retry;
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of body) {
    parser.feed(decoder.decode(chunk, { stream: true }));
  }
}

async function readWithFetchEventStream(response) {
  for await (const message of events(response)) {
    if (message.retry !== undefined) {
      reconnectionTime = message.retry;
    }
    if (message.id !== undefined) {
      lastEventId = message.id;
    }
    event(message.event ?? 'message', message.data ?? '', lastEventId); // what it yields, the application sees
  }
}

while (true) {
  try {
    const response = await fetch(url, {
      headers: { Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
    });
    emit({ kind: 'open', status: response.status });
    if (response.status !== 200) {
      emit({ kind: 'closed' });
      break;
    }
    await (parserName === 'eventsource-parser' ? readWithEventsourceParser(response.body)
      : readWithFetchEventStream(response));
  } catch (failure) {
    error(failure);
  }
  await new Promise((resolve) => setTimeout(resolve, reconnectionTime));
}
