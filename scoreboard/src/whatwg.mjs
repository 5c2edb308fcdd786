// The sentence of the standard that decides each kind of failure: the WHATWG HTML standard, "Server-sent events"
// (https://html.spec.whatwg.org/multipage/server-sent-events.html), and RFC 9110 for the content coding.
export const RULES = {
  bom: 'The UTF-8 decode algorithm strips one leading UTF-8 Byte Order Mark (BOM), if any. (Streams must be decoded using the UTF-8 decode algorithm.)',
  lineEnds: 'The stream must then be parsed by reading everything line by line, with a U+000D CARRIAGE RETURN U+000A LINE FEED (CRLF) character pair, a single U+000A LINE FEED (LF) character not preceded by a U+000D CARRIAGE RETURN (CR) character, and a single U+000D CARRIAGE RETURN (CR) character not followed by a U+000A LINE FEED (LF) character being the ways in which a line can end.',
  utf8: 'Streams must be decoded using the UTF-8 decode algorithm.',
  dataField: 'If the field name is "data": Append the field value to the data buffer, then append a single U+000A LINE FEED (LF) character to the data buffer.',
  space: 'Collect the characters on the line after the first U+003A COLON character (:), and let value be that string. If value starts with a U+0020 SPACE character, remove it from value.',
  unknownField: 'Otherwise: The field is ignored.',
  bareField: 'Otherwise, the string is not empty but does not contain a U+003A COLON character (:): Process the field using the steps described below, using the whole line as the field name, and the empty string as the field value.',
  comment: 'If the line starts with a U+003A COLON character (:): Ignore the line.',
  idNull: 'If the field name is "id": If the field value does not contain U+0000 NULL, then set the last event ID buffer to the field value. Otherwise, ignore the field.',
  emptyId: 'If the field name is "id": If the field value does not contain U+0000 NULL, then set the last event ID buffer to the field value. (An empty value sets it to the empty string: the next reconnect sends no Last-Event-ID.)',
  retry: 'If the field name is "retry": If the field value consists of only ASCII digits, then interpret the field value as an integer in base ten, and set the event stream\'s reconnection time to that integer. Otherwise, ignore the field.',
  emptyData: 'If the data buffer is an empty string, set the data buffer and the event type buffer to the empty string and return.',
  eventType: 'Set the data buffer and the event type buffer to the empty string. (After every dispatch, and after a block without data: the next event is a "message" unless it names its own type.)',
  endOfFile: 'Once the end of the file is reached, any pending data must be discarded. (If the file ends in the middle of an event, before the final empty line, the incomplete event is not dispatched.)',
  dispatch: 'If the line is empty (a blank line): Dispatch the event, as defined below. (Not before: a read that ends in the middle of a line or an event dispatches nothing.)',
  lastEventId: 'Set the last event ID string of the event source to the value of the last event ID buffer. The buffer does not get reset, so the last event ID string of the event source remains set to this value until the next time it is set by the server.',
  reconnectHeader: 'If lastEventIDValue is not the empty string, then: Set (`Last-Event-ID`, lastEventIDValue) in request\'s header list.',
  reconnect: 'When a user agent is to reestablish the connection, the user agent must run the following steps: [...] Wait a delay equal to the reconnection time of the event source. [...] Fetch the event source resource again.',
  reconnectDelay: 'Wait a delay equal to the reconnection time of the event source. (The reconnection time is what the last valid retry field set.)',
  stop: 'Clients will reconnect if the connection is closed; a client can be told to stop reconnecting using the HTTP 204 No Content response code.',
  gzip: 'RFC 9110, 8.4: The "Content-Encoding" header field indicates what content codings have been applied to the representation, beyond those inherent in the media type, and thus what decoding mechanisms have to be applied in order to obtain data in the media type referenced by the Content-Type header field.',
};

/** The features a case exercises, from its query: quirks, the split, gzip, id faults, retry, drop_after, status. */
export function features(testCase) {
  const query = new URLSearchParams(testCase);
  return [
    ...(query.get('quirk')?.split(',') ?? []),
    ...(query.get('split') ? [`split=${query.get('split')}`] : []),
    ...['gzip', 'id_fault', 'retry', 'drop_after', 'status'].filter((name) => query.has(name)),
  ];
}

const hasCr = (text) => /\r/.test(text ?? '');

/** Which rule an event that differs from the expected one breaks: the first of the case's features it fits. */
export function ruleForEvent(testCase, index, expected, got) {
  const caseFeatures = features(testCase);
  const has = (feature) => caseFeatures.includes(feature);
  const data = got?.data ?? '';
  if (got && expected && got.type === expected.type && got.data === expected.data) {
    if (has('id-null') && (got.lastEventId ?? '').includes('\0')) return RULES.idNull;
    if (has('bom') && index === 0) return RULES.bom;
    if (has('empty-id')) return RULES.emptyId;
    return RULES.lastEventId;
  }
  if (has('bom') && index === 0 && got && expected && got.lastEventId !== expected.lastEventId) return RULES.bom;
  if (got && (hasCr(got.data) || hasCr(got.type) || hasCr(got.lastEventId))) return RULES.lineEnds;
  if (has('empty-data') && got && (got.data === '' || (expected && got.type !== expected.type))) {
    return got.data === '' ? RULES.emptyData : RULES.eventType;
  }
  if (got && got.data === '' && !has('empty-data')) return RULES.emptyData;
  if (data.includes('\uFFFD') || /Ã|â|ð/.test(data)) return RULES.utf8;
  if (has('trailing-partial') && got && !expected) return RULES.endOfFile;
  if (has('bare-field') && expected?.data.startsWith('\n') && !data.startsWith('\n')) return RULES.bareField;
  if (has('extra-space') && expected && data === expected.data.replace(/^ /, '')) return RULES.space;
  if (expected && got && data === expected.data.replace(/^ +/gm, '') && data !== expected.data) return RULES.space;
  if (has('no-space') && got && expected && data !== expected.data) return RULES.space;
  if (has('multiline') && got && expected && data !== expected.data) return RULES.dataField;
  if (has('unknown-field')) return RULES.unknownField;
  if (has('comment')) return RULES.comment;
  if (['split=line', 'split=byte', 'split=random'].some(has) && got && expected) return RULES.dispatch;
  if (['split=mid-crlf', 'cr', 'crlf', 'mixed-newlines'].some(has)) return RULES.lineEnds;
  if (['split=mid-utf8', 'utf8'].some(has)) return RULES.utf8;
  if (has('gzip')) return RULES.gzip;
  if (has('drop_after') || !got) return RULES.reconnect;
  return RULES.dispatch;
}

/** Which rule a reconnect with the wrong Last-Event-ID breaks. */
export function ruleForReconnect(testCase, expectedId, sentId) {
  const has = (feature) => features(testCase).includes(feature);
  if (sentId?.includes('\0')) return RULES.idNull;
  if (has('trailing-partial')) return RULES.endOfFile;
  if (has('empty-id') && expectedId === null) return RULES.emptyId;
  if (has('bom') && sentId === null) return RULES.bom;
  return RULES.reconnectHeader;
}

/**
 * Whether a finding fails its case. Coming back after the final 204 fails the case `status=204` only: in the other
 * cases (each ends with a 204) it is listed but does not fail them, so that one bug does not mark a whole row.
 */
export function fails(testCase, finding) {
  return finding.rule !== RULES.stop || new URLSearchParams(testCase).get('status') === '204';
}

export function passed(testCase, result) {
  return !result.findings.some((finding) => fails(testCase, finding));
}
