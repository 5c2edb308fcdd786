package io.chamber.sse.runtime;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.vertx.core.buffer.Buffer;

/**
 * Writes the SSE wire format of one stream: {@code id}, {@code event} and {@code data} fields, comments and the
 * {@code retry} field. The data line is the JSON payload, escaped so no text can break the JSON or the framing.
 * Remembers the encoded event name and message of the last event, which a stream repeats.
 */
final class SseWireFormat {

    static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "\nevent: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = "\ndata: {\"message\": \"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ELAPSED = "\", \"elapsed\": ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "}\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MICROS_PADDING = "000000".getBytes(StandardCharsets.US_ASCII);

    private String lastName;
    private byte[] lastNameBytes;
    private String lastMessage;
    private byte[] lastMessageBytes;

    void appendEvent(Buffer out, SseEvent event) {
        out.appendBytes(ID).appendString(event.id()).appendBytes(EVENT).appendBytes(nameBytes(event.name()))
                .appendBytes(MESSAGE).appendBytes(messageBytes(event.data().message())).appendBytes(ELAPSED);
        appendSixDecimals(out, event.data().elapsed());
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

    private static void appendSixDecimals(Buffer out, double seconds) {
        long micros = Math.round(seconds * 1e6);
        String fraction = Long.toString(micros % 1_000_000);
        out.appendString(Long.toString(micros / 1_000_000)).appendByte((byte) '.')
                .appendBytes(MICROS_PADDING, 0, 6 - fraction.length()).appendString(fraction);
    }

    private byte[] nameBytes(String name) {
        if (!name.equals(lastName)) {
            lastName = name;
            lastNameBytes = name.getBytes(StandardCharsets.UTF_8);
        }
        return lastNameBytes;
    }

    private byte[] messageBytes(String message) {
        if (message != lastMessage) {
            lastMessage = message;
            lastMessageBytes = JsonStringEncoder.getInstance().quoteAsUTF8(message);
        }
        return lastMessageBytes;
    }
}
