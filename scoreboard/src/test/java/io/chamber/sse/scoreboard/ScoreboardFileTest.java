package io.chamber.sse.scoreboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The committed {@code docs/client-scoreboard.md} was written by the harness as it is: the same cases, in the same
 * order, as {@code cases.json}, one matrix column each; every npm client at the version its lock file pins and
 * every Java client at the version {@code java/pom.xml} pins.
 * After a change to either, {@code scoreboard/run} writes the board again.
 */
class ScoreboardFileTest {

    private static final Path SCOREBOARD = Path.of("").toAbsolutePath();
    private static final Path BOARD = SCOREBOARD.resolveSibling("docs").resolve("client-scoreboard.md");
    private static final Pattern CASE_ROW = Pattern.compile("^\\| (\\d+) \\| `((?:[^`])+)` \\|", Pattern.MULTILINE);
    private static final Pattern CLIENT_ROW = Pattern.compile("^\\| ([^|]+) \\| `([^`]+)` \\| ([^ |]+) \\|",
            Pattern.MULTILINE);
    private static final String REGENERATE = "the board is out of date: run scoreboard/run";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void boardHasTheHarnessCasesInOrder() throws IOException {
        List<String> cases = new ArrayList<>();
        json.readTree(SCOREBOARD.resolve("cases.json").toFile()).get("cases").forEach(c -> cases.add(c.asText()));
        List<String> onBoard = new ArrayList<>();
        Matcher row = CASE_ROW.matcher(section("## Cases"));
        while (row.find()) {
            assertThat(Integer.parseInt(row.group(1))).as("case number").isEqualTo(onBoard.size() + 1);
            onBoard.add(row.group(2).replace("\\|", "|"));
        }

        assertThat(onBoard).as(REGENERATE).isEqualTo(cases);
        assertThat(section("## Matrix")).as(REGENERATE).contains("| client | 1 | ")
                .contains(" | " + cases.size() + " | passed |").doesNotContain(" | " + (cases.size() + 1) + " | ");
    }

    @Test
    void boardHasEveryNpmClientAtItsLockedVersion() throws IOException {
        JsonNode lock = json.readTree(SCOREBOARD.resolve("package-lock.json").toFile()).get("packages");
        Map<String, String> locked = new LinkedHashMap<>();
        lock.get("").get("dependencies").fieldNames().forEachRemaining(
                name -> locked.put(name, lock.get("node_modules/" + name).get("version").asText()));
        assertThat(clientsOnBoard(false)).as(REGENERATE).isEqualTo(locked);
    }

    @Test
    void boardHasEveryJavaClientAtItsPinnedVersion() throws IOException {
        String pom = Files.readString(SCOREBOARD.resolve("java").resolve("pom.xml"));
        Map<String, String> onBoard = clientsOnBoard(true);

        assertThat(onBoard).as("Java clients on the board").isNotEmpty();
        onBoard.forEach((coordinates, version) -> {
            String property = coordinates.substring(coordinates.indexOf(':') + 1) + ".version";
            assertThat(pom).as(REGENERATE + " (" + coordinates + ")")
                    .contains("<" + property + ">" + version + "</" + property + ">");
        });
    }

    /** The package and version of each client row: Maven's (group:artifact) or npm's. */
    private static Map<String, String> clientsOnBoard(boolean maven) throws IOException {
        Map<String, String> clients = new LinkedHashMap<>();
        Matcher row = CLIENT_ROW.matcher(section("## Clients"));
        while (row.find()) {
            if (row.group(2).contains(":") == maven) {
                clients.put(row.group(2), row.group(3));
            }
        }
        return clients;
    }

    /** The board's text from {@code heading} to the next heading of the same level. */
    private static String section(String heading) throws IOException {
        String board = Files.readString(BOARD);
        int start = board.indexOf("\n" + heading + "\n");
        assertThat(start).as("section " + heading + " of " + BOARD).isNotNegative();
        int end = board.indexOf("\n## ", start + heading.length() + 2);
        return board.substring(start, end < 0 ? board.length() : end);
    }
}
