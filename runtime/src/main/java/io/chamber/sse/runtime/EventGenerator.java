package io.chamber.sse.runtime;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;

/**
 * The random event stream, for any bean that wants to serve it its own way:
 * inject it and return {@code generator.stream()} from an SSE endpoint.
 */
@ApplicationScoped
public class EventGenerator {

    private static final SseEvent END = new SseEvent("", "", null);

    private final Pauses pauses;
    private final StreamOptionsParser parser;

    public EventGenerator(Pauses pauses, StreamOptionsParser parser) {
        this.pauses = pauses;
        this.parser = parser;
    }

    /** A never-ending stream with the configured defaults and a fresh random seed. */
    public Multi<SseEvent> stream() {
        return stream(parser.defaults());
    }

    /**
     * The events described by {@code options}, each at its due time, until {@code count} or {@code duration} ends
     * the stream. Each subscription is a new stream that starts at subscription time.
     */
    public Multi<SseEvent> stream(StreamOptions options) {
        return Multi.createBy().repeating()
                .uni(() -> new StreamCursor(options, System.nanoTime()),
                        cursor -> pauses.until(cursor.wakeNanos()).map(ignored -> nextOrEnd(cursor)))
                .until(event -> event == END);
    }

    private static SseEvent nextOrEnd(StreamCursor cursor) {
        long now = System.nanoTime();
        return cursor.finished(now) ? END : cursor.next(now);
    }
}
