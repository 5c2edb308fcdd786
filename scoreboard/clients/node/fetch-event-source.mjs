// @microsoft/fetch-event-source as its README has it: onclose throws to have it retry (it stops at the end of a
// response otherwise), onerror returns to retry. It wants a browser's window and document: Node's globals stand in.
import { url, emit, event, error } from './emit.mjs';

globalThis.window = globalThis;
globalThis.document = { hidden: false, addEventListener() {}, removeEventListener() {} };
const { fetchEventSource } = await import('@microsoft/fetch-event-source');

let lastEventId = '';
await fetchEventSource(url, {
  openWhenHidden: true,
  onopen: async (response) => {
    emit({ kind: 'open', status: response.status });
    if (!response.ok || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
      throw new Error(`status ${response.status}, content-type ${response.headers.get('content-type')}`);
    }
  },
  onmessage: (message) => {
    lastEventId = message.id ?? lastEventId;
    event(message.event || 'message', message.data, lastEventId);
  },
  onclose: () => {
    throw new Error('the response ended');
  },
  onerror: (failure) => {
    error(failure);
  },
}).catch((failure) => {
  error(failure);
  emit({ kind: 'closed' });
});
