package io.chamber.sse.runtime.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The wire format bent by the stream's {@link Quirk}s: every line goes through {@link #field} or {@link #comment},
 * which apply the spacing and line-end quirks, and each event gets the extra lines and blocks its quirks ask for.
 * Slower than {@link SseWireFormat}, and only used by streams that ask for quirks.
 */
final class QuirkyWireFormat implements WireFormat {

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
    private static final byte[] LF = { '\n' };
    private static final byte[] CR = { '\r' };
    private static final byte[] CRLF = { '\r', '\n' };
    /** A lone CR never comes right before a lone LF: the two would read as one CR LF line end. */
    private static final byte[][] MIXED = { CR, CRLF, LF };
    private static final byte[] ID = ascii("id");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] DATA = ascii("data");
    private static final byte[] RETRY = ascii("retry");
    private static final byte[] UNKNOWN = ascii("chamber");
    private static final byte[] UNKNOWN_VALUE = ascii("an unknown field, ignored");
    private static final byte[] NUL_ID_PREFIX = ascii("nul\u0000");
    private static final byte[] BOGUS_RETRY = ascii("2000x");
    private static final byte[] NOTHING = {};
    private static final byte[] BETWEEN_FIELDS = ascii(" a comment between fields");
    private static final byte[] HEARTBEAT = ascii(" heartbeat");
    private static final byte[] PARTIAL = ascii("a partial event, never ended by a blank line");
    private static final byte[] MESSAGE = ascii("\"message\": \"");
    private static final byte[] MESSAGE_END = ascii("\",");
    private static final byte[] ELAPSED = ascii(" \"elapsed\": ");
    private static final byte[] SENT = ascii(", \"sent\": ");

    private final StreamOptions options;
    private final WireShape shape;
    private final byte[] fixedMessage;
    private final byte[] eventName;
    private final Frame payload = new Frame(128);
    private int lineEnds;
    /** With {@code retry_in=first}: the {@code retry} field still waits to end the first event's block. */
    private boolean retryPending;

    QuirkyWireFormat(StreamOptions options) {
        this.options = options;
        this.shape = options.shape();
        this.fixedMessage = SseWireFormat.fixedMessage(options);
        this.eventName = utf8(options.eventName());
    }

    @Override
    public void appendPrelude(Frame out) {
        if (shape.has(Quirk.BOM)) {
            out.append(BOM);
        }
        if (options.padding() > 0) {
            byte[] spaces = new byte[options.padding()];
            Arrays.fill(spaces, (byte) ' ');
            comment(out, spaces);
            lineEnd(out);
        }
        if (options.retryMillis() >= 0) {
            if (options.retryInFirst()) {
                retryPending = true;
            } else {
                retry(out);
                lineEnd(out);
            }
        }
    }

    private void retry(Frame out) {
        field(out, RETRY, ascii(Long.toString(options.retryMillis())));
    }

    private void appendPendingRetry(Frame out) {
        if (retryPending) {
            retryPending = false;
            retry(out);
        }
    }

    @Override
    public void appendEvent(Frame out, long idSequence, EventRandomness random, long elapsedMicros, long sentMicros) {
        if (shape.has(Quirk.UNKNOWN_FIELD)) {
            field(out, UNKNOWN, UNKNOWN_VALUE);
        }
        if (idSequence >= 0) {
            byte[] id = ascii(EventIds.encode(options.seed(), idSequence));
            field(out, ID, shape.has(Quirk.EMPTY_ID) && idSequence % 2 == 1 ? NOTHING : id);
            if (shape.has(Quirk.ID_NULL)) {
                field(out, ID, concat(NUL_ID_PREFIX, id));
            }
        }
        betweenFields(out);
        field(out, EVENT, eventName);
        betweenFields(out);
        if (shape.has(Quirk.RETRY_BOGUS)) {
            field(out, RETRY, BOGUS_RETRY);
        }
        if (shape.has(Quirk.BARE_FIELD)) {
            out.append(DATA);
            lineEnd(out);
        }
        data(out, payload(random, elapsedMicros, sentMicros));
        appendPendingRetry(out);
        lineEnd(out);
        if (shape.has(Quirk.EMPTY_DATA)) {
            field(out, EVENT, eventName);
            lineEnd(out);
        }
    }

    @Override
    public void appendEvent(Frame out, String type, String data) {
        field(out, EVENT, utf8(type));
        field(out, DATA, utf8(data));
        appendPendingRetry(out);
        lineEnd(out);
    }

    @Override
    public void appendHeartbeat(Frame out) {
        comment(out, HEARTBEAT);
        lineEnd(out);
    }

    @Override
    public void appendEnd(Frame out, long nextIdSequence) {
        if (shape.has(Quirk.TRAILING_PARTIAL)) {
            field(out, ID, ascii(EventIds.encode(options.seed(), nextIdSequence)));
            field(out, EVENT, eventName);
            field(out, DATA, PARTIAL);
        }
    }

    /** The payload's pieces: one data line, or with {@code multiline} one line per piece. */
    private byte[][] payload(EventRandomness random, long elapsedMicros, long sentMicros) {
        payload.clear().append((byte) '{');
        int opened = payload.length();
        payload.append(MESSAGE);
        SseWireFormat.appendMessage(payload, options, fixedMessage, random);
        payload.append(MESSAGE_END);
        int message = payload.length();
        payload.append(ELAPSED);
        SseWireFormat.appendSeconds(payload, elapsedMicros);
        int elapsed = payload.length();
        if (sentMicros >= 0) {
            payload.append(SENT);
            SseWireFormat.appendWhole(payload, sentMicros);
        }
        int sent = payload.length();
        payload.append((byte) '}');
        byte[] bytes = Arrays.copyOf(payload.bytes(), payload.length());
        if (!shape.has(Quirk.MULTILINE)) {
            return new byte[][] { bytes };
        }
        return new byte[][] { Arrays.copyOfRange(bytes, 0, opened), Arrays.copyOfRange(bytes, opened, message),
                Arrays.copyOfRange(bytes, message, elapsed), Arrays.copyOfRange(bytes, elapsed, sent),
                Arrays.copyOfRange(bytes, sent, bytes.length) };
    }

    private void data(Frame out, byte[][] lines) {
        for (byte[] line : lines) {
            if (line.length > 0) {
                field(out, DATA, line);
            }
        }
    }

    /** {@code name: value} and a line end, with the spacing quirks. */
    private void field(Frame out, byte[] name, byte[] value) {
        out.append(name).append((byte) ':');
        if (!shape.has(Quirk.NO_SPACE)) {
            out.append((byte) ' ');
            if (shape.has(Quirk.EXTRA_SPACE) && name == DATA) {
                out.append((byte) ' ');
            }
        }
        out.append(value);
        lineEnd(out);
    }

    private void comment(Frame out, byte[] text) {
        out.append((byte) ':').append(text);
        lineEnd(out);
    }

    private void betweenFields(Frame out) {
        if (shape.has(Quirk.COMMENT)) {
            comment(out, BETWEEN_FIELDS);
        }
    }

    private void lineEnd(Frame out) {
        if (shape.has(Quirk.CRLF)) {
            out.append(CRLF);
        } else if (shape.has(Quirk.CR)) {
            out.append(CR);
        } else if (shape.has(Quirk.MIXED_NEWLINES)) {
            out.append(MIXED[lineEnds++ % MIXED.length]);
        } else {
            out.append(LF);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
