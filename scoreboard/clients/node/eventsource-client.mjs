// eventsource-client: its onMessage callback; the lastEventId is the client's own at dispatch.
import { createEventSource } from 'eventsource-client';
import { url, emit, event, error } from './emit.mjs';

const source = createEventSource({
  url,
  onMessage: (message) => event(message.event ?? 'message', message.data, source.lastEventId ?? ''),
  onConnect: () => emit({ kind: 'open' }),
  onDisconnect: () => error('disconnected'),
});
