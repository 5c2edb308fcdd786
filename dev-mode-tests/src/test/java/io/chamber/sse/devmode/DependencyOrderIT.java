package io.chamber.sse.devmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A new application's Dev UI in {@code quarkus dev}, wherever its pom lists the extension. Each case is a throwaway
 * application that real Maven builds and runs as a user's, against the extension as this build packaged it: the
 * pre-integration-test phase copies it into a local repository of its own under {@code target/}, which Maven chains
 * in front of this build's local repository, so nothing is installed anywhere else.
 */
class DependencyOrderIT {

    private static final String CHAMBER = "io.chamber:quarkus-chamber-sse";
    private static final Path APPS = Path.of("target", "apps").toAbsolutePath();
    /** Maven resolves and downloads the Dev UI, then Quarkus builds the application, on a machine that may be busy. */
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration STOP = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

    static Stream<Arguments> dependencyOrders() {
        return Stream.of(
                Arguments.of("extension-first", List.of(CHAMBER, "io.quarkus:quarkus-rest")),
                Arguments.of("extension-last", List.of("io.quarkus:quarkus-rest", CHAMBER)),
                Arguments.of("extension-alone", List.of(CHAMBER)),
                Arguments.of("health-after-the-extension", List.of(CHAMBER, "io.quarkus:quarkus-smallrye-health")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dependencyOrders")
    void theDevUiListsTheCard(String name, List<String> dependencies) throws Exception {
        Path app = throwawayApp(name, dependencies);
        int port = freePort();
        Path log = app.resolve("quarkus-dev.log");
        Process dev = startDevMode(app, port, log);
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            HttpResponse<String> manifest = await("quarkus:dev of " + name + " answering (log: " + log + ")")
                    .atMost(START).pollInterval(Duration.ofSeconds(1))
                    .failFast("quarkus:dev of " + name + " ended (log: " + log + ")", () -> !dev.isAlive())
                    .ignoreExceptionsInstanceOf(ConnectException.class)
                    .until(() -> get(base, "/streaming/sse/expected?seed=1&count=1"), response -> true);
            assertThat(manifest.statusCode()).as("the extension's endpoint (log: %s)", log).isEqualTo(200);

            HttpResponse<String> devUi = get(base, "/q/dev-ui");
            assertThat(devUi.statusCode()).as("/q/dev-ui (log: %s)", log).isEqualTo(200);
            assertThat(devUi.body()).as("the Dev UI page's import map")
                    .contains("/q/dev-ui/quarkus-chamber-sse-data.js");

            JsonNode page = cardPage(get(base, "/q/dev-ui/devui-data.js").body());
            assertThat(page.path("title").asText()).isEqualTo("Live stream");
            assertThat(page.path("componentLink").asText()).isEqualTo("qwc-chamber-sse-stream.js");
            HttpResponse<String> component = get(base, "/q/dev-ui/quarkus-chamber-sse/qwc-chamber-sse-stream.js");
            assertThat(component.statusCode()).isEqualTo(200);
            assertThat(component.body()).contains("customElements.define('qwc-chamber-sse-stream'");
        } finally {
            stop(dev);
        }
    }

    /** An application as a user makes one: the Quarkus BOM, the given dependencies in order, the Maven plugin. */
    private static Path throwawayApp(String name, List<String> dependencies) throws IOException {
        Path app = APPS.resolve(name);
        String quarkus = System.getProperty("quarkus.version");
        String chamber = System.getProperty("chamber.version");
        String dependencyElements = dependencies.stream().map(coordinates -> {
            String[] groupAndArtifact = coordinates.split(":");
            String version = coordinates.equals(CHAMBER) ? "<version>" + chamber + "</version>" : "";
            return "<dependency><groupId>%s</groupId><artifactId>%s</artifactId>%s</dependency>"
                    .formatted(groupAndArtifact[0], groupAndArtifact[1], version);
        }).collect(Collectors.joining("\n        "));
        Files.createDirectories(app.resolve("src/main/resources"));
        // its own .mvn makes the application its own root project, not a module of the extension's build
        Files.createDirectories(app.resolve(".mvn"));
        Files.writeString(app.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                    <modelVersion>4.0.0</modelVersion>
                    <groupId>org.acme</groupId>
                    <artifactId>%1$s</artifactId>
                    <version>1.0.0-SNAPSHOT</version>
                    <properties>
                        <maven.compiler.release>17</maven.compiler.release>
                        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    </properties>
                    <dependencyManagement>
                        <dependencies>
                            <dependency>
                                <groupId>io.quarkus</groupId>
                                <artifactId>quarkus-bom</artifactId>
                                <version>%2$s</version>
                                <type>pom</type>
                                <scope>import</scope>
                            </dependency>
                        </dependencies>
                    </dependencyManagement>
                    <dependencies>
                        %3$s
                    </dependencies>
                    <build>
                        <plugins>
                            <plugin>
                                <groupId>io.quarkus</groupId>
                                <artifactId>quarkus-maven-plugin</artifactId>
                                <version>%2$s</version>
                                <extensions>true</extensions>
                                <executions>
                                    <execution>
                                        <goals>
                                            <goal>build</goal>
                                        </goals>
                                    </execution>
                                </executions>
                            </plugin>
                        </plugins>
                    </build>
                </project>
                """.formatted(name, quarkus, dependencyElements));
        Files.writeString(app.resolve("src/main/resources/application.properties"), """
                # the Dev UI would ask the Quarkus extension registry, out of reach here, for extensions to add
                quarkus.dev-ui.allow-extension-management=false
                """);
        return app;
    }

    private static Process startDevMode(Path app, int port, Path log) throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(), "-B", "quarkus:dev",
                "-Dmaven.repo.local=" + System.getProperty("staged.repository"),
                "-Dmaven.repo.local.tail=" + System.getProperty("maven.repo"),
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                // no debugger on 5005, no console reading keys, no question about build analytics
                "-Ddebug=false", "-Dquarkus.console.enabled=false", "-Dquarkus.analytics.disabled=true");
        Process dev = new ProcessBuilder(command).directory(app.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        dev.getOutputStream().close();
        return dev;
    }

    /** Stops Maven and the application JVM it forked. */
    private static void stop(Process dev) throws InterruptedException {
        List<ProcessHandle> tree = Stream.concat(dev.descendants(), Stream.of(dev.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(STOP.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                process.destroyForcibly();
            }
        }
    }

    private static HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                BodyHandlers.ofString());
    }

    /** The extension's one card page among the active extensions of the Dev UI's build-time data. */
    private static JsonNode cardPage(String devUiData) throws IOException {
        Matcher extensions = Pattern.compile("^export const extensions = (.*);$", Pattern.MULTILINE).matcher(devUiData);
        assertThat(extensions.find()).as("the extensions in devui-data.js").isTrue();
        List<JsonNode> chamber = new ObjectMapper().readTree(extensions.group(1)).path("active").valueStream()
                .filter(extension -> extension.path("namespace").asText().equals("quarkus-chamber-sse"))
                .toList();
        assertThat(chamber).as("the Chamber SSE extension among the Dev UI's active extensions").hasSize(1);
        JsonNode pages = chamber.get(0).path("cardPages");
        assertThat(pages).hasSize(1);
        return pages.get(0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
