package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chamber.sse.testsupport.ExternalTools;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Over HTTP/2, a client that cancels one stream (RST_STREAM CANCEL, what a browser's {@code EventSource.close()}
 * sends) ends that stream alone: its siblings on the same connection keep receiving events. The client is Node's
 * own {@code http2} module, run on {@code src/test/node/http2-siblings.mjs}.
 */
@QuarkusTest
class Http2IsolationTest extends QuietStreamsTest {

    private static final Path SCRIPT = Path.of("src/test/node/http2-siblings.mjs").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Three streams on one connection, one of them cancelled. Afterwards the client cancels the other two and
     * closes the connection, or its process dies (the kernel closes the socket): either way every stream ends.
     */
    @ParameterizedTest(name = "cancel {0} {1}, then the client {2}")
    @CsvSource({
            "interval=0,    --fill-window, closes",
            "interval=0,    '',            closes",
            "interval=10ms, '',            closes",
            "interval=1h,   '',            closes",
            "interval=0,    --fill-window, dies" })
    void aCancelledStreamEndsAloneAndItsSiblingsGoOn(String victim, String fillWindow, String leaving)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(ExternalTools.node().toString(), SCRIPT.toString(),
                "http://localhost:" + base.getPort(), victim));
        if (!fillWindow.isEmpty()) {
            command.add(fillWindow);
        }
        Process node = new ProcessBuilder(command).directory(SCRIPT.getParent().toFile())
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            JsonNode result = result(output);
            assertThat(result.get("failure").isNull()).as("the script's failure: %s", result).isTrue();
            assertThat(result.get("connection").get("closed").asBoolean()).as("connection closed: %s", result).isFalse();
            assertThat(result.get("connection").get("goaway").isNull()).as("GOAWAY: %s", result).isTrue();
            for (JsonNode sibling : result.get("siblings")) {
                assertThat(sibling.get("closed").asBoolean()).as("sibling closed: %s", result).isFalse();
                assertThat(sibling.get("eventsAfterCancel").asInt()).as("sibling's events: %s", result)
                        .isGreaterThanOrEqualTo(5);
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams.count() == 2);
            if (leaving.equals("dies")) {
                node.destroyForcibly();
            } else {
                node.getOutputStream().close();
            }
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node exited").isTrue();
        } finally {
            node.destroyForcibly();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams.count() == 0);
        assertThat(warnings.records()).isEmpty();
    }

    /** The script's {@code result} line; its other lines go to the test log. */
    private static JsonNode result(BufferedReader output) throws Exception {
        for (String line; (line = output.readLine()) != null;) {
            if (line.startsWith("result ")) {
                return JSON.readTree(line.substring("result ".length()));
            }
            System.out.println("[http2-siblings] " + line);
        }
        throw new AssertionError("the script ended without a result");
    }
}
