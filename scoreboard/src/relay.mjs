// The recording loopback relay in front of the server: every request a client makes is forwarded as it is and its
// answer streamed back write by write (so the lab's splits still arrive as separate reads), and the relay records
// each connection: its Last-Event-ID, when it started, its status, and when its response ended. After a case's
// planned connections it answers 204 itself, so every case ends with the stop a client must obey.
// It also serves the browser harness page and the browser libraries, so they share the stream's origin.
// Every case has a path prefix of its own (/case-N/...): a request of an earlier case's client that outlived its
// case (a page the driver could not close in time) is answered 404 and recorded nowhere.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const STATIC = {
  '/harness/page.html': [path.join(HERE, '../clients/browser/page.html'), 'text/html'],
  '/lib/sse.js': [path.join(HERE, '../node_modules/sse.js/lib/sse.js'), 'text/javascript'],
  '/lib/event-source-polyfill.js': [path.join(HERE, '../node_modules/event-source-polyfill/src/eventsource.js'),
    'text/javascript'],
  '/lib/reconnecting-eventsource.js': [path.join(HERE,
    '../node_modules/reconnecting-eventsource/build/esm/reconnecting-eventsource.js'), 'text/javascript'],
};

export class Relay {
  /** @param {URL} upstream the server's base URL */
  constructor(upstream) {
    this.upstream = upstream;
    this.plannedConnections = Infinity;
    this.connections = [];
    this.sockets = new Set();
    this.server = http.createServer((request, response) => this.handle(request, response));
    this.server.on('connection', (socket) => {
      socket.setNoDelay(true);
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start() {
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = new URL(`http://127.0.0.1:${this.server.address().port}/`);
    return this;
  }

  /**
   * Forgets the last case's connections; the next case forwards {@code planned} connections, then answers 204.
   *
   * @return the base URL of the new case
   */
  reset(planned) {
    this.plannedConnections = planned;
    this.connections = [];
    this.onChange = null;
    this.prefix = `/case-${(this.cases = (this.cases ?? 0) + 1)}`;
    return new URL(`${this.prefix}/`, this.base);
  }

  /** Ends every open connection (between two cases: nothing of one case may reach the next). */
  dropAll() {
    for (const socket of this.sockets) {
      socket.destroy();
    }
  }

  async stop() {
    this.dropAll();
    await new Promise((resolve) => this.server.close(resolve));
  }

  async handle(request, response) {
    const url = new URL(request.url, this.base);
    if (!url.pathname.startsWith(`${this.prefix}/`)) {
      response.writeHead(404).end();
      return;
    }
    const target = request.url.slice(this.prefix.length);
    const served = STATIC[url.pathname.slice(this.prefix.length)];
    if (served) {
      response.writeHead(200, { 'Content-Type': served[1], 'Cache-Control': 'no-store' });
      response.end(await readFile(served[0]));
      return;
    }
    const connection = {
      lastEventId: request.headers['last-event-id'] ?? null,
      acceptEncoding: request.headers['accept-encoding'] ?? null,
      startedAt: performance.now(),
      status: null,
      endedAt: null,
    };
    this.connections.push(connection);
    const changed = () => this.onChange?.(connection);
    if (this.connections.length > this.plannedConnections) {
      connection.status = 204;
      connection.endedAt = performance.now();
      response.writeHead(204).end();
      changed();
      return;
    }
    const headers = { ...request.headers, host: this.upstream.host };
    const upstream = http.request(new URL(target.slice(1), this.upstream), { method: request.method, headers },
      (answer) => {
        connection.status = answer.statusCode;
        response.writeHead(answer.statusCode, answer.headers);
        response.flushHeaders();
        answer.on('data', (chunk) => response.write(chunk));
        answer.on('end', () => {
          connection.endedAt = performance.now();
          response.end();
          changed();
        });
        answer.on('close', () => {
          if (!answer.complete) {
            // drop_after: the server dropped the connection, so the client's is dropped too, after what was read
            connection.endedAt = performance.now();
            connection.dropped = true;
            response.socket?.end();
            changed();
          }
        });
        changed();
      });
    upstream.on('error', () => {
      if (connection.endedAt === null) {
        connection.endedAt = performance.now();
        connection.dropped = true;
        response.socket?.end();
        changed();
      }
    });
    request.on('close', () => {
      if (!response.writableFinished) {
        upstream.destroy();
      }
    });
    upstream.end();
  }
}
