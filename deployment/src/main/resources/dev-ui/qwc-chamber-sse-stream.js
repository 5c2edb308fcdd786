import { LitElement, html, css } from 'lit';
import { ssePath } from 'build-time-data';

const QUIRKS = 'bom, crlf, cr, mixed-newlines, multiline, no-space, extra-space, unknown-field, bare-field, comment, '
    + 'id-null, empty-id, retry-bogus, empty-data, trailing-partial, utf8';
// [name, default, hint, choices]: a text field, or with choices a select whose empty option shows the hint.
const PARAMETERS = [
    ['interval', '1s..5s', 'pause: 250ms, 2s, 100ms..2s, 0'],
    ['count', '', 'end after N events'],
    ['duration', '', 'end after: 30s'],
    ['delay', '', 'wait before headers: 2s'],
    ['event', '', 'event name'],
    ['data', '', 'fixed message'],
    ['seed', '', 'deterministic stream'],
    ['retry', '', 'reconnect delay, ms'],
    ['heartbeat', '', 'comment when idle: 5s'],
    ['padding', '', 'leading comment bytes'],
    ['fail_after', '', 'close cleanly after N'],
    ['drop_after', '', 'break connection after N'],
    ['status', '', 'answer with status'],
    ['quirk', '', 'crlf,comment,… (see tooltip)'],
    ['split', '', 'split: none', ['byte', 'line', 'mid-crlf', 'mid-utf8', 'random']],
    ['id_fault', '', 'id_fault: none', ['dup', 'skip', 'reorder']],
    ['id_fault_every', '', 'every Nth event: 10'],
    ['echo', '', 'echo: off', ['request']],
    ['stamp', '', 'stamp: off', ['1']],
    ['gzip', '', 'gzip: off', ['1']],
    ['accel_buffering', '', 'X-Accel-Buffering: no', ['omit']],
];
const MAX_ROWS = 200;

