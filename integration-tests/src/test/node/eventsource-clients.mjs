// Many EventSource clients (the npm `eventsource` package, a WHATWG EventSource for Node) on seeded streams: each
// reconnects after the server's retry time with Last-Event-ID and stops for good on a 204 or any other non-200, as
// a browser does. Prints `progress {json}` lines every 200 ms and writes what every client received to a file when
// all have stopped or the deadline passed.
//
// node eventsource-clients.mjs <stream URL without seed> <clients> <first seed> <results file> <deadline seconds>
import { writeFileSync } from 'node:fs';
import { EventSource } from 'eventsource';

const [url, clientCount, firstSeed, resultsFile, deadlineSeconds] = process.argv.slice(2);
const EVENT_NAME = new URL(url).searchParams.get('event');

const clients = [];
for (let i = 0; i < Number(clientCount); i++) {
  const seed = Number(firstSeed) + i;
  const client = { seed, opens: 0, events: [], errors: [], closedWith: null };
  const source = new EventSource(`${url}&seed=${seed}`);
  source.addEventListener('open', () => client.opens++);
  source.addEventListener(EVENT_NAME, (event) => client.events.push({ id: event.lastEventId, data: event.data }));
  source.addEventListener('error', (event) => {
    client.errors.push(`${event.code ?? ''} ${event.message ?? ''}`.trim());
    if (source.readyState === EventSource.CLOSED) {
      client.closedWith = event.code ?? 'error';
    }
  });
  clients.push({ client, source });
}

const deadline = Date.now() + Number(deadlineSeconds) * 1000;
const ticker = setInterval(() => {
  const closed = clients.filter(({ source }) => source.readyState === EventSource.CLOSED).length;
  const progress = {
    open: clients.filter(({ source }) => source.readyState === EventSource.OPEN).length,
    closed,
    events: clients.reduce((sum, { client }) => sum + client.events.length, 0),
    opens: clients.reduce((sum, { client }) => sum + client.opens, 0),
  };
  console.log(`progress ${JSON.stringify(progress)}`);
  if (closed === clients.length || Date.now() > deadline) {
    clearInterval(ticker);
    clients.forEach(({ source }) => source.close());
    writeFileSync(resultsFile, JSON.stringify(clients.map(({ client }) => client)));
    console.log(closed === clients.length ? 'all clients stopped' : 'deadline passed');
  }
}, 200);
