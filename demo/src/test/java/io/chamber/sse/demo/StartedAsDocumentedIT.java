package io.chamber.sse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.chamber.sse.testsupport.ExternalTools;

/**
 * The packaged demo started exactly as the README says, from its directory with {@code @jvm.options}, by the JDK
 * that built it: it serves an event, the JVM has nothing to complain about, and the class archive is in use.
 */
class StartedAsDocumentedIT {

    static final Pattern README_START = Pattern.compile("(?m)^cd (\\S+) && (java @jvm\\.options .*)$");
    static final Pattern LISTENING = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");
    // the JVM's unified logging ([error][cds], [warning][aot], ...) and the app's log levels
    static final Pattern COMPLAINT = Pattern.compile("\\[(error|warning)\\]|\\b(WARN|ERROR)\\b");
    static final Pattern ENTRY_POINT_FROM_ARCHIVE = Pattern.compile(
            " io\\.quarkus\\.bootstrap\\.runner\\.(Aot)?QuarkusEntryPoint source: shared objects file");
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void theReadmesCommandServesAnEventAndTheJvmDoesNotComplain() throws Exception {
        List<String> output = startAndReadOneEvent(List.of());
        assertThat(output).noneMatch(line -> COMPLAINT.matcher(line).find());
    }

    @Test
    void theStartLoadsTheAppsClassesFromTheArchive() throws Exception {
        List<String> output = startAndReadOneEvent(List.of("-Xlog:class+load=info"));
        // the launcher's class (Aot... in the aot-jar packaging), loaded by the app class loader; JDK 17's AppCDS
        // archive and JDK 25's AOT cache both report the classes they map as from the "shared objects file"
        assertThat(output).anyMatch(line -> ENTRY_POINT_FROM_ARCHIVE.matcher(line).find());
    }

    @Test
    void oneCoreGetsOneEventLoop() throws Exception {
        // Quarkus's own default is at least two; the demo's EventLoopPerCore makes it one per core. Each request
        // goes to the next event loop, whose thread starts then: four requests start every loop there is.
        startAndReadOneEvent(List.of("-XX:ActiveProcessorCount=1"), (app, port) -> {
            for (int request = 1; request < 4; request++) {
                readOneEvent(port);
            }
            assertThat(threadNames(app)).filteredOn(name -> name.startsWith("vert.x-eventlo")).hasSize(1);
        });
    }

    /** What the app is checked for while it runs. */
    private interface WhileRunning {
        void check(Process app, int port) throws Exception;
    }

    private static List<String> startAndReadOneEvent(List<String> added) throws Exception {
        return startAndReadOneEvent(added, (app, port) -> { });
    }

    /** Starts the README's command with the options added before -jar, reads one event, stops it; its output. */
    private static List<String> startAndReadOneEvent(List<String> added, WhileRunning whileRunning) throws Exception {
        Matcher readme = README_START.matcher(Files.readString(ExternalTools.ROOT.resolve("README.md")));
        assertThat(readme.find()).as("the README's start command").isTrue();
        Path directory = ExternalTools.ROOT.resolve(readme.group(1));
        List<String> command = new ArrayList<>(Arrays.asList(readme.group(2).split(" ")));
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> options = new ArrayList<>(added);
        options.addAll(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=0", "-Dquarkus.http.ssl-port=0",
                "-Dchamber.demo.tls.directory=" + Path.of("target", "tls").toAbsolutePath()));
        command.addAll(command.indexOf("-jar"), options);

        Path log = Files.createTempFile("started-as-documented", ".log");
        Process app = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            int port = await().atMost(START_TIMEOUT).until(() -> {
                List<String> output = lines(log);
                assertThat(app.isAlive()).as("the app is running; its output: %s", output).isTrue();
                return output.stream().map(LISTENING::matcher).filter(Matcher::find).findFirst()
                        .map(listening -> Integer.parseInt(listening.group(1)));
            }, Optional::isPresent).orElseThrow();
            readOneEvent(port);
            whileRunning.check(app, port);
        } finally {
            app.destroy();
            assertThat(app.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the app stops on SIGTERM").isTrue();
        }
        List<String> output = lines(log);
        Files.delete(log);
        return output;
    }

    private static void readOneEvent(int port) throws Exception {
        HttpResponse<String> event = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/streaming/sse?count=1&interval=0"))
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(event.statusCode()).isEqualTo(200);
        assertThat(event.body()).containsPattern("(?m)^data: \\{\"message\": ");
    }

    /** The names of the process's threads, as Linux keeps them (cut to 15 characters). */
    private static List<String> threadNames(Process app) throws IOException {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(app.pid()), "task"))) {
            List<String> names = new ArrayList<>();
            for (Path task : tasks.toList()) {
                names.add(Files.readString(task.resolve("comm")).strip());
            }
            return names;
        }
    }

    /** The lines written so far (a character cut in half by the writer is replaced, not an error). */
    private static List<String> lines(Path log) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    }
}
