package io.chamber.sse.runtime;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts the streams open now and enforces {@code quarkus.chamber.sse.max-streams}.
 */
@ApplicationScoped
public class OpenStreams {

    private final AtomicInteger open = new AtomicInteger();
    private final ChamberSseConfig config;

    public OpenStreams(ChamberSseConfig config) {
        this.config = config;
    }

    /** Takes a place for one more stream, or refuses it when all are taken. */
    void open() {
        if (open.incrementAndGet() > config.maxStreams()) {
            open.decrementAndGet();
            throw new StreamLimitException(config.maxStreams(), config.retryAfter());
        }
    }

    void close() {
        open.decrementAndGet();
    }

    /** How many streams are open now. */
    public int count() {
        return open.get();
    }
}
