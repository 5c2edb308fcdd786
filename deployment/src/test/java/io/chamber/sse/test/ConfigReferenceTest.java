package io.chamber.sse.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code docs/configuration.md} is generated from the config Javadoc, through the config model that Quarkus's
 * extension processor writes into the runtime and deployment jars. This test fails when the page and the
 * Javadoc differ; run it with {@code -Dchamber.update-docs} to rewrite the page.
 */
class ConfigReferenceTest {

    private static final Path PAGE = Path.of("..", "docs", "configuration.md");
    private static final String MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";
    private static final String JAVADOC = "META-INF/quarkus-config-doc/quarkus-config-javadoc.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theConfigurationPageMatchesTheJavadoc() throws IOException {
        String generated = render(properties(), descriptions());
        if (System.getProperty("chamber.update-docs") != null) {
            Files.writeString(PAGE, generated);
        }
        assertThat(Files.readString(PAGE))
                .as("docs/configuration.md is out of date: run ./mvnw test -pl deployment -Dtest=ConfigReferenceTest "
                        + "-Dchamber.update-docs")
                .isEqualTo(generated);
    }

    private static List<JsonNode> properties() throws IOException {
        List<JsonNode> properties = new ArrayList<>();
        for (JsonNode root : read(MODEL)) {
            root.path("configRoots").forEach(configRoot -> configRoot.path("items").forEach(item -> {
                if (item.path("sourceType").asText().startsWith("io.chamber.")) {
                    properties.add(item);
                }
            }));
        }
        properties.sort((a, b) -> Boolean.compare(isRunTime(a), isRunTime(b)));
        return properties;
    }

    private static Map<String, String> descriptions() throws IOException {
        Map<String, String> descriptions = new HashMap<>();
        for (JsonNode javadoc : read(JAVADOC)) {
            javadoc.path("elements").fields()
                    .forEachRemaining(element -> descriptions.put(element.getKey(), element.getValue().path("description").asText()));
        }
        return descriptions;
    }

    private static String render(List<JsonNode> properties, Map<String, String> descriptions) {
        StringBuilder page = new StringBuilder("""
                # Configuration reference

                <!-- Generated from the config Javadoc by ConfigReferenceTest (deployment module); do not edit. -->

                All properties live under `quarkus.chamber.sse`. Build-time properties are fixed when the application
                is built; the others can be set at run time (system properties, environment variables,
                `application.properties`). Durations are written `250ms`, `2s`, `1m`, `1h` or ISO-8601 (`PT2S`).

                | Property | Type | Default | Description |
                |---|---|---|---|
                """);
        for (JsonNode property : properties) {
            String key = property.path("sourceType").asText() + "." + property.path("sourceElementName").asText();
            page.append("| `").append(property.path("path").path("property").asText())
                    .append(isRunTime(property) ? "`" : "` (build time)")
                    .append(" | ").append(property.path("typeDescription").asText())
                    .append(" | `").append(defaultValue(property))
                    .append("` | ").append(markdown(descriptions.getOrDefault(key, ""))).append(" |\n");
        }
        return page.toString();
    }

    private static boolean isRunTime(JsonNode property) {
        return property.path("phase").asText().equals("RUN_TIME");
    }

    private static String defaultValue(JsonNode property) {
        String value = property.path("defaultValue").asText();
        return property.path("type").asText().equals("java.time.Duration") ? value.toLowerCase() : value;
    }

    private static String markdown(String javadoc) {
        return javadoc.replaceAll("\\{@code ([^}]*)}", "`$1`").replaceAll("\\{@link ([^}]*)}", "`$1`")
                .replaceAll("\\s+", " ").replace("|", "\\|").trim();
    }

    private static List<JsonNode> read(String resource) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        for (URL url : Collections.list(ConfigReferenceTest.class.getClassLoader().getResources(resource))) {
            try (InputStream in = url.openStream()) {
                documents.add(JSON.readTree(in));
            }
        }
        return documents;
    }
}
