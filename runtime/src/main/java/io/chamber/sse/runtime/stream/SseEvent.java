package io.chamber.sse.runtime.stream;

/**
 * One event of the stream, as it goes out on the wire:
 * {@code id: <id>}, {@code event: <name>}, {@code data: <payload as JSON>}.
 *
 * @param id 32 lower-case hex characters that encode the stream's seed and this event's sequence number
 * @param name the event name ({@code random} unless the request chose another)
 * @param data the JSON payload
 */
public record SseEvent(String id, String name, Payload data) {

    /**
     * The event's JSON payload.
     *
     * @param message a random {@code [0-9A-Za-z]} text, or the request's {@code data}
     * @param elapsed seconds since the request began
     */
    public record Payload(String message, double elapsed) {
    }
}
