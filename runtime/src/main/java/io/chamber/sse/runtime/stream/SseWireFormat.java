package io.chamber.sse.runtime.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Writes the SSE wire format of one stream: {@code id}, {@code event} and {@code data} fields, comments and the
 * {@code retry} field. The data line is the JSON payload; a fixed message is JSON-escaped once per stream, so no
 * text can break the JSON or the framing. Writes straight into the frame: nothing is allocated per event.
 */
public final class SseWireFormat {

    public static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ELAPSED = "\", \"elapsed\": ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "}\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MICROS_PER_SECOND = 1_000_000;

    /** {@code \nevent: NAME\ndata: {"message": "}, the same for every event of the stream. */
    private final byte[] eventAndDataStart;
    private final byte[] fixedMessage;
    private final int messageMinLength;
    private final int messageMaxLength;

    public SseWireFormat(StreamOptions options) {
        this.eventAndDataStart = ("\nevent: " + options.eventName() + "\ndata: {\"message\": \"")
                .getBytes(StandardCharsets.UTF_8);
        this.fixedMessage = options.data() == null ? null : JsonStringEncoder.getInstance().quoteAsUTF8(options.data());
        this.messageMinLength = options.messageMinLength();
        this.messageMaxLength = options.messageMaxLength();
    }

    /** Appends the event ({@code seed}, {@code sequence}); {@code random} is positioned at that event. */
    void appendEvent(Frame out, long seed, long sequence, long elapsedNanos, EventRandomness random) {
        out.append(ID);
        int id = out.reserve(EventIds.LENGTH);
        EventIds.encode(seed, sequence, out.bytes(), id);
        out.append(eventAndDataStart);
        if (fixedMessage != null) {
            out.append(fixedMessage);
        } else {
            int message = out.reserve(messageMaxLength);
            int length = random.message(out.bytes(), message, messageMinLength, messageMaxLength);
            out.shrink(messageMaxLength - length);
        }
        out.append(ELAPSED);
        appendSeconds(out, (elapsedNanos + 500) / 1000);
        out.append(END);
    }

    public static void appendRetry(Frame out, long millis) {
        out.append("retry: ".getBytes(StandardCharsets.US_ASCII))
                .append(Long.toString(millis).getBytes(StandardCharsets.US_ASCII))
                .append("\n\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** A comment line of {@code bytes} spaces after the colon. */
    public static void appendPadding(Frame out, int bytes) {
        out.append((byte) ':');
        int spaces = out.reserve(bytes);
        Arrays.fill(out.bytes(), spaces, spaces + bytes, (byte) ' ');
        out.append((byte) '\n').append((byte) '\n');
    }

    /** Seconds with six decimals, from microseconds. */
    private static void appendSeconds(Frame out, long micros) {
        long whole = micros / MICROS_PER_SECOND;
        int wholeDigits = 1;
        for (long rest = whole / 10; rest > 0; rest /= 10) {
            wholeDigits++;
        }
        int at = out.reserve(wholeDigits + 7);
        byte[] bytes = out.bytes();
        long fraction = micros % MICROS_PER_SECOND;
        for (int i = at + wholeDigits + 6; i > at + wholeDigits; i--) {
            bytes[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        bytes[at + wholeDigits] = '.';
        for (int i = at + wholeDigits - 1; i >= at; i--) {
            bytes[i] = (byte) ('0' + whole % 10);
            whole /= 10;
        }
    }
}
