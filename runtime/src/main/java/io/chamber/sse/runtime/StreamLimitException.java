package io.chamber.sse.runtime;

import java.time.Duration;

/**
 * Refuses a stream because {@code quarkus.chamber.sse.max-streams} are already open; answered with 503.
 */
public class StreamLimitException extends RuntimeException {

    private final Duration retryAfter;

    public StreamLimitException(int maxStreams, Duration retryAfter) {
        super(maxStreams + " streams are open, the most this server allows", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
