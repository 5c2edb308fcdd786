package io.chamber.sse.bench;

/** What the client knows about one of its streams. Touched only on the client's single event loop. */
final class StreamProbe {

    final SseEventCounter counter = new SseEventCounter();
    final long requestedNanos;
    long firstEventNanos;
    long eventsSeen;
    boolean ended;

    StreamProbe(long requestedNanos) {
        this.requestedNanos = requestedNanos;
    }
}
