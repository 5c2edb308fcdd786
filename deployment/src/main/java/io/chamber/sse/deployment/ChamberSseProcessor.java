package io.chamber.sse.deployment;

import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logmanager.Level;

import io.chamber.sse.runtime.ChamberSseEndpoint;
import io.chamber.sse.runtime.ChamberSseRecorder;
import io.chamber.sse.runtime.EventGenerator;
import io.chamber.sse.runtime.OpenStreams;
import io.chamber.sse.runtime.Pauses;
import io.chamber.sse.runtime.StreamMetrics;
import io.chamber.sse.runtime.stream.EventStreamParser;
import io.chamber.sse.runtime.stream.ExpectedEvents;
import io.chamber.sse.runtime.stream.SseEvent;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.ShutdownListenerBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.logging.LogCleanupFilterBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.openapi.deployment.spi.AddToOpenAPIDefinitionBuildItem;
import io.quarkus.smallrye.openapi.deployment.spi.OpenAPISPIConstants;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.deployment.spi.RouteBuildItem;

class ChamberSseProcessor {

    static final String FEATURE = "chamber-sse";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The generator is public API: applications inject it into their own endpoints. */
    @BuildStep
    AdditionalBeanBuildItem beans() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(EventGenerator.class, Pauses.class, OpenStreams.class)
                .setUnremovable()
                .build();
    }

    /**
     * The endpoint: a Vert.x route at the configured path under the HTTP root path, and beside it
     * {@code <path>/expected}, the manifest of what a client must dispatch from a stream.
     */
    @BuildStep(onlyIf = EndpointEnabled.class)
    @Record(ExecutionTime.RUNTIME_INIT)
    void routes(ChamberSseBuildTimeConfig config, ChamberSseRecorder recorder, BeanContainerBuildItem beans,
            BuildProducer<RouteBuildItem> routes) {
        String path = Paths.relative(config.path());
        routes.produce(RouteBuildItem.newApplicationRoute(path)
                .withRequestHandler(recorder.streamHandler(beans.getValue()))
                .withRoutePathConfigKey("quarkus.chamber.sse.path")
                .displayOnNotFoundPage("Chamber SSE test stream")
                .build());
        routes.produce(RouteBuildItem.newApplicationRoute(path + "/expected")
                .withRequestHandler(recorder.expectedEventsHandler())
                .displayOnNotFoundPage("Chamber SSE: what a client must dispatch from a stream")
                .build());
        for (String route : new String[] { path, path + "/expected" }) {
            routes.produce(RouteBuildItem.newApplicationRoute(route)
                    .withRequestHandler(recorder.invalidHostHandler())
                    .asFailureRoute()
                    .build());
        }
    }

    /** The endpoint's location, for the application to inject; none when the endpoint is off. */
    @BuildStep(onlyIf = EndpointEnabled.class)
    @Record(ExecutionTime.STATIC_INIT)
    SyntheticBeanBuildItem endpointBean(ChamberSseBuildTimeConfig config, HttpRootPathBuildItem httpRoot,
            ChamberSseRecorder recorder) {
        return SyntheticBeanBuildItem.configure(ChamberSseEndpoint.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.endpoint(Paths.served(config.path(), httpRoot)))
                .done();
    }

    /** With {@code quarkus-smallrye-openapi}, the endpoint and every parameter appear in the OpenAPI document. */
    @BuildStep(onlyIf = EndpointEnabled.class)
    void openApi(ChamberSseBuildTimeConfig config, Capabilities capabilities,
            BuildProducer<AddToOpenAPIDefinitionBuildItem> openApi) {
        if (capabilities.isPresent(Capability.SMALLRYE_OPENAPI)) {
            openApi.produce(new AddToOpenAPIDefinitionBuildItem(
                    new StreamOpenApiFilter("/" + Paths.relative(config.path()), BuildTimeCatalog.get()),
                    OpenAPISPIConstants.DEFAULT_DOCUMENT_NAME));
        }
    }

    /**
     * Two Netty WARN lines with a stack trace that only clients cause, which no application code can prevent, so
     * each one message (and nothing else its logger says) is logged at DEBUG instead:
     * <ul>
     * <li>A client that resets its connection after part of a request: "An exceptionCaught() event was fired, and it
     * reached at the tail of the pipeline". Until a whole first request has arrived, Vert.x 4.5's last handler on a
     * connection is the one that looks for an h2c upgrade ({@code Http1xUpgradeToH2CHandler}), which has no
     * {@code exceptionCaught}; {@code HttpServer.exceptionHandler} only hears of the phase before it and
     * {@code connectionHandler} is called after it, so nothing can handle the reset.</li>
     * <li>A client that connects while the application shuts down: "Failed to register an accepted channel".
     * Closing an HTTP server, Vert.x first removes its event loops from the shared listener and then closes the
     * listening socket on the acceptor thread; a connection accepted in between has no event loop, is closed (the
     * client sees a refused connection, and a balancer tries another instance) and logged. Quarkus closes its
     * servers itself; no API stops the listener earlier.</li>
     * </ul>
     */
    @BuildStep
    void quietClientNoise(BuildProducer<LogCleanupFilterBuildItem> filters) {
        filters.produce(new LogCleanupFilterBuildItem("io.netty.channel.DefaultChannelPipeline", Level.DEBUG,
                "An exceptionCaught() event was fired, and it reached at the tail of the pipeline"));
        filters.produce(new LogCleanupFilterBuildItem("io.netty.bootstrap.ServerBootstrap", Level.DEBUG,
                "Failed to register an accepted channel"));
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    ShutdownListenerBuildItem endStreamsOnShutdown(ChamberSseRecorder recorder) {
        return new ShutdownListenerBuildItem(recorder.endStreamsOnShutdown());
    }

    @BuildStep
    void metrics(Optional<MetricsCapabilityBuildItem> metrics, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (metrics.isPresent() && metrics.get().metricsSupported(MetricsFactory.MICROMETER)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(StreamMetrics.class));
        }
    }

    /**
     * Jackson writes these records: applications the generator's events, the endpoint its manifests. Records need
     * reflection in a native image, and nothing else tells the image they are serialized.
     */
    @BuildStep
    ReflectiveClassBuildItem serializedTypes() {
        return ReflectiveClassBuildItem.builder(SseEvent.class, SseEvent.Payload.class, ExpectedEvents.Manifest.class,
                EventStreamParser.Event.class)
                .constructors().methods().fields()
                .build();
    }
}
