// What every harness prints, one JSON object a line on stdout:
//   {"kind":"event","type":...,"data":...,"lastEventId":...}   an event the client dispatched to the application
//   {"kind":"open"}                                             a connection opened (where the client tells)
//   {"kind":"error","message":...}                              an error the client reported (it may go on)
//   {"kind":"closed"}                                           the client gave up for good
// Usage of a harness: node <harness> <stream URL> [event types, comma-separated; default message]
export const url = process.argv[2];
export const types = (process.argv[3] ?? 'message').split(',');

export function emit(line) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

export function event(type, data, lastEventId) {
  emit({ kind: 'event', type, data, lastEventId });
}

export function error(message) {
  emit({ kind: 'error', message: String(message?.message ?? message) });
}

// A client may wait for its reconnect on an unreferenced timer: the harness lives until the driver ends it.
setInterval(() => {}, 60_000);
