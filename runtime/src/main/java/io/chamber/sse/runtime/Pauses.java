package io.chamber.sse.runtime;

import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;

/**
 * Waits on Vert.x timers: no thread per stream, and the wake-up runs on the stream's own event loop.
 */
@ApplicationScoped
public class Pauses {

    private final Vertx vertx;

    public Pauses(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Completes at {@code wakeNanos} on the {@link System#nanoTime()} clock; cancelling it cancels the timer. */
    public Uni<Void> until(long wakeNanos) {
        return until(wakeNanos, () -> null, emitter -> {
        });
    }

    /**
     * Completes with {@code onWake}'s value at {@code wakeNanos}; cancelling it cancels the timer. {@code waiting}
     * receives the emitter while the timer runs, so the caller can complete it earlier. When {@code wakeNanos} has
     * passed it still completes from the event loop's task queue, never at once: a stream that is always due
     * (a fire-hose) then takes turns with the other connections of its event loop instead of starving them.
     */
    public <T> Uni<T> until(long wakeNanos, Supplier<T> onWake, Consumer<UniEmitter<? super T>> waiting) {
        long remaining = wakeNanos - System.nanoTime();
        if (remaining <= 0) {
            return Uni.createFrom().emitter(emitter -> vertx.getOrCreateContext()
                    .runOnContext(ignored -> emitter.complete(onWake.get())));
        }
        long millis = (remaining + 999_999) / 1_000_000;
        return Uni.createFrom().emitter(emitter -> {
            long timer = vertx.setTimer(millis, id -> emitter.complete(onWake.get()));
            emitter.onTermination(() -> vertx.cancelTimer(timer));
            waiting.accept(emitter);
        });
    }
}
