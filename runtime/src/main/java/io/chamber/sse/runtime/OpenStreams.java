package io.chamber.sse.runtime;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import jakarta.inject.Singleton;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * The streams open now: enforces {@code quarkus.chamber.sse.max-streams} and {@code memory-budget}, counts the
 * events they sent, and ends them all when the application shuts down.
 */
@Singleton
public class OpenStreams {

    /** An open stream, as far as this registry is concerned. */
    public interface Member {
        /**
         * Ends the stream cleanly, as if it had reached its end, after telling the client to reconnect after
         * {@code retryMillis}; callable from any thread.
         */
        void end(long retryMillis);

        /** The memory the stream reserved when it was admitted, in bytes; given back when it closes. */
        long weight();
    }

    /** What became of a request for a place. */
    public enum Admission {
        ADMITTED,
        /** {@code max-streams} streams are open. */
        TOO_MANY_STREAMS,
        /** The stream's weight does not fit in what is left of the memory budget. */
        MEMORY_SHORT
    }

    private final AtomicInteger reserved = new AtomicInteger();
    private final AtomicLong reservedBytes = new AtomicLong();
    private final long memoryBudget;
    private final Set<Member> open = ConcurrentHashMap.newKeySet();
    private final LongAdder eventsSent = new LongAdder();
    private final CompletableFuture<Void> allEnded = new CompletableFuture<>();
    private final ChamberSseConfig config;
    private volatile boolean shuttingDown;
    private volatile boolean ending;

    public OpenStreams(ChamberSseConfig config) {
        this.config = config;
        this.memoryBudget = config.memoryBudget().map(MemorySize::asLongValue)
                .orElse(Runtime.getRuntime().maxMemory() / 2);
    }

    /**
     * Takes a place and {@code weight} bytes of the memory budget for one more stream, or neither. Both are given
     * back by {@link #closed}, with the {@link Member#weight()} of the stream that took them.
     */
    public Admission tryReserve(long weight) {
        if (reserved.incrementAndGet() > config.maxStreams()) {
            reserved.decrementAndGet();
            return Admission.TOO_MANY_STREAMS;
        }
        if (reservedBytes.addAndGet(weight) > memoryBudget) {
            reservedBytes.addAndGet(-weight);
            reserved.decrementAndGet();
            return Admission.MEMORY_SHORT;
        }
        return Admission.ADMITTED;
    }

    /** The stream that holds a reserved place has started. */
    public void opened(Member stream) {
        open.add(stream);
        if (ending) {
            stream.end(config.shutdownRetry().toMillis());
        }
    }

    public void closed(Member stream) {
        if (open.remove(stream)) {
            reservedBytes.addAndGet(-stream.weight());
            reserved.decrementAndGet();
        }
        if (ending && open.isEmpty()) {
            allEnded.complete(null);
        }
    }

    public void countEvents(int count) {
        eventsSent.add(count);
    }

    /** The application is about to shut down: from now on it should get no new streams. */
    public void shutdownStarted() {
        shuttingDown = true;
    }

    /** True from the start of the shutdown on (its pre-shutdown phase included). */
    public boolean isShuttingDown() {
        return shuttingDown;
    }

    /** True while {@code max-streams} streams are open: the next one would be refused. */
    public boolean isFull() {
        return reserved.get() >= config.maxStreams();
    }

    /**
     * Ends every open stream, and every stream opened from now on, cleanly, as if each had reached its end, with
     * the {@code shutdown-retry} reconnection hint so clients come back soon, to another instance.
     *
     * @return completes when no stream is open any more
     */
    public CompletionStage<Void> endAll() {
        shuttingDown = true;
        ending = true;
        long retryMillis = config.shutdownRetry().toMillis();
        open.forEach(stream -> stream.end(retryMillis));
        if (open.isEmpty()) {
            allEnded.complete(null);
        }
        return allEnded;
    }

    /** How many streams are open now. */
    public int count() {
        return reserved.get();
    }

    /** The memory the open streams reserved, in bytes. */
    public long reservedBytes() {
        return reservedBytes.get();
    }

    /** The memory all streams together may reserve, in bytes ({@code memory-budget}). */
    public long memoryBudget() {
        return memoryBudget;
    }

    /** How many events all streams sent since the application started. */
    public long eventsSent() {
        return eventsSent.sum();
    }
}
