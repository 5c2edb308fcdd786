package io.chamber.sse.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.chamber.sse.testsupport.ExternalTools;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * Runs {@code src/test/browser/dev-ui-test.mjs} with node against an application in dev mode: chromium opens the
 * real Dev UI, finds the Chamber SSE card and plays streams on its page, while this test changes the application's
 * configuration as a developer would, each time the script asks for it (it writes {@code change-N} into
 * {@code $HANDSHAKE}, and waits for {@code changed-N}). {@code .ci/setup} installs chromium and the npm packages.
 */
class DevUiBrowserTest {

    private static final int PORT = DevModeApp.freePort();
    private static final Path SCRIPT = Path.of("src", "test", "browser", "dev-ui-test.mjs").toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of("target", "browser").toAbsolutePath();
    private static final Path HANDSHAKE = Path.of("target", "dev-ui-test-handshake").toAbsolutePath();
    /** What the script asks for, in order: first the runtime event name (live reload), then the build-time path. */
    private static final List<String> CHANGES = List.of(
            "quarkus.chamber.sse.event-name=tick", "quarkus.chamber.sse.path=/moved/sse");

    @RegisterExtension
    static final QuarkusDevModeTest app = DevModeApp.on(PORT);

    @Test
    void theCardPlaysTheStreamInsideTheDevUiAndFollowsTheConfiguration() throws Exception {
        ExternalTools.chromium();
        Path node = ExternalTools.node();
        Files.createDirectories(SCREENSHOTS);
        Files.deleteIfExists(SCREENSHOTS.resolve("dev-ui-live-stream.png"));
        recreate(HANDSHAKE);
        CompletableFuture<Void> changes = CompletableFuture.runAsync(DevUiBrowserTest::changeWhenAsked);

        int exitCode = ExternalTools.run(List.of(node.toString(), SCRIPT.toString(), "http://127.0.0.1:" + PORT + "/"),
                ExternalTools.ROOT, Map.of("SCREENSHOTS", SCREENSHOTS.toString(), "HANDSHAKE", HANDSHAKE.toString()),
                300);

        assertThat(exitCode).as("exit code of node dev-ui-test.mjs (its output is in the test log)").isZero();
        changes.get(10, TimeUnit.SECONDS);
        assertThat(SCREENSHOTS.resolve("dev-ui-live-stream.png")).exists();
    }

    private static void changeWhenAsked() {
        for (int i = 0; i < CHANGES.size(); i++) {
            Path asked = HANDSHAKE.resolve("change-" + (i + 1));
            await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(asked));
            String change = CHANGES.get(i);
            app.modifyResourceFile("application.properties", properties -> properties + change + "\n");
            write(HANDSHAKE.resolve("changed-" + (i + 1)));
        }
    }

    private static void recreate(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(directory);
    }

    private static void write(Path file) {
        try {
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
