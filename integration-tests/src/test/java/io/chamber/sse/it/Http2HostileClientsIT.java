package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chamber.sse.testsupport.ExternalTools;

/**
 * Hostile HTTP/2 clients (issue 14), driven by Node's {@code http2} module ({@code src/test/node/hostile-h2.mjs})
 * over prior-knowledge h2c: a cancelled stream ends alone while its siblings on the connection go on, rapid resets
 * and resets at every phase leave nothing behind, bad header values are refused or answered clean, never with a 5xx.
 */
class Http2HostileClientsIT extends HostileSuite {

    static final Path SCRIPT = Path.of("src/test/node/hostile-h2.mjs").toAbsolutePath();
    static final Pattern TOKEN_LIST = HostileRequestsIT.TOKEN_LIST;
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Order(1)
    void aCancelledFireHoseEndsAloneItsSiblingsGoOn() throws Exception {
        JsonNode result = run("isolation");
        for (JsonNode trial : result.get("trials")) {
            assertThat(trial.get("sessionClosed").asBoolean()).as("connection closed by the cancel: %s", trial)
                    .isFalse();
            assertThat(trial.get("goaway").isNull()).as("GOAWAY after the cancel: %s", trial).isTrue();
            for (int i = 0; i < 3; i++) {
                assertThat(trial.get("siblingsAfter").get(i).asInt())
                        .as("data frames of sibling %d after the cancel: %s", i, trial)
                        .isGreaterThanOrEqualTo(trial.get("siblingsBefore").get(i).asInt() + 5);
            }
        }
    }

    @Test
    @Order(2)
    void rapidResetLeavesTheConnectionServing() throws Exception {
        JsonNode result = run("rapid-reset");
        for (JsonNode connection : result.get("connections")) {
            assertThat(connection.get("allClosed").asBoolean()).as("every reset stream closed: %s", connection)
                    .isTrue();
            assertThat(connection.get("after").get("status").asInt())
                    .as("a stream after 200 resets on the same connection: %s", connection).isEqualTo(200);
            assertThat(connection.get("after").get("body").asText()).as("its body").startsWith("id: ");
        }
    }

    @Test
    @Order(3)
    void resetsAtEveryPhaseLeaveTheConnectionServing() throws Exception {
        JsonNode result = run("resets");
        assertThat(result.get("allClosed").asBoolean()).as("every reset stream closed: %s", result).isTrue();
        assertThat(result.get("sessionClosedEarly").asBoolean()).as("connection closed by the resets: %s", result)
                .isFalse();
        assertThat(result.get("after").get("status").asInt()).as("a stream after the resets: %s", result)
                .isEqualTo(200);
    }

    @Test
    @Order(4)
    void badHeaderValuesAreRefusedOrAnsweredCleanNeverWithA5xx() throws Exception {
        JsonNode result = run("bad-headers");
        List<String> failures = new ArrayList<>();
        for (JsonNode answer : result.get("answers")) {
            String what = answer.get("method").asText() + " " + answer.get("path").asText() + " with "
                    + HostileRequestsIT.printable(answer.get("value").asText());
            if (answer.get("status").isNull()) {
                String error = answer.get("error").asText("");
                if (!error.startsWith("client refused") && !answer.get("rstCode").isNumber()) {
                    failures.add(what + ": no answer (" + answer + ")");
                }
                continue; // a stream the server reset for a malformed header is a fair answer
            }
            int status = answer.get("status").asInt();
            if (status >= 500) {
                failures.add(what + ": status " + status + " " + answer.get("body").asText());
            }
            for (Map.Entry<String, JsonNode> header : answer.get("headers").properties()) {
                String value = header.getValue().asText();
                if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    failures.add(what + ": a control byte in the response header " + header.getKey() + ": "
                            + HostileRequestsIT.printable(value));
                }
            }
            JsonNode allowed = answer.get("headers").get("access-control-allow-headers");
            if (answer.get("method").asText().equals("OPTIONS") && status == 204
                    && (allowed == null || !TOKEN_LIST.matcher(allowed.asText()).matches())) {
                failures.add(what + ": 204 with Access-Control-Allow-Headers " + allowed);
            }
            for (String line : answer.get("body").asText().split("\r\n|\r|\n")) {
                if (line.startsWith("x-injected")) {
                    failures.add(what + ": a line of the body from the input");
                }
            }
        }
        assertThat(failures).as("answers to bad header values").isEmpty();
    }

    private JsonNode run(String name) throws IOException {
        Path node = ExternalTools.node();
        Path results = Files.createTempFile(Path.of("target").toAbsolutePath(), "hostile-h2-", ".json");
        assertThat(ExternalTools.run(List.of(node.toString(), SCRIPT.toString(), name, Integer.toString(app.port),
                results.toString()), SCRIPT.getParent(), Map.of(), 120)).as("exit code of hostile-h2.mjs " + name)
                .isZero();
        JsonNode result = JSON.readTree(results.toFile());
        System.out.println("[hostile] h2 " + name + ": " + result);
        return result;
    }
}
