// Live viewer for the app's Chamber SSE endpoint, built on the browser's own EventSource.
'use strict';

const MAX_ROWS = 200;
// How long the form stays unchanged before the page asks the server whether it has a manifest for it.
const MANIFEST_CHECK_DELAY_MS = 250;
const READY_STATES = ['connecting', 'open', 'closed'];
// The page's layout: these parameters in these groups, in this order. Every other field of the server's form goes
// into the conformance lab, so a new parameter appears there without a change here.
const GROUPS = [
  ['Stream', ['event', 'data', 'interval', 'seed']],
  ['Limits', ['count', 'duration', 'delay', 'status']],
  ['Connection', ['retry', 'retry_in', 'heartbeat', 'padding', 'fail_after', 'drop_after']],
];

const form = document.querySelector('[data-testid="parameters"]');
const stopButton = document.querySelector('[data-testid="stop"]');
const clearButton = document.querySelector('[data-testid="clear"]');
const stateView = document.querySelector('[data-testid="state"]');
const eventCountView = document.querySelector('[data-testid="event-count"]');
const reconnectCountView = document.querySelector('[data-testid="reconnect-count"]');
const lastEventIdView = document.querySelector('[data-testid="last-event-id"]');
const curlView = document.querySelector('[data-testid="curl-command"]');
const manifestLink = document.querySelector('[data-testid="manifest-link"]');
const manifestRefusal = document.querySelector('[data-testid="manifest-refusal"]');
const manifestHint = document.querySelector('[data-testid="manifest-hint"]');
const fields = document.querySelector('[data-testid="fields"]');
const endpointView = document.querySelector('[data-testid="endpoint"]');
const log = document.querySelector('[data-testid="log"]');

// Where the running app serves the stream and the event name it gives events that set none (GET demo/stream).
let endpoint = null;
let configuredEventName = null;
let source = null;
let manifestCheck = null;
let eventCount = 0;
// Events of the current stream only, which the counters shown keep adding up across streams until Clear.
let streamEventCount = 0;
let reconnectCount = 0;
let lastEventId = '';
// The Last-Event-ID the browser sends on its pending reconnect, or null when none is pending.
let reconnectingWith = null;

// The form as a query string; the ticked quirks make one comma-separated quirk parameter.
function queryString() {
  const values = new Map();
  for (const [name, value] of new FormData(form)) {
    if (value.trim() !== '') {
      values.set(name, values.has(name) ? values.get(name) + ',' + value.trim() : value.trim());
    }
  }
  // A comma means the same to the server written plain or as %2C; plain keeps quirk lists readable.
  return new URLSearchParams([...values]).toString().replaceAll('%2C', ',');
}

function withQuery(path) {
  const query = queryString();
  return path + (query ? '?' + query : '');
}

