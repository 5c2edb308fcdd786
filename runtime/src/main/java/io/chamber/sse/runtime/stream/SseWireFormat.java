package io.chamber.sse.runtime.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The seed's wire format: {@code id}, {@code event} and {@code data} fields, comments and the {@code retry} field,
 * each line ending with LF. The data line is the JSON payload; a fixed message is JSON-escaped once per stream, so
 * no text can break the JSON or the framing. Writes straight into the frame: nothing is allocated per event.
 */
public final class SseWireFormat implements WireFormat {

    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RETRY = "retry: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = "{\"message\": \"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ELAPSED = "\", \"elapsed\": ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SENT = ", \"sent\": ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UTF8_SUFFIX = " é€😀".getBytes(StandardCharsets.UTF_8);
    private static final int MICROS_PER_SECOND = 1_000_000;

    private final StreamOptions options;
    private final long seed;
    /** {@code \nevent: NAME\ndata: }, the same for every event of the stream. */
    private final byte[] eventAndData;
    private final byte[] fixedMessage;
    /** With {@code retry_in=first}: the {@code retry} field still waits to end the first event's block. */
    private boolean retryPending;

    SseWireFormat(StreamOptions options) {
        this.options = options;
        this.seed = options.seed();
        this.eventAndData = ("\nevent: " + options.eventName() + "\ndata: ").getBytes(StandardCharsets.UTF_8);
        this.fixedMessage = fixedMessage(options);
    }

    /** The stream's fixed message, JSON-escaped, or {@code null} for random ones. */
    static byte[] fixedMessage(StreamOptions options) {
        return options.data() == null ? null : JsonStringEncoder.getInstance().quoteAsUTF8(options.data());
    }

    @Override
    public void appendPrelude(Frame out) {
        if (options.padding() > 0) {
            appendPadding(out, options.padding());
        }
        if (options.retryMillis() >= 0) {
            if (options.retryInFirst()) {
                retryPending = true;
            } else {
                appendRetry(out, options.retryMillis());
            }
        }
    }

    private void appendPendingRetry(Frame out) {
        if (retryPending) {
            retryPending = false;
            appendRetryLine(out, options.retryMillis());
        }
    }

    @Override
    public void appendEvent(Frame out, long idSequence, EventRandomness random, long elapsedMicros, long sentMicros) {
        if (idSequence >= 0) {
            out.append(ID);
            int id = out.reserve(EventIds.LENGTH);
            EventIds.encode(seed, idSequence, out.bytes(), id);
        }
        out.append(eventAndData);
        appendPayload(out, options, fixedMessage, random, elapsedMicros, sentMicros);
        out.append((byte) '\n');
        appendPendingRetry(out);
        out.append((byte) '\n');
    }

    @Override
    public void appendEvent(Frame out, String type, String data) {
        out.append(("event: " + type + "\ndata: " + data + "\n").getBytes(StandardCharsets.UTF_8));
        appendPendingRetry(out);
        out.append((byte) '\n');
    }

    @Override
    public void appendHeartbeat(Frame out) {
        out.append(HEARTBEAT);
    }

    @Override
    public void appendEnd(Frame out, long nextIdSequence) {
    }

    /** {@code {"message": "...", "elapsed": 1.234567}}, with {@code "sent"} when stamped. */
    static void appendPayload(Frame out, StreamOptions options, byte[] fixedMessage, EventRandomness random,
            long elapsedMicros, long sentMicros) {
        out.append(MESSAGE);
        appendMessage(out, options, fixedMessage, random);
        out.append(ELAPSED);
        appendSeconds(out, elapsedMicros);
        if (sentMicros >= 0) {
            out.append(SENT);
            appendWhole(out, sentMicros);
        }
        out.append((byte) '}');
    }

    /** The message, JSON-escaped, without its quotes: the fixed one, or a random one {@code random} is at. */
    static void appendMessage(Frame out, StreamOptions options, byte[] fixedMessage, EventRandomness random) {
        if (fixedMessage != null) {
            out.append(fixedMessage);
        } else {
            int message = out.reserve(options.messageMaxLength());
            int length = random.message(out.bytes(), message, options.messageMinLength(), options.messageMaxLength());
            out.shrink(options.messageMaxLength() - length);
        }
        if (options.shape().has(Quirk.UTF8)) {
            out.append(UTF8_SUFFIX);
        }
    }

    /** A block of its own holding only the {@code retry} field. */
    public static void appendRetry(Frame out, long millis) {
        appendRetryLine(out, millis);
        out.append((byte) '\n');
    }

    private static void appendRetryLine(Frame out, long millis) {
        out.append(RETRY);
        appendWhole(out, millis);
        out.append((byte) '\n');
    }

    /** A comment line of {@code bytes} spaces after the colon. */
    static void appendPadding(Frame out, int bytes) {
        out.append((byte) ':');
        int spaces = out.reserve(bytes);
        Arrays.fill(out.bytes(), spaces, spaces + bytes, (byte) ' ');
        out.append((byte) '\n').append((byte) '\n');
    }

    /** Seconds with six decimals, from microseconds. */
    static void appendSeconds(Frame out, long micros) {
        appendWhole(out, micros / MICROS_PER_SECOND);
        int at = out.reserve(7);
        byte[] bytes = out.bytes();
        bytes[at] = '.';
        long fraction = micros % MICROS_PER_SECOND;
        for (int i = at + 6; i > at; i--) {
            bytes[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
    }

    /** A non-negative whole number in decimal. */
    static void appendWhole(Frame out, long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int at = out.reserve(digits);
        byte[] bytes = out.bytes();
        long rest = value;
        for (int i = at + digits - 1; i >= at; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
    }
}
