package io.chamber.sse.runtime;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.chamber.sse.runtime.http.InvalidParameterException;
import io.chamber.sse.runtime.http.StreamOptionsParser;
import io.chamber.sse.runtime.stream.SseEvent;
import io.chamber.sse.runtime.stream.StreamCursor;
import io.chamber.sse.runtime.stream.StreamOptions;
import io.smallrye.mutiny.Multi;

/**
 * The random event stream, for any bean that wants to serve it its own way:
 * inject it and return {@code generator.stream()} from an SSE endpoint. Its events are the endpoint's events:
 * the same options and seed give the same ids, names and messages.
 */
@ApplicationScoped
public class EventGenerator {

    private static final SseEvent END = new SseEvent("", "", null);

    private final Pauses pauses;
    private final StreamOptionsParser parser;

    public EventGenerator(Pauses pauses, ChamberSseConfig config) {
        this.pauses = pauses;
        this.parser = new StreamOptionsParser(config);
    }

    /** A never-ending stream with the configured defaults and a fresh random seed. */
    public Multi<SseEvent> stream() {
        return stream(parser.defaults());
    }

    /**
     * The options the endpoint would take from these query parameters (same names, same validation), e.g.
     * {@code Map.of("seed", "42", "count", "10", "interval", "250ms")}.
     *
     * @throws InvalidParameterException naming the first parameter that cannot be used
     */
    public StreamOptions options(Map<String, String> parameters) {
        return parser.parse(parameter -> parameters.get(parameter.wireName()));
    }

    /**
     * The events described by {@code options}, each at its due time, until {@code count} or {@code duration} ends
     * the stream, or the application shuts down. Each subscription is a new stream that starts at subscription time.
     */
    public Multi<SseEvent> stream(StreamOptions options) {
        return Multi.createBy().repeating()
                .uni(() -> new StreamCursor(options, System.nanoTime()),
                        cursor -> pauses.until(cursor.wakeNanos()).map(ignored -> nextOrEnd(cursor)))
                .until(event -> event == END);
    }

    private SseEvent nextOrEnd(StreamCursor cursor) {
        long now = System.nanoTime();
        return pauses.ended() || cursor.finished(now) ? END : cursor.next(now);
    }
}
