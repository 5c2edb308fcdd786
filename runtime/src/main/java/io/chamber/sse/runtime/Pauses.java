package io.chamber.sse.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;

/**
 * Waits on Vert.x timers for {@link EventGenerator}'s streams: no thread per stream, and the wake-up runs on an
 * event loop. When the application shuts down, every wait ends at once, so the generator's streams end too.
 */
@ApplicationScoped
public class Pauses {

    private final Vertx vertx;
    private final Set<UniEmitter<? super Void>> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean ended;

    public Pauses(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Completes at {@code wakeNanos} on the {@link System#nanoTime()} clock, or when {@link #endAll()} is called;
     * cancelling it cancels the timer. When {@code wakeNanos} has passed it still completes from the event loop's
     * task queue, never at once, so an always-due stream takes turns with the other work of its event loop.
     */
    public Uni<Void> until(long wakeNanos) {
        long remaining = wakeNanos - System.nanoTime();
        if (remaining <= 0 || ended) {
            return Uni.createFrom().emitter(emitter -> vertx.getOrCreateContext()
                    .runOnContext(ignored -> emitter.complete(null)));
        }
        long millis = (remaining + 999_999) / 1_000_000;
        return Uni.createFrom().emitter(emitter -> {
            waiting.add(emitter);
            long timer = vertx.setTimer(millis, id -> emitter.complete(null));
            emitter.onTermination(() -> {
                waiting.remove(emitter);
                vertx.cancelTimer(timer);
            });
            if (ended) {
                emitter.complete(null);
            }
        });
    }

    /** True once the application has begun to end its streams. */
    public boolean ended() {
        return ended;
    }

    /** Ends every wait now, and every later one at once. */
    public void endAll() {
        ended = true;
        waiting.forEach(emitter -> emitter.complete(null));
    }
}
