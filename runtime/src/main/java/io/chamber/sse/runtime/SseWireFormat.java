package io.chamber.sse.runtime;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.vertx.core.buffer.Buffer;

/**
 * Writes the SSE wire format of one stream: {@code id}, {@code event} and {@code data} fields, comments and the
 * {@code retry} field. The data line is the JSON payload; a fixed message is JSON-escaped once per stream, so no
 * text can break the JSON or the framing. Writes straight into the frame buffer through scratch arrays of its
 * own: nothing is allocated per event.
 */
final class SseWireFormat {

    static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ELAPSED = "\", \"elapsed\": ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "}\n\n".getBytes(StandardCharsets.US_ASCII);

    /** {@code \nevent: NAME\ndata: {"message": "}, the same for every event of the stream. */
    private final byte[] eventAndDataStart;
    private final byte[] fixedMessage;
    private final int messageMinLength;
    private final int messageMaxLength;
    private final byte[] id = new byte[32];
    private final byte[] message;
    private final byte[] digits = new byte[20];

    SseWireFormat(StreamOptions options) {
        this.eventAndDataStart = ("\nevent: " + options.eventName() + "\ndata: {\"message\": \"")
                .getBytes(StandardCharsets.UTF_8);
        this.fixedMessage = options.data() == null ? null : JsonStringEncoder.getInstance().quoteAsUTF8(options.data());
        this.messageMinLength = options.messageMinLength();
        this.messageMaxLength = options.messageMaxLength();
        this.message = new byte[options.messageMaxLength()];
    }

    /** Appends the event ({@code seed}, {@code sequence}); {@code random} is positioned at that event. */
    void appendEvent(Buffer out, long seed, long sequence, long elapsedNanos, EventRandomness random) {
        EventIds.encode(seed, sequence, id);
        out.appendBytes(ID).appendBytes(id).appendBytes(eventAndDataStart);
        if (fixedMessage != null) {
            out.appendBytes(fixedMessage);
        } else {
            out.appendBytes(message, 0, random.message(message, messageMinLength, messageMaxLength));
        }
        out.appendBytes(ELAPSED);
        appendSeconds(out, (elapsedNanos + 500) / 1000);
        out.appendBytes(END);
    }

    static void appendRetry(Buffer out, long millis) {
        out.appendString("retry: ").appendString(Long.toString(millis)).appendString("\n\n");
    }

    /** A comment line of {@code bytes} spaces after the colon. */
    static void appendPadding(Buffer out, int bytes) {
        out.appendByte((byte) ':');
        for (int i = 0; i < bytes; i++) {
            out.appendByte((byte) ' ');
        }
        out.appendString("\n\n");
    }

    /** Seconds with six decimals, from microseconds. */
    private void appendSeconds(Buffer out, long micros) {
        int start = digits.length;
        long value = micros;
        do {
            digits[--start] = (byte) ('0' + value % 10);
            value /= 10;
            if (digits.length - start == 6) {
                digits[--start] = '.';
                if (value == 0) {
                    digits[--start] = '0';
                }
            }
        } while (value > 0 || digits.length - start < 8);
        out.appendBytes(digits, start, digits.length - start);
    }
}
