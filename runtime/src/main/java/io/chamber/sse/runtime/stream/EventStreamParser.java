package io.chamber.sse.runtime.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an event stream the way the WHATWG HTML standard tells a browser's {@code EventSource} to ("Server-sent
 * events", interpreting an event stream and dispatching the event): UTF-8 with one leading BOM dropped, lines
 * ended by CR LF, LF or CR, fields, the last event ID and reconnection time, and an unfinished event at the end
 * of the stream discarded. Fed as the bytes come ({@link #feed}), it holds one line (a comment not even that) and
 * the events dispatched, never the whole body. Not thread-safe.
 */
public final class EventStreamParser {

    /** An event a conforming client dispatches. */
    public record Event(String type, String data, String lastEventId) {
    }

    /**
     * What a conforming client is left with after a whole response body.
     *
     * @param events the events it dispatched, in order
     * @param reconnectionTime the reconnection time a {@code retry} field set, in milliseconds; {@code null} when
     *        none did (the client keeps its own default)
     * @param lastEventId the last event ID string it sends when it reconnects ("" = no {@code Last-Event-ID})
     */
    public record Result(List<Event> events, Long reconnectionTime, String lastEventId) {
    }

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private final List<Event> events = new ArrayList<>();
    private final Frame line = new Frame(256);
    private final StringBuilder data = new StringBuilder();
    private String type = "";
    private String lastEventIdBuffer = "";
    private String lastEventId = "";
    private Long reconnectionTime;
    private long dispatchedDataChars;
    /** How many bytes of a leading BOM have been seen; -1 once the stream is past where one could be. */
    private int bomSeen;
    private boolean lineStarted;
    private boolean inComment;
    private boolean afterCr;

    public static Result parse(byte[] body) {
        return new EventStreamParser().feed(body, 0, body.length).end();
    }

    /** Reads the next bytes of the body. */
    public EventStreamParser feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (bomSeen >= 0) {
                if (b == BOM[bomSeen]) {
                    if (++bomSeen == BOM.length) {
                        bomSeen = -1;
                    }
                    continue;
                }
                int partial = bomSeen;
                bomSeen = -1;
                for (int j = 0; j < partial; j++) {
                    accept(BOM[j]);
                }
            }
            accept(b);
        }
        return this;
    }

    /** The body has ended: an unfinished line or event is discarded. */
    public Result end() {
        return new Result(List.copyOf(events), reconnectionTime, lastEventId);
    }

    /** How many characters the data of the events dispatched so far add up to. */
    public long dispatchedDataChars() {
        return dispatchedDataChars;
    }

    private void accept(byte b) {
        if (b == '\n' && afterCr) {
            afterCr = false; // the LF of a CR LF
            return;
        }
        afterCr = b == '\r';
        if (b == '\n' || b == '\r') {
            endLine();
            return;
        }
        if (!lineStarted) {
            lineStarted = true;
            inComment = b == ':';
        }
        if (!inComment) {
            line.append(b);
        }
    }

    private void endLine() {
        boolean blank = !lineStarted;
        boolean comment = inComment;
        lineStarted = false;
        inComment = false;
        if (blank) {
            dispatch();
        } else if (!comment) {
            field(new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8));
        }
        line.clear();
    }

    private void dispatch() {
        lastEventId = lastEventIdBuffer;
        if (!data.isEmpty()) {
            data.setLength(data.length() - 1);
            events.add(new Event(type.isEmpty() ? "message" : type, data.toString(), lastEventId));
            dispatchedDataChars += data.length();
        }
        data.setLength(0);
        type = "";
    }

    private void field(String line) {
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> type = value;
            case "data" -> data.append(value).append('\n');
            case "id" -> {
                if (value.indexOf('\u0000') < 0) {
                    lastEventIdBuffer = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    reconnectionTime = Long.parseLong(value);
                }
            }
            default -> {
                // other fields are ignored
            }
        }
    }
}
