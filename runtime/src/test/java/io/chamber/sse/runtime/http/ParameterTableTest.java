package io.chamber.sse.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The parameter table of {@code docs/endpoint.md} is the catalog's, with the default configuration. Run with
 * {@code -Dchamber.docs.write=true} to write the table into the file instead of checking it.
 */
class ParameterTableTest {

    private static final Path ENDPOINT_DOC = Path.of("..", "docs", "endpoint.md");
    private static final String BEGIN = "<!-- parameter-table:";
    private static final String END = "<!-- end of parameter-table -->";
    private static final Pattern GETTING_STARTED_ROW = Pattern.compile("\\| `([^`]+)` \\| .* \\|");

    @Test
    void theDocsTableIsTheCatalogs() throws IOException {
        String doc = Files.readString(ENDPOINT_DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf('\n', doc.indexOf(BEGIN)) + 1;
        int end = doc.indexOf(END);
        assertTrue(begin > 0 && end >= begin, "markers of the parameter table in " + ENDPOINT_DOC);
        String table = table(new ParameterCatalog(TestConfig.defaults()));
        if (Boolean.getBoolean("chamber.docs.write")) {
            Files.writeString(ENDPOINT_DOC, doc.substring(0, begin) + table + doc.substring(end), StandardCharsets.UTF_8);
        } else {
            assertEquals(table, doc.substring(begin, end), "docs/endpoint.md's parameter table differs from the "
                    + "catalog; regenerate it with ./mvnw -o test -pl runtime -Dtest=ParameterTableTest "
                    + "-Dchamber.docs.write=true");
        }
    }

    /** The short table of {@code docs/getting-started.md} names only parameters the catalog has. */
    @Test
    void theGettingStartedTableNamesCatalogParameters() throws IOException {
        List<String> catalogNames = new ParameterCatalog(TestConfig.defaults()).entries().stream()
                .map(ParameterCatalog.Entry::name).toList();
        List<String> named = Files.readAllLines(Path.of("..", "docs", "getting-started.md"), StandardCharsets.UTF_8)
                .stream().map(GETTING_STARTED_ROW::matcher).filter(Matcher::matches).map(row -> row.group(1)).toList();
        assertTrue(named.size() >= 10, "rows found: " + named);
        assertTrue(catalogNames.containsAll(named), "not in the catalog: " + named.stream()
                .filter(name -> !catalogNames.contains(name)).toList());
    }

    static String table(ParameterCatalog catalog) {
        return "| Parameter | Accepts | Default | What it does |\n|---|---|---|---|\n"
                + catalog.entries().stream().map(ParameterTableTest::row).collect(Collectors.joining())
                + "\n";
    }

    private static String row(ParameterCatalog.Entry<?> entry) {
        String name = "`" + entry.name() + "`" + (entry.parameter().isHeader() ? " (header)" : "");
        return "| " + name + " | " + cell(entry.accepts()) + " | "
                + (entry.defaultValue() == null ? "" : "`" + entry.defaultValue() + "`") + " | "
                + cell(entry.helpWithRules()) + " |\n";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
