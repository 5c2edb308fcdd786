package io.chamber.sse.deployment;

import java.util.Optional;

import org.jboss.jandex.DotName;

import io.chamber.sse.runtime.ChamberSseRecorder;
import io.chamber.sse.runtime.EventGenerator;
import io.chamber.sse.runtime.OpenStreams;
import io.chamber.sse.runtime.Pauses;
import io.chamber.sse.runtime.ProblemMapper;
import io.chamber.sse.runtime.SseEvent;
import io.chamber.sse.runtime.SseResource;
import io.chamber.sse.runtime.StreamMetrics;
import io.chamber.sse.runtime.StreamOptionsParser;
import io.chamber.sse.runtime.StreamParameters;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.ShutdownListenerBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.resteasy.reactive.server.deployment.ResteasyReactiveDeploymentBuildItem;
import io.quarkus.resteasy.reactive.spi.AdditionalResourceClassBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.openapi.deployment.spi.AddToOpenAPIDefinitionBuildItem;
import io.quarkus.smallrye.openapi.deployment.spi.OpenAPISPIConstants;

class ChamberSseProcessor {

    static final String FEATURE = "chamber-sse";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The generator is public API: applications inject it into their own endpoints. */
    @BuildStep
    AdditionalBeanBuildItem generatorBeans() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(EventGenerator.class, StreamOptionsParser.class, Pauses.class, OpenStreams.class)
                .setUnremovable()
                .build();
    }

    @BuildStep(onlyIf = EndpointEnabled.class)
    void endpointClasses(BuildProducer<AdditionalIndexedClassesBuildItem> indexed,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        indexed.produce(new AdditionalIndexedClassesBuildItem(SseResource.class.getName(),
                StreamParameters.class.getName(), ProblemMapper.class.getName()));
        beans.produce(AdditionalBeanBuildItem.builder()
                .addBeanClasses(SseResource.class, ProblemMapper.class)
                .setDefaultScope(BuiltinScope.SINGLETON.getName())
                .setUnremovable()
                .build());
    }

    /** Registers the resource at the configured path; the class has no {@code @Path} of its own. */
    @BuildStep(onlyIf = EndpointEnabled.class)
    AdditionalResourceClassBuildItem endpoint(ChamberSseBuildTimeConfig config, CombinedIndexBuildItem index) {
        return new AdditionalResourceClassBuildItem(
                index.getIndex().getClassByName(DotName.createSimple(SseResource.class)), config.path());
    }

    /** With {@code quarkus-smallrye-openapi}, the endpoint and every parameter appear in the OpenAPI document. */
    @BuildStep(onlyIf = EndpointEnabled.class)
    void openApi(ChamberSseBuildTimeConfig config, Capabilities capabilities, ResteasyReactiveDeploymentBuildItem rest,
            BuildProducer<AddToOpenAPIDefinitionBuildItem> openApi) {
        if (capabilities.isPresent(Capability.SMALLRYE_OPENAPI)) {
            openApi.produce(new AddToOpenAPIDefinitionBuildItem(
                    new StreamOpenApiFilter(Paths.join(rest.getApplicationPath(), config.path())),
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

    /** Applications serialize the events with Jackson; records need reflection in a native image. */
    @BuildStep
    ReflectiveClassBuildItem payloadTypes() {
        return ReflectiveClassBuildItem.builder(SseEvent.class, SseEvent.Payload.class)
                .constructors().methods().fields()
                .build();
    }
}
