package io.chamber.sse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.chamber.sse.testsupport.ExternalTools;

/**
 * The Kubernetes manifests quarkus-kubernetes wrote when the demo was packaged ({@code target/kubernetes/kubernetes.yml}):
 * a Deployment of two replicas whose probes use the health endpoints, whose grace period outlasts the shutdown, and
 * a Service in front of it, running the image the build makes with {@code -Dimage}. Checked against the Kubernetes
 * API's schemas and read, not deployed: no cluster runs here.
 */
class KubernetesManifestIT {

    static final Path MANIFEST = Path.of("target/kubernetes/kubernetes.yml");
    static final String NAME = "quarkus-chamber-sse-demo";

    static List<JsonNode> resources;
    static Properties application;

    @BeforeAll
    static void read() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (var documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(MANIFEST.toFile())) {
            resources = documents.readAll().stream().filter(node -> !node.isNull() && !node.isMissingNode()).toList();
        }
        application = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            application.load(in);
        }
    }

    @Test
    void everyResourceFitsTheKubernetesApisSchema() {
        Path node = ExternalTools.node();
        int exitCode = ExternalTools.run(List.of(node.toString(), "src/test/kubernetes/schema-check.mjs",
                MANIFEST.toString()), Path.of("."), Map.of(), 60);
        assertThat(exitCode).as("exit code of the schema check (its output is above)").isZero();
    }

    @Test
    void runsTheImageTheBuildMakes() {
        // podman tags the image localhost/chamber-sse-demo-jvm:latest; a cluster's nodes find it under this name
        // once it is loaded there (docs/containers.md)
        assertThat(container().path("image").asText())
                .isEqualTo(application.getProperty("quarkus.container-image.image"));
        assertThat(container().path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
    }

    @Test
    void deploymentOfTwoReplicas() {
        assertThat(resource("Deployment").at("/spec/replicas").asInt()).isEqualTo(2);
    }

    @Test
    void probesOnTheHealthEndpointsOfTheHttpPort() {
        JsonNode container = container();
        // by name: quarkus-kubernetes lists the http and https ports in either order from one build to the next
        int port = named(container.path("ports"), "http").path("containerPort").asInt();
        assertThat(port).isEqualTo(Integer.parseInt(application.getProperty("quarkus.http.port")));
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/readinessProbe/httpGet/port").asInt()).isEqualTo(port);
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/livenessProbe/httpGet/port").asInt()).isEqualTo(port);
    }

    @Test
    void gracePeriodOutlastsTheShutdownDelayAndTimeout() {
        Duration delay = Duration.parse("PT" + env("QUARKUS_SHUTDOWN_DELAY"));
        Duration timeout = Duration.parse("PT" + application.getProperty("quarkus.shutdown.timeout"));
        assertThat(application.getProperty("quarkus.shutdown.delay-enabled")).isEqualTo("true");
        long grace = resource("Deployment").at("/spec/template/spec/terminationGracePeriodSeconds").asLong(-1);
        assertThat(Duration.ofSeconds(grace)).isGreaterThan(delay.plus(timeout));
    }

    @Test
    void serviceSendsToThePodsHttpPort() {
        JsonNode service = resource("Service");
        assertThat(named(service.at("/spec/ports"), "http").path("targetPort").asInt())
                .isEqualTo(named(container().path("ports"), "http").path("containerPort").asInt());
        JsonNode podLabels = resource("Deployment").at("/spec/template/metadata/labels");
        service.at("/spec/selector").properties().forEach(label -> assertThat(podLabels.get(label.getKey()))
                .as("pod label %s", label.getKey()).isEqualTo(label.getValue()));
        assertThat(service.at("/spec/selector").size()).isPositive();
    }

    @Test
    void httpsOnItsPortWithTheCertificateFromAMountedSecret() {
        JsonNode container = container();
        JsonNode https = named(container.path("ports"), "https");
        assertThat(https.path("containerPort").asInt())
                .isEqualTo(Integer.parseInt(application.getProperty("quarkus.http.ssl-port")));
        assertThat(StreamSupport.stream(resource("Service").at("/spec/ports").spliterator(), false)
                .map(port -> port.path("targetPort").asInt())).contains(https.path("containerPort").asInt());

        JsonNode mount = named(container.path("volumeMounts"), "tls");
        assertThat(mount.path("readOnly").asBoolean()).isTrue();
        JsonNode volume = named(resource("Deployment").at("/spec/template/spec/volumes"), "tls");
        assertThat(volume.at("/secret/secretName").asText()).isEqualTo("chamber-sse-demo-tls");
        // the keys of a secret of type kubernetes.io/tls
        assertThat(env("QUARKUS_TLS_KEY_STORE_PEM__0__CERT")).isEqualTo(mount.path("mountPath").asText() + "/tls.crt");
        assertThat(env("QUARKUS_TLS_KEY_STORE_PEM__0__KEY")).isEqualTo(mount.path("mountPath").asText() + "/tls.key");
    }

    private static JsonNode named(JsonNode list, String name) {
        return StreamSupport.stream(list.spliterator(), false).filter(item -> name.equals(item.path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + list));
    }

    private static JsonNode resource(String kind) {
        List<JsonNode> matching = resources.stream()
                .filter(resource -> kind.equals(resource.path("kind").asText())
                        && NAME.equals(resource.at("/metadata/name").asText()))
                .toList();
        assertThat(matching).as("%s %s in %s", kind, NAME, MANIFEST).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode container() {
        JsonNode containers = resource("Deployment").at("/spec/template/spec/containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    private static String env(String name) {
        return StreamSupport.stream(container().path("env").spliterator(), false)
                .filter(variable -> name.equals(variable.path("name").asText()))
                .map(variable -> variable.path("value").asText())
                .findFirst().orElseThrow(() -> new AssertionError("no env " + name + " in the container"));
    }
}
