package io.chamber.sse.runtime;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The streams open now: enforces {@code quarkus.chamber.sse.max-streams}, counts the events they sent, and ends
 * them all when the application shuts down.
 */
@ApplicationScoped
public class OpenStreams {

    private final AtomicInteger reserved = new AtomicInteger();
    private final Set<ResponseStream> open = ConcurrentHashMap.newKeySet();
    private final LongAdder eventsSent = new LongAdder();
    private final CompletableFuture<Void> allEnded = new CompletableFuture<>();
    private final ChamberSseConfig config;
    private volatile boolean ending;

    public OpenStreams(ChamberSseConfig config) {
        this.config = config;
    }

    /** Takes a place for one more stream, or refuses it when all are taken. */
    void reserve() {
        if (reserved.incrementAndGet() > config.maxStreams()) {
            reserved.decrementAndGet();
            throw new StreamLimitException(config.maxStreams(), config.retryAfter());
        }
    }

    void opened(ResponseStream stream) {
        open.add(stream);
        if (ending) {
            stream.end();
        }
    }

    void closed(ResponseStream stream) {
        if (open.remove(stream)) {
            reserved.decrementAndGet();
        }
        if (ending && open.isEmpty()) {
            allEnded.complete(null);
        }
    }

    void countEvents(int count) {
        eventsSent.add(count);
    }

    /**
     * Ends every open stream, and every stream opened from now on, cleanly, as if each had reached its end.
     *
     * @return completes when no stream is open any more
     */
    public CompletionStage<Void> endAll() {
        ending = true;
        open.forEach(ResponseStream::end);
        if (open.isEmpty()) {
            allEnded.complete(null);
        }
        return allEnded;
    }

    /** How many streams are open now. */
    public int count() {
        return reserved.get();
    }

    /** How many events all streams sent since the application started. */
    public long eventsSent() {
        return eventsSent.sum();
    }
}
