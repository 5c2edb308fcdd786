package io.chamber.sse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.chamber.sse.testsupport.ExternalTools;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Every {@code curl} line of {@code README.md} and {@code docs/*.md}, run with the real {@code curl} against the
 * packaged demo, its output checked against the output its page documents ({@link DocPages} says how a page is
 * read, {@link DocumentedOutput} what "the same shape" means). A page added later is read the same way.
 * <p>
 * Each command runs in bash, as a reader would paste it, with the page's shell variables, its host pointed at the
 * test app and its {@code curl} bounded in time ({@code --max-time}): a never-ending stream is read until its
 * documented output is there, or for half a second after its status when the page documents none. Each must
 * answer the status its page says (the documented status line, a {@code # 400: …} comment, its {@code status=}
 * parameter, else 200), and curl must not fail (a timeout we set, a {@code | head} that stops reading, and the
 * broken transfer of {@code drop_after} aside).
 */
@QuarkusIntegrationTest
class DocsCurlIT {

    /**
     * The hosts the pages' commands name, all pointed at the test app, and why that stands for what the page means.
     * A command to any other host fails the test until it is listed here.
     */
    static final Map<String, String> HOSTS = Map.of(
            "localhost:8000", "the demo's port",
            "localhost:8443", "the demo's HTTPS port (its test port here), whose self-signed certificate the packaged "
                    + "demo makes where the page says, in ~/.chamber-sse/tls",
            "127.0.0.1:8000", "the demo's port",
            "localhost:8080", "a new application's port: the same endpoint",
            "127.0.0.1:8080", "nginx in front of two demo replicas (running-a-fleet.md); RollingRestartIT runs that "
                    + "setup, here the request goes to one replica, which answers it the same way",
            "proxy.example", "the reader's proxy in front of the demo (testing-proxies.md); here the request goes to "
                    + "the demo itself: the parameters and the stream's shape are the same",
            "balancer.example", "the reader's balancer in front of the demo (running-a-fleet.md); here the request "
                    + "goes to the demo itself");

    /** Text replaced in a command before it runs, and why the command still means the same. */
    record Substitution(String text, String replacement, String reason) {
    }

    static final List<Substitution> SUBSTITUTIONS = List.of(
            new Substitution("delay=60s", "delay=1s", "the same answer 59 s sooner: the test waits for the headers"),
            new Substitution("duration=10s", "duration=1s", "a fire-hose for 1 s instead of 10 s, on a shared machine"),
            new Substitution("<an id from a previous stream>", "2d540044530b2371806527fd5de1c084",
                    "a placeholder: the first id of seed 42's stream"));

    /** How long curl may run ({@code --max-time}): a documented second event of the default pace comes within 5 s. */
    static final int MAX_SECONDS = 8;
    /** A stream without documented output is read this long after its status arrived. */
    static final Duration UNDOCUMENTED_READ = Duration.ofMillis(500);
    static final Pattern STATUS_LINE = Pattern.compile("^HTTP/\\S+ (\\d{3})\\b.*");
    static final Pattern HOST = Pattern.compile("https?://([^/'\"\\s?]+)");

    @TestHTTPResource("/")
    URL app;

    /** Where the app logs "Listening on: http://...:PORT and https://...:PORT" (@QuarkusIntegrationTest's log file). */
    static final Path APP_LOG = Path.of("target", "quarkus.log");
    static final Pattern LISTENING_HTTPS = Pattern.compile("Listening on: \\S+ and https://\\S+:(\\d+)");

    @TempDir
    static Path work;
    static Path wrapper;

    @BeforeAll
    static void curlWrapper() throws IOException {
        Path curl = Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(dir -> Path.of(dir, "curl"))
                .filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError("no curl on PATH"));
        Path bin = Files.createDirectories(work.resolve("bin"));
        wrapper = bin.resolve("curl");
        Files.writeString(wrapper, """
                #!/bin/bash
                # the pages' curl, bounded in time; its response headers and exit code go to $DOCS_CURL_DIR
                "%s" --max-time %d -D "$DOCS_CURL_DIR/headers" "$@"
                code=$?
                echo $code > "$DOCS_CURL_DIR/exit"
                exit $code
                """.formatted(curl, MAX_SECONDS));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void thePagesHaveCurlExamples() {
        List<DocPages.Example> examples = DocPages.pages(ExternalTools.ROOT).stream()
                .flatMap(page -> DocPages.examples(ExternalTools.ROOT, page).stream()).toList();
        assertThat(examples).as("curl examples found in README.md and docs/").hasSizeGreaterThan(50);
        assertThat(examples).filteredOn(example -> example.output() != null).as("with a documented output")
                .hasSizeGreaterThan(5);
        assertThat(examples).filteredOn(example -> !example.outputSpans().isEmpty()).as("inline, with output spans")
                .hasSizeGreaterThan(5);
    }

    /** The sample in docs/README.md is the demo's own TicksResource, so it compiles and does what the page says. */
    @Test
    void theGeneratorSampleIsTheDemosCode() throws IOException {
        String page = Files.readString(ExternalTools.ROOT.resolve("docs/README.md"));
        Matcher sample = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertThat(sample.find()).as("a java block in docs/README.md").isTrue();
        String source = Files.readString(Path.of("src/main/java/io/chamber/sse/demo/TicksResource.java"));
        assertThat(source).as("demo/src/main/java/io/chamber/sse/demo/TicksResource.java")
                .contains(sample.group(1).strip());
    }

    @TestFactory
    Stream<DynamicTest> everyCurlLine() {
        return DocPages.pages(ExternalTools.ROOT).stream()
                .flatMap(page -> DocPages.examples(ExternalTools.ROOT, page).stream())
                .map(example -> DynamicTest.dynamicTest(example.where() + " " + firstLine(example), () -> check(example)));
    }

    private void check(DocPages.Example example) throws Exception {
        StringBuilder outputs = new StringBuilder();
        boolean single = example.commands().size() == 1;
        for (DocPages.Command command : example.commands()) {
            String text = pointAtApp(example, command.text());
            String expanded = expand(example.prelude(), text);
            boolean deterministic = expanded.contains("/streaming/sse")
                    && (expanded.matches("(?s).*[?&]seed=.*") || expanded.contains("Last-Event-ID:")
                            || expanded.contains("lastEventId="))
                    && !expanded.matches("(?s).*[?&](stamp=(1|true)|echo=).*");
            boolean fixedMessage = expanded.matches("(?s).*[?&]data=.*");
            String stopWhenMatching = single ? example.output() : null;
            Run run = run(example, text, stopWhenMatching, deterministic, fixedMessage);
            String where = example.where() + " `" + command.text() + "`";

            assertThat(run.status).as(where + ": no response within " + MAX_SECONDS + " s; curl said: " + run.stderr)
                    .isNotNull();
            assertThat(run.status).as(where + ": HTTP status; output:\n" + run.output)
                    .isEqualTo(expectedStatus(example, command, expanded));
            if (run.curlExit != null && run.curlExit != 0 && run.curlExit != 28 && run.curlExit != 23
                    && !(run.curlExit == 18 && expanded.contains("drop_after="))) {
                fail(where + ": curl exited with " + run.curlExit + ": " + run.stderr);
            }
            checkComments(where, command, run.output, deterministic, fixedMessage);
            for (String span : example.outputSpans()) {
                assertThat(DocumentedOutput.contains(run.output, span))
                        .as(where + ": the page says the output shows `" + span + "`; it is:\n" + run.output).isTrue();
            }
            outputs.append(run.output);
            if (example.output() != null && example.commands().indexOf(command) == example.commands().size() - 1) {
                String mismatch = DocumentedOutput.mismatch(example.output(), outputs.toString(), deterministic,
                        fixedMessage);
                if (mismatch != null) {
                    fail(where + ": the output block after it: " + mismatch);
                }
            }
        }
    }

    private static void checkComments(String where, DocPages.Command command, String output, boolean deterministic,
            boolean fixedMessage) {
        Matcher header = Pattern.compile("^([A-Za-z-]+): (.+)$").matcher(command.trailingComment());
        if (header.matches()) {
            assertThat(DocumentedOutput.contains(output, header.group())).as(where + ": the comment says the answer has `"
                    + header.group() + "`; it is:\n" + output).isTrue();
        }
        Matcher noHeader = Pattern.compile("^no ([A-Za-z-]+) header$").matcher(command.trailingComment());
        if (noHeader.matches()) {
            assertThat(output.toLowerCase()).as(where + ": the comment says there is no " + noHeader.group(1))
                    .doesNotContain(noHeader.group(1).toLowerCase() + ":");
        }
        if (command.outputComments().isEmpty()) {
            return;
        }
        String first = command.outputComments().get(0);
        String prefix = first.startsWith("HTTP/") ? "HTTP/" : first.substring(0, first.indexOf(':') + 1);
        String selected = output.lines().filter(line -> line.startsWith(prefix)).reduce("", (a, b) -> a + b + "\n");
        String mismatch = DocumentedOutput.mismatch(String.join("\n", command.outputComments()), selected,
                deterministic, fixedMessage);
        if (mismatch != null) {
            fail(where + ": the output in the comments after it: " + mismatch);
        }
    }

    private static int expectedStatus(DocPages.Example example, DocPages.Command command, String expanded) {
        Matcher documented;
        if (example.commands().size() == 1 && example.output() != null
                && (documented = STATUS_LINE.matcher(example.output().lines().findFirst().orElse(""))).matches()) {
            return Integer.parseInt(documented.group(1));
        }
        for (String comment : command.outputComments()) {
            if ((documented = STATUS_LINE.matcher(comment)).matches()) {
                return Integer.parseInt(documented.group(1));
            }
        }
        if ((documented = Pattern.compile("^(\\d{3})\\b.*").matcher(command.trailingComment())).matches()) {
            return Integer.parseInt(documented.group(1));
        }
        Matcher status = Pattern.compile("[?&]status=(\\d{3})").matcher(expanded);
        if (!expanded.contains("/expected") && status.find()) {
            return Integer.parseInt(status.group(1));
        }
        return 200;
    }

    private String pointAtApp(DocPages.Example example, String command) throws IOException {
        String text = command;
        for (Substitution substitution : SUBSTITUTIONS) {
            text = text.replace(substitution.text(), substitution.replacement());
        }
        Matcher host = HOST.matcher(text);
        StringBuilder pointed = new StringBuilder();
        while (host.find()) {
            if (!HOSTS.containsKey(host.group(1))) {
                fail(example.where() + ": `" + command + "` goes to " + host.group(1)
                        + ", which DocsCurlIT.HOSTS does not list: add it, with why the test app stands for it");
            }
            String pointedAt = host.group().startsWith("https:") ? "https://localhost:" + httpsPort()
                    : "http://localhost:" + app.getPort();
            host.appendReplacement(pointed, Matcher.quoteReplacement(pointedAt));
        }
        host.appendTail(pointed);
        return pointed.toString();
    }

    /**
     * The app's HTTPS port, from its log: @TestHTTPResource(tls = true) names the configured test port (0 here, a port
     * the system chose) instead of the one it listens on.
     */
    private static int httpsPort() throws IOException {
        Matcher listening = LISTENING_HTTPS.matcher(Files.readString(APP_LOG));
        int port = -1;
        while (listening.find()) {
            port = Integer.parseInt(listening.group(1));
        }
        assertThat(port).as("the HTTPS port in %s", APP_LOG).isPositive();
        return port;
    }

    /** The command with the page's variables ({@code $SSE}, {@code ${SSE}}) written out, to read its parameters. */
    private String expand(String prelude, String command) {
        String text = command;
        for (String assignment : prelude.lines().toList()) {
            int equals = assignment.indexOf('=');
            String name = assignment.substring(0, equals);
            String value = assignment.substring(equals + 1).replaceAll("^['\"]|['\"]$", "");
            text = text.replace("${" + name + "}", value).replaceAll("\\$" + name + "\\b", Matcher.quoteReplacement(value));
        }
        return text;
    }

    record Run(String output, Integer status, Integer curlExit, String stderr) {
    }

    private Run run(DocPages.Example example, String command, String documented, boolean deterministic,
            boolean fixedMessage) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(work, "run");
        String script = example.prelude().lines().map(this::pointAtAppQuietly).reduce("", (a, b) -> a + b + "\n")
                + command;
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(ExternalTools.ROOT.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(dir.resolve("stderr").toFile());
        builder.environment().put("PATH", wrapper.getParent() + File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("DOCS_CURL_DIR", dir.toString());
        Process process = builder.start();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), stdout), "docs-curl-output");
        reader.start();
        long[] statusAt = { 0 };
        try {
            await().atMost(Duration.ofSeconds(MAX_SECONDS + 5)).pollInterval(Duration.ofMillis(50)).until(() -> {
                if (!process.isAlive()) {
                    return true;
                }
                if (status(dir) == null) {
                    return false;
                }
                if (documented == null) {
                    statusAt[0] = statusAt[0] == 0 ? System.nanoTime() : statusAt[0];
                    return System.nanoTime() - statusAt[0] > UNDOCUMENTED_READ.toNanos();
                }
                return DocumentedOutput.mismatch(documented, completeLines(text(stdout)), deterministic,
                        fixedMessage) == null;
            });
        } catch (ConditionTimeoutException e) {
            // the page's command ran longer than curl's --max-time: checked below like any other
        }
        boolean ended = !process.isAlive();
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        String output = ended ? text(stdout) : completeLines(text(stdout));
        Path exit = dir.resolve("exit");
        Integer curlExit = ended && Files.exists(exit) ? Integer.valueOf(Files.readString(exit).strip()) : null;
        return new Run(output, status(dir), curlExit, Files.readString(dir.resolve("stderr")).strip());
    }

    private String pointAtAppQuietly(String line) {
        return HOST.matcher(line).replaceAll(Matcher.quoteReplacement("http://localhost:" + app.getPort()));
    }

    private static Integer status(Path dir) throws IOException {
        Path headers = dir.resolve("headers");
        if (!Files.exists(headers)) {
            return null;
        }
        Optional<Matcher> line = Files.readAllLines(headers, StandardCharsets.ISO_8859_1).stream()
                .map(STATUS_LINE::matcher).filter(Matcher::matches).findFirst();
        return line.map(matcher -> Integer.valueOf(matcher.group(1))).orElse(null);
    }

    private static String text(ByteArrayOutputStream stdout) {
        synchronized (stdout) {
            return stdout.toString(StandardCharsets.UTF_8);
        }
    }

    /** The output up to its last line end: a stream cut by the test may end in the middle of a line. */
    private static String completeLines(String output) {
        return output.substring(0, output.lastIndexOf('\n') + 1);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0;) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the test stopped the command
        }
    }

    private static String firstLine(DocPages.Example example) {
        String first = example.commands().get(0).text().lines().findFirst().orElse("");
        return first.length() > 100 ? first.substring(0, 100) + "…" : first;
    }
}
