package io.chamber.sse.runtime;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Waits on Vert.x timers for {@link EventGenerator}'s streams: no thread per stream, and the wake-up runs on an
 * event loop.
 */
@ApplicationScoped
public class Pauses {

    private final Vertx vertx;

    public Pauses(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Completes at {@code wakeNanos} on the {@link System#nanoTime()} clock; cancelling it cancels the timer. When
     * {@code wakeNanos} has passed it still completes from the event loop's task queue, never at once, so an
     * always-due stream takes turns with the other work of its event loop.
     */
    public Uni<Void> until(long wakeNanos) {
        long remaining = wakeNanos - System.nanoTime();
        if (remaining <= 0) {
            return Uni.createFrom().emitter(emitter -> vertx.getOrCreateContext()
                    .runOnContext(ignored -> emitter.complete(null)));
        }
        long millis = (remaining + 999_999) / 1_000_000;
        return Uni.createFrom().emitter(emitter -> {
            long timer = vertx.setTimer(millis, id -> emitter.complete(null));
            emitter.onTermination(() -> vertx.cancelTimer(timer));
        });
    }
}
