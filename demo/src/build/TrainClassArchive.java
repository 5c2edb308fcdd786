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
 * Writes the demo's class archive for the JDK that runs this program, from a training run that serves real streams,
 * and names it in the app's jvm.options: JDK 25's AOT cache (JEP 514, {@code app.aot}) or, before JDK 25, an AppCDS
 * archive ({@code app-cds.jsa}). The app is started as documented (jvm.options, less any archive line) with the
 * option that writes the archive, serves the requests below and is stopped with SIGTERM; the JVM then writes the
 * archive. Quarkus's own training at build time only starts and stops the app, so the first request's classes were
 * missing from its archive.
 *
 * <p>Compiled for Java 17 by the demo's build ({@code target/training}); run by the jdk25 profile on the packaged
 * app, and by {@code Dockerfile.jvm} on the image's own JDK: {@code java -cp training TrainClassArchive APP_DIR}.
 */
public class TrainClassArchive {

    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://\\S+)");
    /** An archive line of jvm.options, as the build or an earlier training wrote it, or the source's placeholder. */
    private static final Pattern ARCHIVE_LINE = Pattern.compile(
            "-XX:(SharedArchiveFile|AOTCache)=\\S+|\\$\\{chamber\\.jvm\\.archive}");
    private static final String[] WORKLOAD = {
            "streaming/sse?interval=0&count=50",
            "streaming/sse?interval=5ms&count=10",
            "streaming/sse?seed=7&count=10&interval=0&retry=500",
            "streaming/sse?count=5&interval=0&gzip=1",
            "streaming/sse/expected?seed=7&count=10&interval=0",
            "streaming/sse?count=2&interval=100ms",
            "q/health/ready",
            "q/health/live",
            "demo/stream",
            "",
    };
    private static final int ROUNDS = 5;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final long EXIT_TIMEOUT_SECONDS = 180;

    /** The archive a JDK writes and reads, by the option that writes it during training and the one that loads it. */
    private record Archive(String file, String writeOption, String loadOption) {

        static Archive forThisJdk() {
            return Runtime.version().feature() >= 25
                    ? new Archive("app.aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=")
                    : new Archive("app-cds.jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=");
        }
    }

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]).toAbsolutePath();
        Archive archive = Archive.forThisJdk();
        Path jvmOptions = app.resolve("jvm.options");
        Path written = app.resolve(archive.file());
        Path trained = app.resolve(archive.file() + ".trained");
        Path log = Files.createTempFile("class-archive-training", ".log");
        Files.deleteIfExists(trained);
        // the self-signed certificate the app makes where none is configured: never in the image or the build's home
        Path certificate = Files.createTempDirectory("class-archive-training-tls");

        List<String> lines = Files.readAllLines(jvmOptions);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(documentedOptions(lines));
        command.addAll(List.of(archive.writeOption() + trained.getFileName(), "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=0", "-Dquarkus.http.ssl-port=0", "-Dchamber.demo.tls.directory=" + certificate,
                "-jar", "quarkus-run.jar"));
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
        boolean ended = server.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try (var files = Files.list(certificate)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(certificate);
        if (!ended) {
            server.destroyForcibly();
            throw failure("the training run did not end within " + EXIT_TIMEOUT_SECONDS + " s of SIGTERM", log);
        }
        if (!Files.isRegularFile(trained) || Files.size(trained) == 0) {
            throw failure("the training run wrote no class archive", log);
        }
        Files.move(trained, written, StandardCopyOption.REPLACE_EXISTING);
        Files.write(jvmOptions, withArchive(lines, archive.loadOption() + archive.file()));
        Files.delete(log);
        System.out.println("[TrainClassArchive] " + written + " written by a training run of " + ROUNDS + " x "
                + WORKLOAD.length + " requests on Java " + Runtime.version().feature() + " ("
                + Files.size(written) / (1024 * 1024) + " MiB), named in " + jvmOptions);
    }

    /** The options users start the app with, without the archive this run is about to write. */
    private static List<String> documentedOptions(List<String> lines) {
        List<String> options = new ArrayList<>();
        for (String line : lines) {
            String option = line.strip();
            if (!option.isEmpty() && !option.startsWith("#") && !ARCHIVE_LINE.matcher(option).matches()) {
                options.add(option);
            }
        }
        return options;
    }

    /** jvm.options with its archive line (or the placeholder) replaced by the given one, comments kept. */
    private static List<String> withArchive(List<String> lines, String archiveOption) {
        List<String> written = new ArrayList<>();
        boolean named = false;
        for (String line : lines) {
            if (ARCHIVE_LINE.matcher(line.strip()).matches()) {
                written.add(archiveOption);
                named = true;
            } else {
                written.add(line);
            }
        }
        if (!named) {
            written.add(archiveOption);
        }
        return written;
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

    private static IllegalStateException failure(String why, Path log) throws IOException {
        return new IllegalStateException(why + "; the app's output:\n" + Files.readString(log));
    }
}
