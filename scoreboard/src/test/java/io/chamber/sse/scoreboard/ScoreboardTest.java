package io.chamber.sse.scoreboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chamber.sse.testsupport.ExternalTools;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The reference clients (Chromium's EventSource, undici's, the npm eventsource package, eventsource-parser fed by
 * fetch) read every case of the scoreboard through the recording relay and do exactly what the manifests say: a
 * failure means the lab or its manifest is wrong. With {@code -Dscoreboard.board=FILE} ({@code scoreboard/run}) every
 * client runs and the board is written there; the other clients' failures are theirs and never fail this test.
 */
@QuarkusTest
class ScoreboardTest {

    static final Path SCOREBOARD = Path.of("").toAbsolutePath();

    @TestHTTPResource("/")
    URL app;

    @Test
    void referenceClientsPassEveryCase() throws Exception {
        ExternalTools.chromium();
        Path node = ExternalTools.node();
        if (!Files.isDirectory(SCOREBOARD.resolve("node_modules"))) {
            assertThat(ExternalTools.run(List.of("npm", "ci", "--no-audit", "--no-fund"), SCOREBOARD, Map.of(), 300))
                    .as("exit code of npm ci in scoreboard/").isZero();
        }
        String board = System.getProperty("scoreboard.board", "");
        List<String> command = new ArrayList<>(List.of(node.toString(), "src/driver.mjs", "--server", app.toString()));
        if (board.isBlank()) {
            command.addAll(List.of("--clients", "reference"));
        } else {
            command.addAll(List.of("--clients", "all", "--board", Path.of(board).toAbsolutePath().toString()));
        }
        int exitCode = ExternalTools.run(command, SCOREBOARD, Map.of(), 3_000);

        assertThat(exitCode).as("exit code of the driver: 1 when a reference client failed a case (see the log)")
                .isZero();
    }
}
