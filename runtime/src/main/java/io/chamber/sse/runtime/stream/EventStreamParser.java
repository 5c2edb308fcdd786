package io.chamber.sse.runtime.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an event stream the way the WHATWG HTML standard tells a browser's {@code EventSource} to ("Server-sent
 * events", interpreting an event stream and dispatching the event): UTF-8 with one leading BOM dropped, lines
 * ended by CR LF, LF or CR, fields, the last event ID and reconnection time, and an unfinished event at the end
 * of the stream discarded.
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

    private EventStreamParser() {
    }

    public static Result parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Event> events = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        String type = "";
        String lastEventIdBuffer = "";
        String lastEventId = "";
        Long reconnectionTime = null;
        int start = 0;
        while (true) {
            int end = lineEnd(text, start);
            if (end < 0) {
                break; // an unfinished line, or an unfinished event: discarded at the end of the stream
            }
            String line = text.substring(start, end);
            start = end + (text.startsWith("\r\n", end) ? 2 : 1);
            if (line.isEmpty()) {
                lastEventId = lastEventIdBuffer;
                if (!data.isEmpty()) {
                    data.setLength(data.length() - 1);
                    events.add(new Event(type.isEmpty() ? "message" : type, data.toString(), lastEventId));
                }
                data.setLength(0);
                type = "";
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
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
        return new Result(List.copyOf(events), reconnectionTime, lastEventId);
    }

    /** Where the line starting at {@code start} ends (its CR or LF), or -1 when the text ends first. */
    private static int lineEnd(String text, int start) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }
}
