package io.chamber.sse.runtime;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Waits on Vert.x timers: no thread per stream, and the wake-up runs on the stream's own event loop.
 */
@ApplicationScoped
public class Pauses {

    private static final Uni<Void> NOW = Uni.createFrom().voidItem();

    private final Vertx vertx;

    public Pauses(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Completes at {@code wakeNanos} on the {@link System#nanoTime()} clock; cancelling it cancels the timer. */
    public Uni<Void> until(long wakeNanos) {
        long remaining = wakeNanos - System.nanoTime();
        if (remaining <= 0) {
            return NOW;
        }
        long millis = (remaining + 999_999) / 1_000_000;
        return Uni.createFrom().emitter(emitter -> {
            long timer = vertx.setTimer(millis, id -> emitter.complete(null));
            emitter.onTermination(() -> vertx.cancelTimer(timer));
        });
    }
}
