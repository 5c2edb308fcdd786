package io.chamber.sse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.chamber.sse.testsupport.ExternalTools;

/**
 * The JVM container image the build made with {@code -Dimage} (the image {@code target/quarkus-artifact.properties}
 * names), run as users run it: its ports published on loopback, a memory limit of 256 MB, configuration by
 * {@code -e}. It serves the jar's bytes, over HTTPS and HTTP/2 too (its own certificate, or one mounted as a
 * Kubernetes secret is), starts as documented with a class archive of its own JDK, sizes its heap from the limit,
 * holds the hostile suite's amplifying requests inside it, ends its streams on SIGTERM within the manifest's grace
 * period with a clean log, and starts again.
 *
 * <p>Its base is whatever the build was given: {@code Dockerfile.jvm}'s default, a JRE image from a registry, or, on
 * this project's CI, where no registry can be reached, a JRE assembled from Debian packages by
 * {@code src/main/docker/debian-jre-base} ({@code -Dimage.base=...}). The test is the same on both.
 */
class ContainerImageIT {

    static final Path QUARKUS_APP = Path.of("target/quarkus-app");
    static final String MEMORY_LIMIT = "256m";
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    static final Pattern LOG_COMPLAINT = Pattern.compile("\\b(WARN|ERROR)\\b|\\[(warning|error)\\]|OutOfMemoryError:");
    static final List<String> SEEDED = List.of(
            "/streaming/sse?seed=42&interval=0&count=20",
            "/streaming/sse?seed=7&interval=0&count=10&retry=500&quirk=crlf,comment",
            "/streaming/sse?seed=3&interval=0&count=5&padding=100&split=line",
            "/streaming/sse/expected?seed=7&interval=0&count=10&retry=500&quirk=crlf,comment");

