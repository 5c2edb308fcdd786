package io.chamber.sse.runtime;

import java.util.function.Supplier;

import io.chamber.sse.runtime.http.ExpectedEventsHandler;
import io.chamber.sse.runtime.http.InvalidHostHandler;
import io.chamber.sse.runtime.http.StreamRouteHandler;
import io.quarkus.arc.runtime.BeanContainer;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.shutdown.ShutdownListener;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

@Recorder
public class ChamberSseRecorder {

    private final RuntimeValue<ChamberSseConfig> config;

    public ChamberSseRecorder(RuntimeValue<ChamberSseConfig> config) {
        this.config = config;
    }

    /** The handler of the stream route. */
    public Handler<RoutingContext> streamHandler(BeanContainer beans) {
        return new StreamRouteHandler(config.getValue(), beans.beanInstance(OpenStreams.class));
    }

    /** The handler of {@code <path>/expected}, the manifest of a stream. */
    public Handler<RoutingContext> expectedEventsHandler() {
        return new ExpectedEventsHandler(config.getValue());
    }

    /** The failure handler of both routes: a request without a valid {@code Host} gets a problem, not an ERROR. */
    public Handler<RoutingContext> invalidHostHandler() {
        return new InvalidHostHandler();
    }

    /** The bean that tells the application where clients request the stream. */
    public Supplier<ChamberSseEndpoint> endpoint(String path) {
        return () -> new ChamberSseEndpoint(path);
    }

    public ShutdownListener endStreamsOnShutdown() {
        return new EndStreamsOnShutdown();
    }
}
