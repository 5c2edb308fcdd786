import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the demo's JDK 25 AOT cache (JEP 514) from a training run that serves real streams: started as documented
 * (quarkus-app/jvm.options, less its -XX:AOTCache) with -XX:AOTCacheOutput, the app serves the requests below and is
 * stopped with SIGTERM; the JVM then writes the cache, which replaces quarkus-app/app.aot. Quarkus's own training at
 * build time only starts and stops the app, so the first request's classes were missing from its cache.
 * Run by the demo's jdk25 profile as a single-file program: java TrainAotCache.java QUARKUS_APP_DIR
 */
public class TrainAotCache {

    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://\\S+)");
    private static final String[] WORKLOAD = {
            "streaming/sse?interval=0&count=50",
            "streaming/sse?interval=5ms&count=10",
            "streaming/sse?seed=7&count=10&interval=0&retry=500",
            "streaming/sse?count=5&interval=0&gzip=1",
            "streaming/sse/expected?seed=7&count=10&interval=0",
            "streaming/sse?count=2&interval=100ms",
            "q/health/ready",
            "demo/stream",
            "",
    };
    private static final int ROUNDS = 5;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final long EXIT_TIMEOUT_SECONDS = 180;

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]).toAbsolutePath();
        Path cache = app.resolve("app.aot");
        Path trained = app.resolve("app.aot.trained");
        Path log = app.getParent().resolve("aot-training.log");
        Files.deleteIfExists(trained);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(documentedOptions(app.resolve("jvm.options")));
        command.addAll(List.of("-XX:AOTCacheOutput=" + trained.getFileName(), "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=0", "-jar", "quarkus-run.jar"));
        Process server = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            URI base = URI.create(awaitListening(server, log) + "/");
            HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
            for (int round = 0; round < ROUNDS; round++) {
                for (String path : WORKLOAD) {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(path))
                            .timeout(REQUEST_TIMEOUT).header("Accept-Encoding", "gzip").build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw failure("training request " + path + " answered " + response.statusCode(), log);
                    }
                }
            }
        } finally {
            server.destroy();
        }
        if (!server.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            server.destroyForcibly();
            throw failure("the training run did not end within " + EXIT_TIMEOUT_SECONDS + " s of SIGTERM", log);
        }
        if (!Files.isRegularFile(trained) || Files.size(trained) == 0) {
            throw failure("the training run wrote no AOT cache", log);
        }
        Files.move(trained, cache, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("[TrainAotCache] " + cache + " written by a training run of " + ROUNDS + " x "
                + WORKLOAD.length + " requests (" + Files.size(cache) / (1024 * 1024) + " MiB; log: " + log + ")");
    }

    /** The options users start the app with, without the cache this run is about to write. */
    private static List<String> documentedOptions(Path jvmOptions) throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(jvmOptions)) {
            String option = line.strip();
            if (!option.isEmpty() && !option.startsWith("#") && !option.startsWith("-XX:AOTCache=")) {
                options.add(option);
            }
        }
        return options;
    }

    private static String awaitListening(Process server, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(Files.readString(log));
            if (listening.find()) {
                return listening.group(1);
            }
            if (!server.isAlive()) {
                throw failure("the training run exited before it listened", log);
            }
            Thread.sleep(50);
        }
        server.destroyForcibly();
        throw failure("the training run did not listen within " + START_TIMEOUT.toSeconds() + " s", log);
    }

    private static IllegalStateException failure(String why, Path log) {
        return new IllegalStateException(why + " (log: " + log + ")");
    }
}