    static String image;
    static Path podman;
    static HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static List<String> containers = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void theImageTheBuildMade() throws IOException {
        podman = ExternalTools.podman();
        Properties artifact = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("target/quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        assertThat(artifact.getProperty("type")).as("the build's artifact (built with -Dimage?)")
                .isEqualTo("jar-container");
        image = artifact.getProperty("metadata.container-image");
        assertThat(image).as("the image the Kubernetes Deployment runs")
                .isEqualTo(deploymentContainer().path("image").asText());
        System.out.printf("[image] %s: %s bytes; its layers:%n%s", image,
                podman("image", "inspect", "--format", "{{.Size}}", image).strip(),
                podman("history", "--format", "{{.Size}}\t{{.CreatedBy}}", image));
    }

    @AfterAll
    static void removeTheContainers() {
        for (String container : containers) {
            podman("rm", "--force", "--ignore", container);
        }
    }

    @Test
    void servesTheFirstEventItsProbesAndTheJarsExactBytes() throws Exception {
        long started = System.nanoTime();
        Container container = Container.run();
        String firstEvent = body(container.uri("/streaming/sse?count=1&interval=0"));
        System.out.printf("[image] podman run to the first event: %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(firstEvent).contains("\ndata: {\"message\": ");
        assertThat(body(container.uri("/q/health/ready"))).contains("\"status\": \"UP\"");
        assertThat(body(container.uri("/q/health/live"))).contains("\"status\": \"UP\"");
        assertThat(body(container.uri("/"))).as("the demo page").contains("<title>");

        try (Jar jar = Jar.start()) {
            for (String path : SEEDED) {
                assertThat(bytes(container.uri(path))).as(path).isEqualTo(bytes(jar.uri(path)));
            }
        }
        assertThat(container.log()).noneMatch(line -> LOG_COMPLAINT.matcher(line).find());
    }

    @Test
    void startsAsDocumentedAsNonRootWithItsOwnArchiveAndHalfTheLimitAsHeap() throws Exception {
        // JDK_JAVA_OPTIONS: the java launcher reads it before the image's own arguments; the entrypoint stays as is
        Container container = Container.run("-e", "JDK_JAVA_OPTIONS=-Xlog:gc+init -Xlog:class+load");
        assertThat(podman("exec", container.name, "id", "-u").strip()).isEqualTo("185");
        assertThat(podman("exec", container.name, "cat", "/proc/1/cmdline").replace('\0', ' ').strip())
                .isEqualTo("java @jvm.options -jar quarkus-run.jar");
        List<String> log = container.log();
        assertThat(log).as("the heap of a %s container", MEMORY_LIMIT)
                .anyMatch(line -> line.endsWith("[gc,init] Heap Max Capacity: 128M"));
        // JDK 17's AppCDS archive and JDK 25's AOT cache both report the classes they map as from the "shared objects
        // file"; the launcher's class is the app's (Aot... in the aot-jar packaging)
        assertThat(log).as("the app's classes from the archive the image's build wrote")
                .anyMatch(line -> line.matches(".* io\\.quarkus\\.bootstrap\\.runner\\.(Aot)?QuarkusEntryPoint "
                        + "source: shared objects file.*"));
        assertThat(log).noneMatch(line -> LOG_COMPLAINT.matcher(line).find());
    }

    @Test
    void holdsTheAmplifyingRequestsInsideItsMemoryLimit() throws Exception {
        Container container = Container.run();
        String data = "d".repeat(1024);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            paths.add("/streaming/sse?interval=1h&split=byte&padding=65536&data=" + data);
            paths.add("/streaming/sse?interval=1h&gzip=1&padding=65536&data=" + data);
            paths.add("/streaming/sse?interval=1h&echo=request&padding=65536");
        }
        Map<String, Integer> answers = new TreeMap<>();
        List<Socket> notReading = new ArrayList<>();
        try {
            // a hundred at a time, each on its own connection, whose client reads the head and then nothing
            for (int from = 0; from < paths.size(); from += 100) {
                List<Socket> batch = new ArrayList<>();
                for (String path : paths.subList(from, from + 100)) {
                    Socket socket = new Socket("127.0.0.1", container.port);
                    socket.setSoTimeout(30_000);
                    socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "X-Large: " + "h".repeat(8000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    batch.add(socket);
                }
                for (Socket socket : batch) {
                    answers.merge(statusLine(socket.getInputStream()), 1, Integer::sum);
                }
                notReading.addAll(batch);
            }
            System.out.printf("[image] %d amplifying requests at %s: %s; %s%n", paths.size(), MEMORY_LIMIT, answers,
                    podman("stats", "--no-stream", "--format", "{{.MemUsage}}", container.name).strip());
            assertThat(answers.keySet()).as("served or refused for now, never failed")
                    .allMatch(status -> status.equals("HTTP/1.1 200 OK")
                            || status.equals("HTTP/1.1 503 Service Unavailable"));
            assertThat(answers).containsKey("HTTP/1.1 200 OK");
        } finally {
            for (Socket socket : notReading) {
                socket.close();
            }
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> body(container.uri("/streaming/sse?count=1&interval=0")).contains("\ndata: "));
        assertThat(podman("inspect", "--format", "{{.State.Running}} {{.State.OOMKilled}}", container.name).strip())
                .isEqualTo("true false");
        assertThat(container.log()).noneMatch(line -> LOG_COMPLAINT.matcher(line).find());
    }

    @Test
    void takesConfigurationEndsItsStreamsOnSigtermAndStartsAgain() throws Exception {
        Container container = Container.run("-e", "QUARKUS_CHAMBER_SSE_MAX_STREAMS=3");
        List<CompletableFuture<HttpResponse<Stream<String>>>> heads = new ArrayList<>();
        List<List<String>> streams = new ArrayList<>();
        List<CompletableFuture<Void>> ends = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            streams.add(lines);
            CompletableFuture<HttpResponse<Stream<String>>> head = client.sendAsync(
                    HttpRequest.newBuilder(container.uri("/streaming/sse?interval=100ms")).build(),
                    HttpResponse.BodyHandlers.ofLines());
            heads.add(head);
            ends.add(head.thenAcceptAsync(response -> response.body().forEach(lines::add)));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> streams.stream().allMatch(lines -> lines.stream().anyMatch(l -> l.startsWith("data: "))));
        HttpResponse<String> fourth = client.send(HttpRequest.newBuilder(container.uri("/streaming/sse")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fourth.statusCode()).as("QUARKUS_CHAMBER_SSE_MAX_STREAMS=3 and a fourth stream").isEqualTo(503);
        assertThat(fourth.body()).contains("too-many-streams");

        long grace = terminationGracePeriodSeconds();
        long stopping = System.nanoTime();
        podman("stop", "--time", Long.toString(grace), container.name);
        Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);
        System.out.printf("[image] podman stop with 3 open streams: %d ms%n", stopped.toMillis());
        assertThat(stopped).as("stopped by SIGTERM, within the manifest's grace").isLessThan(Duration.ofSeconds(grace));
        CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(streams).allSatisfy(lines -> assertThat(lines).as("each stream ends with the shutdown's retry")
                .contains("retry: 1000"));
        // the JVM's exit status on SIGTERM: 128 + 15
        assertThat(podman("inspect", "--format", "{{.State.ExitCode}} {{.State.OOMKilled}}", container.name).strip())
                .isEqualTo("143 false");
        assertThat(container.log()).anyMatch(line -> line.contains("stopped in"))
                .noneMatch(line -> LOG_COMPLAINT.matcher(line).find());

        podman("start", container.name);
        container.awaitReady();
        assertThat(body(container.uri("/streaming/sse?count=1&interval=0"))).contains("\ndata: ");
        assertThat(container.log()).noneMatch(line -> LOG_COMPLAINT.matcher(line).find());
    }

    @Test
    void servesHttpsWithHttp2FromItsOwnCertificateOrAMountedOne(@TempDir Path mounted) throws Exception {
        Container container = Container.run();
        String selfSigned = "/var/lib/chamber-sse/tls/localhost";
        podman("cp", container.name + ":" + selfSigned + ".crt", mounted.resolve("tls.crt").toString());
        podman("cp", container.name + ":" + selfSigned + ".key", mounted.resolve("tls.key").toString());
        String path = "/streaming/sse?seed=42&interval=0&count=20";
        HttpResponse<byte[]> overH2 = https(mounted.resolve("tls.crt"), container.httpsUri(path));
        assertThat(overH2.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(overH2.body()).isEqualTo(bytes(container.uri(path)));
        assertThat(container.log()).anyMatch(line -> line.contains("HTTPS serves a self-signed certificate"));

        // a Kubernetes secret is mounted readable, as here; the container then makes no certificate of its own.
        // QUARKUS_TLS_KEY_STORE_PEM__0__CERT: the 0 is a map key, which an environment variable quotes with __
        Files.setPosixFilePermissions(mounted, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(mounted.resolve("tls.key"), PosixFilePermissions.fromString("rw-r--r--"));
        Container withSecret = Container.run("--volume", mounted + ":/etc/tls:ro",
                "-e", "QUARKUS_TLS_KEY_STORE_PEM__0__CERT=/etc/tls/tls.crt",
                "-e", "QUARKUS_TLS_KEY_STORE_PEM__0__KEY=/etc/tls/tls.key");
        assertThat(https(mounted.resolve("tls.crt"), withSecret.httpsUri(path)).body())
                .isEqualTo(bytes(withSecret.uri(path)));
        assertThat(podman("exec", withSecret.name, "ls", "-A", "/var/lib/chamber-sse")).isEmpty();
        assertThat(withSecret.log()).noneMatch(line -> LOG_COMPLAINT.matcher(line).find());
    }

    /** A GET over HTTPS, HTTP/2 preferred, trusting only the given certificate. */
    static HttpResponse<byte[]> https(Path trusted, URI uri) throws Exception {
        HttpResponse<byte[]> response = TrustingHttpClient.trusting(trusted).send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
        return response;
    }

    /** A container of the image, its ports 8000 and 8443 published on free loopback ports, under the memory limit. */
    record Container(String name, int port, int httpsPort) {

        static Container run(String... options) {
            String name = "chamber-sse-it-" + ProcessHandle.current().pid() + "-" + containers.size();
            containers.add(name);
            List<String> command = new ArrayList<>(List.of("run", "--detach", "--name", name,
                    "--publish", "127.0.0.1::8000", "--publish", "127.0.0.1::8443", "--memory", MEMORY_LIMIT));
            command.addAll(List.of(options));
            command.add(image);
            podman(command.toArray(String[]::new));
            Container container = new Container(name, published(name, 8000), published(name, 8443));
            container.awaitReady();
            return container;
        }

        private static int published(String name, int port) {
            Matcher published = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(podman("port", name, port + "/tcp"));
            assertThat(published.find()).as("the published port %d of %s", port, name).isTrue();
            return Integer.parseInt(published.group(1));
        }

        URI httpsUri(String path) {
            return URI.create("https://127.0.0.1:" + httpsPort + path);
        }

        /** Ready on HTTP (its readiness check), and HTTPS accepts connections: Quarkus may bind it a moment later. */
        void awaitReady() {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                    .until(() -> client.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(20)).ignoreExceptions().until(() -> {
                try (Socket https = new Socket("127.0.0.1", httpsPort)) {
                    return true;
                }
            });
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        List<String> log() {
            return podman("logs", name).lines().toList();
        }
    }

    /** The packaged jar, from this build, on a free loopback port. */
    record Jar(Process process, int port) implements AutoCloseable {

        static Jar start() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-jar", "quarkus-run.jar")
                    .directory(QUARKUS_APP.toFile()).redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "container-image-it-jar.log").toFile()).start();
            Jar jar = new Jar(process, port);
            await().atMost(START_TIMEOUT).ignoreExceptions().until(() -> client.send(
                    HttpRequest.newBuilder(jar.uri("/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            return jar;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The Kubernetes Deployment's grace after SIGTERM, from the manifest the build wrote. */
    static long terminationGracePeriodSeconds() throws IOException {
        return deployment().at("/spec/template/spec/terminationGracePeriodSeconds").asLong();
    }

    static JsonNode deploymentContainer() throws IOException {
        return deployment().at("/spec/template/spec/containers/0");
    }

    static JsonNode deployment() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (var documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(
                Path.of("target/kubernetes/kubernetes.yml").toFile())) {
            return documents.readAll().stream().filter(node -> node.path("kind").asText().equals("Deployment"))
                    .findFirst().orElseThrow();
        }
    }

    /** The status line of a response, or "no answer" when none came within the socket's timeout. */
    static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        try {
            for (int c = in.read(); c != '\r' && c != -1; c = in.read()) {
                line.append((char) c);
            }
        } catch (SocketTimeoutException e) {
            return "no answer";
        }
        return line.length() == 0 ? "no answer" : line.toString();
    }

    static String body(URI uri) throws IOException, InterruptedException {
        return new String(bytes(uri), StandardCharsets.UTF_8);
    }

    static byte[] bytes(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
        return response.body();
    }

    /** Runs podman (with the settings of the environment's CONTAINERS_CONF, if any): its output, or a failure. */
    static String podman(String... arguments) {
        List<String> command = new ArrayList<>(List.of(podman.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
            assertThat(process.exitValue()).as("exit code of %s; its output: %s", command, output).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
