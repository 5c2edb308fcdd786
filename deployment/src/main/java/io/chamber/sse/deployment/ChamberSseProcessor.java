package io.chamber.sse.deployment;

import java.util.Optional;

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
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.ShutdownListenerBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.openapi.deployment.spi.AddToOpenAPIDefinitionBuildItem;
import io.quarkus.smallrye.openapi.deployment.spi.OpenAPISPIConstants;
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

    /** With {@code quarkus-smallrye-openapi}, the endpoint and every parameter appear in the OpenAPI document. */
    @BuildStep(onlyIf = EndpointEnabled.class)
    void openApi(ChamberSseBuildTimeConfig config, Capabilities capabilities,
            BuildProducer<AddToOpenAPIDefinitionBuildItem> openApi) {
        if (capabilities.isPresent(Capability.SMALLRYE_OPENAPI)) {
            openApi.produce(new AddToOpenAPIDefinitionBuildItem(
                    new StreamOpenApiFilter("/" + Paths.relative(config.path())),
                    OpenAPISPIConstants.DEFAULT_DOCUMENT_NAME));
        }
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