function streamUrl() {
  return withQuery(endpoint.pathname);
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

// A field of the server's form (ParameterForm): a text field; a box per choice for a list; a box for the one
// choice besides leaving it out; a select otherwise, whose first option leaves the parameter out.
function control({ name, placeholder, help, choices, multiple }) {
  if (multiple) {
    return element('div', { class: 'quirks', role: 'group', 'aria-label': name, title: help }, element('span', {}, name),
      ...choices.map((choice) => element('label', {},
        element('input', { type: 'checkbox', name, value: choice }), ' ' + choice)));
  }
  if (choices.length === 2) {
    return element('label', { title: help }, element('input', { type: 'checkbox', name, value: choices[1] }),
      ` ${name}=${choices[1]}`);
  }
  if (choices.length > 2) {
    return element('label', { title: help }, name + ' ', element('select', { name },
      element('option', { value: '' }, choices[0]), ...choices.slice(1).map((choice) => element('option', {}, choice))));
  }
  return element('label', {}, name + ' ', element('input', { name, placeholder, title: help }));
}

async function buildForm() {
  const parameters = await (await fetch('demo/parameters', { cache: 'no-store' })).json();
  const byName = new Map(parameters.map((field) => [field.name, field]));
  for (const [legend, names] of GROUPS) {
    fields.append(element('fieldset', {}, element('legend', {}, legend),
      ...names.filter((name) => byName.has(name)).map((name) => control(byName.get(name)))));
    names.forEach((name) => byName.delete(name));
  }
  const lab = [...byName.values()];
  fields.append(element('fieldset', { class: 'lab', 'data-testid': 'lab' }, element('legend', {}, 'Conformance lab'),
    ...lab.filter((field) => field.multiple).map(control),
    element('div', { class: 'lab-fields' }, ...lab.filter((field) => !field.multiple).map(control))));
}

async function learnEndpoint() {
  // In dev mode this request also applies a changed configuration before it is answered.
  const { path, eventName } = await (await fetch('demo/stream', { cache: 'no-store' })).json();
  endpoint = new URL(path, document.baseURI);
  configuredEventName = eventName;
  endpointView.textContent = endpoint.pathname;
  form.elements.event.placeholder = `default: ${eventName}`;
}

function showCurlCommand() {
  if (!endpoint) {
    return;
  }
  const compressed = form.elements.gzip?.value === '1' ? ' --compressed' : '';
  curlView.textContent = `curl -N${compressed} '${endpoint.origin}${streamUrl()}'`;
  clearTimeout(manifestCheck);
  manifestCheck = setTimeout(showManifestLink, MANIFEST_CHECK_DELAY_MS, withQuery(endpoint.pathname + '/expected'));
}

// The link only when the server would give this form a manifest; otherwise why not, in the server's words, or, while
// the form has no seed or no count, a note of what they give.
async function showManifestLink(url) {
  let refusal = '';
  let needsSeedOrCount = false;
  try {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) {
      const problem = await problemOf(response);
      needsSeedOrCount = ['seed', 'count'].includes(problem.parameter) && !form.elements[problem.parameter].value.trim();
      refusal = needsSeedOrCount ? '' : `No manifest: ${problem.detail}`;
    }
  } catch (error) {
    refusal = `No manifest: the server could not be reached (${error.message})`;
  }
  if (url !== withQuery(endpoint.pathname + '/expected')) {
    return; // the form changed meanwhile, and another check is due
  }
  manifestLink.href = url;
  manifestLink.hidden = refusal !== '' || needsSeedOrCount;
  manifestHint.hidden = !needsSeedOrCount;
  manifestRefusal.hidden = refusal === '';
  manifestRefusal.textContent = refusal;
}

async function problemDetail(response) {
  return (await problemOf(response)).detail;
}

// The refusal's parameter (or null) and detail.
async function problemOf(response) {
  if (response.headers.get('Content-Type')?.includes('json')) {
    const problem = await response.json();
    return { parameter: problem.parameter ?? null, detail: problem.detail ?? problem.title ?? response.statusText };
  }
  return { parameter: null, detail: response.statusText || 'no explanation' };
}

function showState(state = source ? READY_STATES[source.readyState] : 'closed') {
  stateView.textContent = state;
  stateView.dataset.state = state;
  stopButton.disabled = !source;
}

function showCounters() {
  eventCountView.textContent = eventCount;
  reconnectCountView.textContent = reconnectCount;
  lastEventIdView.textContent = lastEventId || '–';
}

function arrivalTime() {
  return new Date().toISOString().slice(11, 23);
}

function addRow(cells, attributes) {
  const row = document.createElement('tr');
  for (const [name, value] of Object.entries(attributes)) {
    row.setAttribute(name, value);
  }
  for (const text of cells) {
    const cell = document.createElement('td');
    cell.textContent = text;
    row.append(cell);
  }
  log.prepend(row);
  while (log.rows.length > MAX_ROWS) {
    log.lastElementChild.remove();
  }
  return row;
}

function addNote(kind, text, attributes = {}) {
  const row = addRow([arrivalTime(), text], { 'data-testid': kind + '-row', class: kind, ...attributes });
  row.cells[1].colSpan = 5;
}

// echo=request: the request as the server saw it, on one line.
function describeRequest({ method, target, httpVersion, remoteAddress, headers }) {
  return `${method} ${target} ${httpVersion} from ${remoteAddress} · `
    + headers.map(([name, value]) => `${name}: ${value}`).join(' · ');
}

