package io.chamber.sse.runtime;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.shutdown.ShutdownListener;

/**
 * When the application shuts down: first marks it as shutting down (so a readiness check turns DOWN and balancers
 * send new streams elsewhere, during {@code quarkus.shutdown.delay} if set), then ends every open stream cleanly
 * with a short reconnection hint (clients see a normal end and reconnect, to another instance), ends the streams
 * applications serve from {@link EventGenerator} too, and lets the shutdown go on once all are gone, or when
 * {@code quarkus.shutdown.timeout} runs out.
 */
public class EndStreamsOnShutdown implements ShutdownListener {

    @Override
    public void preShutdown(ShutdownNotification notification) {
        openStreams().shutdownStarted();
        notification.done();
    }

    @Override
    public void shutdown(ShutdownNotification notification) {
        Arc.container().instance(Pauses.class).get().endAll();
        openStreams().endAll().whenComplete((ignored, failure) -> notification.done());
    }

    private static OpenStreams openStreams() {
        return Arc.container().instance(OpenStreams.class).get();
    }
}