/** Plays the Chamber SSE stream in the Dev UI with the browser's own EventSource. */
export class QwcChamberSseStream extends LitElement {

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 12px; padding: 12px; }
        form { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 8px; }
        label { display: flex; flex-direction: column; font-size: var(--lumo-font-size-s, 0.875rem); gap: 2px; }
        input, select { font: inherit; padding: 4px 6px; border: 1px solid var(--lumo-contrast-30pct, #b0b7c3); border-radius: 4px;
                background: var(--lumo-base-color, #fff); color: var(--lumo-body-text-color, #1f2937); }
        .bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
        button { font: inherit; padding: 4px 12px; cursor: pointer; border-radius: 4px;
                 border: 1px solid var(--lumo-contrast-30pct, #b0b7c3); background: var(--lumo-contrast-5pct, #f1f3f6);
                 color: var(--lumo-body-text-color, #1f2937); }
        code.curl { flex: 1; padding: 4px 8px; background: var(--lumo-contrast-5pct, #f1f3f6); border-radius: 4px;
                    overflow-x: auto; white-space: nowrap; }
        table { border-collapse: collapse; font-family: var(--lumo-font-family-monospace, monospace);
                font-size: var(--lumo-font-size-s, 0.875rem); }
        td, th { text-align: left; padding: 2px 8px; border-bottom: 1px solid var(--lumo-contrast-10pct, #e3e6eb); }
        .note td { color: var(--lumo-secondary-text-color, #6b7280); font-style: italic; }
        .error td { color: var(--lumo-error-text-color, #b91c1c); }
    `;

    static properties = {
        _values: { state: true },
        _rows: { state: true },
        _state: { state: true },
        _count: { state: true },
    };

    constructor() {
        super();
        this._values = Object.fromEntries(PARAMETERS.map(([name, fallback]) => [name, fallback]));
        this._rows = [];
        this._state = 'stopped';
        this._count = 0;
        this._source = null;
        this._previousArrival = null;
    }

    disconnectedCallback() {
        this._stop();
        super.disconnectedCallback();
    }

    render() {
        return html`
            <form @input=${this._changed} @submit=${e => { e.preventDefault(); this._start(); }}>
                ${PARAMETERS.map(([name, , hint, choices]) => html`
                    <label>${name}
                        ${choices
                            ? html`<select name=${name}>
                                  <option value="" ?selected=${this._values[name] === ''}>${hint}</option>
                                  ${choices.map(choice => html`
                                      <option ?selected=${this._values[name] === choice}>${choice}</option>`)}
                              </select>`
                            : html`<input name=${name} .value=${this._values[name]} placeholder=${hint}
                                      title=${name === 'quirk' ? 'comma-separated: ' + QUIRKS : hint}>`}
                    </label>`)}
            </form>
            <div class="bar">
                <button @click=${this._start}>Start</button>
                <button @click=${this._stop}>Stop</button>
                <button @click=${() => { this._rows = []; this._count = 0; }}>Clear</button>
                <span>${this._state} · ${this._count} events</span>
            </div>
            <div class="bar">
                <code class="curl">${this._curl()}</code>
                <button @click=${() => navigator.clipboard.writeText(this._curl())}>Copy curl</button>
                <a href=${ssePath + '/expected' + (this._query() ? '?' + this._query() : '')} target="_blank"
                   title="what a conforming EventSource must dispatch; needs seed and count">Manifest</a>
            </div>
            <table>
                <thead><tr><th>arrived</th><th>+ms</th><th>id</th><th>event</th><th>message</th><th>elapsed</th></tr></thead>
                <tbody>${this._rows.map(row => row.note
                    ? html`<tr class=${row.kind}><td>${row.time}</td><td colspan="5">${row.note}</td></tr>`
                    : html`<tr><td>${row.time}</td><td>${row.delta}</td><td>${row.id}</td><td>${row.event}</td>
                           <td>${row.message}</td><td>${row.elapsed}</td></tr>`)}
                </tbody>
            </table>`;
    }

    _changed(e) {
        this._values = { ...this._values, [e.target.name]: e.target.value.trim() };
    }

    _query() {
        const query = new URLSearchParams();
        for (const [name, value] of Object.entries(this._values)) {
            if (value !== '') {
                query.set(name, value);
            }
        }
        // a comma means the same to the server plain or as %2C; plain keeps quirk lists readable
        return query.toString().replaceAll('%2C', ',');
    }

    _url() {
        const query = this._query();
        return ssePath + (query ? '?' + query : '');
    }

    _curl() {
        const compressed = this._values.gzip === '1' ? ' --compressed' : '';
        return `curl -N${compressed} '${new URL(this._url(), window.location.origin)}'`;
    }

    _start() {
        this._stop();
        const source = new EventSource(this._url());
        this._source = source;
        this._state = 'connecting';
        this._previousArrival = null;
        const eventName = this._values.event || 'random';
        source.onopen = () => { this._state = 'open'; this._note('info', 'connected'); };
        for (const type of new Set([eventName, 'message', 'request'])) {
            source.addEventListener(type, e => this._event(e));
        }
        source.onerror = () => {
            if (source.readyState === EventSource.CLOSED) {
                this._state = 'closed';
                this._note('error', 'stream closed by the browser (error status or 204)');
            } else {
                this._state = 'reconnecting';
                this._note('note', `connection lost; reconnecting with Last-Event-ID ${this._lastId ?? '(none)'}`);
            }
        };
    }

    _stop() {
        if (this._source) {
            this._source.close();
            this._source = null;
            this._state = 'stopped';
        }
    }

    _event(e) {
        const now = performance.now();
        let payload = {};
        try { payload = JSON.parse(e.data); } catch (ignored) { payload = { message: e.data }; }
        if (e.type === 'request') {
            // echo=request: the request as the server saw it
            payload = { message: `${payload.method} ${payload.target} ${payload.httpVersion} from ${payload.remoteAddress}` };
        }
        this._lastId = e.lastEventId;
        this._count++;
        this._add({
            time: new Date().toLocaleTimeString(),
            delta: this._previousArrival === null ? '' : Math.round(now - this._previousArrival),
            id: e.lastEventId, event: e.type, message: payload.message, elapsed: payload.elapsed,
        });
        this._previousArrival = now;
    }

    _note(kind, note) {
        this._add({ time: new Date().toLocaleTimeString(), kind, note });
    }

    _add(row) {
        this._rows = [row, ...this._rows].slice(0, MAX_ROWS);
    }
}
customElements.define('qwc-chamber-sse-stream', QwcChamberSseStream);