function onEvent(event) {
  let message = event.data;
  let elapsed = '';
  let delay = '';
  try {
    const payload = JSON.parse(event.data);
    if (event.type === 'request') {
      message = describeRequest(payload);
    } else {
      message = payload.message;
      elapsed = payload.elapsed.toFixed(6);
      if (payload.sent !== undefined) {
        delay = (Date.now() - payload.sent / 1000).toFixed(1);
      }
    }
  } catch {
    // not our JSON payload: show the data as it came
  }
  eventCount++;
  streamEventCount++;
  lastEventId = event.lastEventId;
  addRow([arrivalTime(), event.lastEventId, event.type, message, elapsed, delay],
    { 'data-testid': 'event-row', 'data-id': event.lastEventId, 'data-event': event.type, class: 'event' });
  showCounters();
}

function onOpen() {
  if (reconnectingWith !== null) {
    reconnectCount++;
    addNote('reconnect', `reconnected, sent Last-Event-ID: ${reconnectingWith || '(none)'}`,
      { 'data-last-event-id': reconnectingWith });
    reconnectingWith = null;
  } else {
    addNote('info', `connected to ${streamUrl()}`);
  }
  showState();
  showCounters();
}

function onError() {
  if (source.readyState === EventSource.CONNECTING) {
    // The browser retries on its own and sends the id of the last event it received.
    reconnectingWith = lastEventId;
    addNote('drop', `connection lost, reconnecting with Last-Event-ID: ${lastEventId || '(none)'}`);
  } else {
    explainEnd(source.url);
    source = null;
  }
  showState();
}

// EventSource hides why it gave up; the same request once more with fetch shows the status and problem detail.
async function explainEnd(url) {
  const headers = lastEventId ? { 'Last-Event-ID': lastEventId } : {};
  const aborter = new AbortController();
  try {
    const response = await fetch(url, { headers, signal: aborter.signal });
    const status = { 'data-status': response.status };
    if (response.status === 204) {
      addNote('end', streamEventCount > 0
        ? 'finished: the stream ended and its reconnect was answered 204 No Content, so EventSource stops'
        : 'finished: the server answered 204 No Content, so EventSource stops', status);
    } else if (response.ok) {
      addNote('error', 'closed: EventSource gave up, though the same request answers now HTTP '
        + `${response.status} with Content-Type ${response.headers.get('Content-Type')}`, status);
    } else {
      addNote('error', `HTTP ${response.status} ${response.statusText}: ${await problemDetail(response)}`, status);
    }
    aborter.abort();
  } catch (error) {
    addNote('error', `closed: the server could not be reached (${error.message})`);
  }
}

async function start() {
  stop();
  showState('connecting');
  try {
    await learnEndpoint();
  } catch (error) {
    addNote('error', `the app could not be asked where its stream is (${error.message})`);
    showState();
    return;
  }
  showCurlCommand();
  // An EventSource dispatches an event only to listeners of its type: every type this request can get.
  const types = [form.elements.event.value.trim() || configuredEventName, 'message'];
  if (form.elements.echo.checked) {
    types.push('request');
  }
  streamEventCount = 0;
  source = new EventSource(streamUrl());
  for (const type of new Set(types)) {
    source.addEventListener(type, onEvent);
  }
  source.addEventListener('open', onOpen);
  source.addEventListener('error', onError);
  reconnectingWith = null;
  history.replaceState(null, '', '?' + queryString());
  showState();
}

function stop() {
  if (source) {
    source.close();
    source = null;
    addNote('info', 'stopped');
  }
  showState();
}

function clear() {
  log.replaceChildren();
  eventCount = 0;
  reconnectCount = 0;
  lastEventId = '';
  showCounters();
}

// The page's own query string fills the form, so a viewer URL can be shared.
function fillFromLocation() {
  for (const [name, value] of new URLSearchParams(location.search)) {
    const boxes = form.querySelectorAll(`input[type="checkbox"][name="${CSS.escape(name)}"]`);
    if (boxes.length > 0) {
      const chosen = value.split(',').map((choice) => choice.trim());
      boxes.forEach((box) => { box.checked = chosen.includes(box.value); });
    } else if (form.elements[name]) {
      form.elements[name].value = value;
    }
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  start();
});
form.addEventListener('input', showCurlCommand);
form.addEventListener('change', showCurlCommand);
stopButton.addEventListener('click', stop);
clearButton.addEventListener('click', clear);
showState();
buildForm()
  .then(fillFromLocation, (error) => addNote('error', `the app could not be asked for its parameters (${error.message})`))
  .then(learnEndpoint)
  .then(showCurlCommand);
