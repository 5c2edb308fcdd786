import { QwcHotReloadElement, html, css } from 'qwc-hot-reload-element';
import { ssePath, parameterForm } from 'build-time-data';
import '@vaadin/button';
import '@vaadin/select';
import '@vaadin/text-field';

// The form, from the server's parameter catalog (ParameterForm): {name, placeholder, help, choices, multiple}; a field
// with choices is a select whose first choice leaves the parameter out, unless multiple (a comma-separated list).
const PARAMETERS = parameterForm;
const MAX_ROWS = 200;
// What the form needs for a manifest: said as a note while it lacks a seed or a count, the normal state of a play.
const MANIFEST_HINT = 'Add a seed and a count for a manifest: the events a conforming EventSource must dispatch from '
    + 'this stream, the same on every run.';
// How long the form stays unchanged before the page asks the server whether it has a manifest for it.
const MANIFEST_CHECK_DELAY_MS = 250;
// How often, and how far apart, Start asks for the event name while the app does not answer (a dev-mode restart).
const LEARN_ATTEMPTS = 60;
const LEARN_RETRY_DELAY_MS = 500;

/** Plays the Chamber SSE stream in the Dev UI with the browser's own EventSource. */
export class QwcChamberSseStream extends QwcHotReloadElement {

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 12px; padding: 12px; }
        form { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 0 8px; }
        .bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
        code.curl { flex: 1; padding: 4px 8px; background: var(--lumo-contrast-5pct); border-radius: 4px;
                    white-space: pre-wrap; overflow-wrap: anywhere; }
        .refusal { color: var(--lumo-error-text-color); }
        .hint { color: var(--lumo-secondary-text-color); }
        table { border-collapse: collapse; font-family: var(--lumo-font-family-monospace, monospace);
                font-size: var(--lumo-font-size-s); }
        td, th { text-align: left; padding: 2px 8px; border-bottom: 1px solid var(--lumo-contrast-10pct); }
        .note td { color: var(--lumo-secondary-text-color); font-style: italic; }
        .end td { color: var(--lumo-success-text-color); }
        .error td { color: var(--lumo-error-text-color); }
    `;

    static properties = {
        _values: { state: true },
        _rows: { state: true },
        _state: { state: true },
        _count: { state: true },
        _eventName: { state: true },
        _manifest: { state: true },
    };

    constructor() {
        super();
        this._values = Object.fromEntries(PARAMETERS.map(({ name }) => [name, '']));
        this._rows = [];
        this._state = 'stopped';
        this._count = 0;
        this._eventName = null;
        this._manifest = { url: null, refusal: null, hint: null };
        this._source = null;
        this._previousArrival = null;
        this._manifestCheck = null;
    }

    connectedCallback() {
        super.connectedCallback();
        this._learnEventName().catch(() => {});
        this._checkManifest();
    }

    disconnectedCallback() {
        this._stop();
        clearTimeout(this._manifestCheck);
        super.disconnectedCallback();
    }

    hotReload() {
        this._learnEventName().catch(() => {});
        this._checkManifest();
    }

    render() {
        return html`
            <form @submit=${e => { e.preventDefault(); this._start(); }}>
                ${PARAMETERS.map(({ name, placeholder, help: tooltip, choices, multiple }) => choices.length && !multiple
                    ? html`<vaadin-select label=${name} name=${name} title=${tooltip}
                               .items=${choices.map(choice => ({ label: choice, value: choice }))}
                               .value=${this._values[name] || choices[0]}
                               @value-changed=${e => this._set(name, e.detail.value === choices[0] ? '' : e.detail.value)}>
                           </vaadin-select>`
                    : html`<vaadin-text-field label=${name} name=${name} title=${tooltip} clear-button-visible
                               placeholder=${name === 'event' && this._eventName ? 'default: ' + this._eventName : placeholder}
                               .value=${this._values[name]}
                               @value-changed=${e => this._set(name, e.detail.value.trim())}></vaadin-text-field>`)}
                <button type="submit" hidden></button>
            </form>
            <div class="bar">
                <vaadin-button theme="primary" @click=${this._start}>Start</vaadin-button>
                <vaadin-button @click=${this._stop}>Stop</vaadin-button>
                <vaadin-button @click=${() => { this._rows = []; this._count = 0; }}>Clear</vaadin-button>
                <span class="state">${this._state} · ${this._count} events</span>
            </div>
            <div class="bar">
                <code class="curl">${this._curl()}</code>
                <vaadin-button @click=${() => navigator.clipboard.writeText(this._curl())}>Copy curl</vaadin-button>
                ${this._manifest.url
                    ? html`<a class="manifest" href=${this._manifest.url} target="_blank"
                              title="what a conforming EventSource must dispatch from this stream">Manifest</a>`
                    : this._manifest.hint
                        ? html`<span class="hint">${this._manifest.hint}</span>`
                        : html`<span class="refusal">${this._manifest.refusal ?? ''}</span>`}
            </div>
            <table>
                <thead><tr><th>arrived</th><th>+ms</th><th>id</th><th>event</th><th>message</th><th>elapsed</th></tr></thead>
                <tbody>${this._rows.map(row => row.note
                    ? html`<tr class=${row.kind} data-status=${row.status ?? ''}><td>${row.time}</td><td colspan="5">${row.note}</td></tr>`
                    : html`<tr class="event"><td>${row.time}</td><td>${row.delta}</td><td>${row.id}</td><td>${row.event}</td>
                           <td>${row.message}</td><td>${row.elapsed}</td></tr>`)}
                </tbody>
            </table>`;
    }

    _set(name, value) {
        if (this._values[name] !== value) {
            this._values = { ...this._values, [name]: value };
            this._checkManifest();
        }
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

    _url(path = ssePath) {
        const query = this._query();
        return path + (query ? '?' + query : '');
    }

    _curl() {
        const compressed = this._values.gzip === '1' ? ' --compressed' : '';
        return `curl -N${compressed} '${new URL(this._url(), window.location.origin)}'`;
    }

    /**
     * The event name the running app gives events that set none, from the manifest of a one-event stream. An HTTP
     * request, so in dev mode a changed quarkus.chamber.sse.event-name is applied before it is answered.
     */
    async _learnEventName() {
        for (let attempt = 1; ; attempt++) {
            try {
                const response = await fetch(`${ssePath}/expected?seed=1&count=1`, { cache: 'no-store' });
                if (response.ok) {
                    this._eventName = (await response.json()).events[0].type;
                    return this._eventName;
                }
                if (attempt === LEARN_ATTEMPTS) {
                    throw new Error(`HTTP ${response.status}`);
                }
            } catch (error) {
                if (attempt === LEARN_ATTEMPTS) {
                    throw error;
                }
            }
            // the app may be restarting for a change: ask again
            await new Promise(resolve => setTimeout(resolve, LEARN_RETRY_DELAY_MS));
        }
    }

    /** The Manifest link only when the server would give this form one; otherwise why not, in the server's words. */
    _checkManifest() {
        clearTimeout(this._manifestCheck);
        this._manifestCheck = setTimeout(async () => {
            const url = this._url(ssePath + '/expected');
            let manifest = { url, refusal: null, hint: null };
            try {
                const response = await fetch(url, { cache: 'no-store' });
                if (!response.ok) {
                    const problem = await problemOf(response);
                    manifest = needsSeedOrCount(problem, this._values)
                        ? { url: null, refusal: null, hint: MANIFEST_HINT }
                        : { url: null, refusal: `No manifest: ${problem.detail}`, hint: null };
                }
            } catch (error) {
                manifest = { url: null, refusal: `No manifest: the server could not be reached (${error.message})`,
                    hint: null };
            }
            if (url === this._url(ssePath + '/expected')) {
                this._manifest = manifest;
            }
        }, MANIFEST_CHECK_DELAY_MS);
    }

    async _start() {
        this._stop();
        this._state = 'connecting';
        this._lastId = '';
        this._streamEvents = 0;
        let eventName = this._values.event;
        if (!eventName) {
            try {
                eventName = await this._learnEventName();
            } catch (error) {
                this._note('error', `the event name of the running app is unknown (${error.message}); `
                    + `listening for ${this._eventName}`);
                eventName = this._eventName;
            }
        }
        // An EventSource dispatches an event only to the listeners of its type: every type this request can get.
        const types = new Set([eventName, 'message']);
        if (this._values.echo) {
            types.add('request');
        }
        const source = new EventSource(this._url());
        this._source = source;
        this._previousArrival = null;
        source.onopen = () => { this._state = 'open'; this._note('info', 'connected'); };
        for (const type of types) {
            source.addEventListener(type, e => this._event(e));
        }
        source.onerror = () => {
            if (source.readyState === EventSource.CLOSED) {
                this._source = null;
                this._explainEnd(source.url);
            } else {
                this._state = 'reconnecting';
                this._note('note', `connection lost; reconnecting with Last-Event-ID ${this._lastId || '(none)'}`);
            }
        };
    }

    /** EventSource hides why it gave up; the same request once more with fetch shows the status and problem. */
    async _explainEnd(url) {
        const aborter = new AbortController();
        try {
            const response = await fetch(url, {
                headers: this._lastId ? { 'Last-Event-ID': this._lastId } : {}, signal: aborter.signal });
            if (response.status === 204) {
                this._state = 'finished';
                this._note('end', this._streamEvents > 0
                    ? 'finished: the stream ended and its reconnect was answered 204 No Content, so EventSource stops'
                    : 'finished: the server answered 204 No Content, so EventSource stops', 204);
            } else if (response.ok) {
                this._state = 'failed';
                this._note('error', 'closed: EventSource gave up, though the same request answers now HTTP '
                    + `${response.status} with Content-Type ${response.headers.get('Content-Type')}`, response.status);
            } else {
                this._state = 'failed';
                this._note('error', `HTTP ${response.status} ${response.statusText}: ${await problemDetail(response)}`,
                    response.status);
            }
            aborter.abort();
        } catch (error) {
            this._state = 'failed';
            this._note('error', `closed: the server could not be reached (${error.message})`);
        }
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
        this._streamEvents++;
        this._add({
            time: new Date().toLocaleTimeString(),
            delta: this._previousArrival === null ? '' : Math.round(now - this._previousArrival),
            id: e.lastEventId, event: e.type, message: payload.message, elapsed: payload.elapsed,
        });
        this._previousArrival = now;
    }

    _note(kind, note, status) {
        this._add({ time: new Date().toLocaleTimeString(), kind, note, status });
    }

    _add(row) {
        this._rows = [row, ...this._rows].slice(0, MAX_ROWS);
    }
}

async function problemDetail(response) {
    return (await problemOf(response)).detail;
}

/** The refusal's parameter (or null) and detail. */
async function problemOf(response) {
    if (response.headers.get('Content-Type')?.includes('json')) {
        const problem = await response.json();
        return { parameter: problem.parameter ?? null, detail: problem.detail ?? problem.title ?? response.statusText };
    }
    return { parameter: null, detail: response.statusText || 'no explanation' };
}

/** True when the manifest is refused only because the form has no seed or no count yet: a normal state. */
function needsSeedOrCount(problem, values) {
    return (problem.parameter === 'seed' || problem.parameter === 'count') && !values[problem.parameter];
}

customElements.define('qwc-chamber-sse-stream', QwcChamberSseStream);
