package io.chamber.sse.runtime;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.shutdown.ShutdownListener;

/**
 * When the application shuts down, ends every open stream cleanly (clients see a normal end and reconnect
 * elsewhere) and lets the shutdown go on once all are gone, or when {@code quarkus.shutdown.timeout} runs out.
 */
public class EndStreamsOnShutdown implements ShutdownListener {

    @Override
    public void shutdown(ShutdownNotification notification) {
        Arc.container().instance(OpenStreams.class).get().endAll()
                .whenComplete((ignored, failure) -> notification.done());
    }
}
