package io.chamber.sse.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** {@code quarkus dev} with the extension: the endpoint, live reload of its configuration, the Dev UI card. */
class DevModeTest {

    private static final int PORT = DevModeApp.freePort();
    private static final RequestSpecification HTTP = new RequestSpecBuilder()
            .setBaseUri("http://127.0.0.1").setPort(PORT).build();
    private static final String EVENT = "id: [0-9a-f]{32}\nevent: %s\ndata: \\{.*}\n\n";

    @RegisterExtension
    static final QuarkusDevModeTest app = DevModeApp.on(PORT);

    @Test
    void streamsInDevMode() throws Exception {
        HttpRequest request = HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + PORT + "/streaming/sse?interval=100ms")).build();
        // The stream never ends, so its first events can only be read if they are sent as they happen.
        List<String> firstTwoEvents = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
            try (Stream<String> lines = response.body()) {
                return lines.limit(8).toList();
            }
        });
        assertThat(String.join("\n", firstTwoEvents) + "\n").matches(EVENT.formatted("random").repeat(2));
    }

    @Test
    void liveReloadAppliesAChangedRuntimeProperty() {
        firstEvent("/streaming/sse").body(matchesPattern(EVENT.formatted("random")));

        app.modifyResourceFile("application.properties",
                properties -> properties + "quarkus.chamber.sse.event-name=reloaded\n");

        firstEvent("/streaming/sse").body(matchesPattern(EVENT.formatted("reloaded")));
    }

    @Test
    void liveReloadMovesTheEndpointAndTheCardToAChangedBuildTimePath() throws Exception {
        firstEvent("/streaming/sse").body(matchesPattern(EVENT.formatted("random")));

        app.modifyResourceFile("application.properties",
                properties -> properties + "quarkus.chamber.sse.path=/moved/sse\n");

        firstEvent("/moved/sse").body(matchesPattern(EVENT.formatted("random")));
        given(HTTP).get("/streaming/sse").then().statusCode(404);
        assertThat(buildTimeData("quarkus-chamber-sse", "ssePath").asText()).isEqualTo("/moved/sse");
        assertThat(card().path("staticLabel").asText()).contains("/moved/sse");
    }

    @Test
    void registersTheDevUiCard() throws Exception {
        JsonNode page = card();
        assertThat(page.path("title").asText()).isEqualTo("Live stream");
        assertThat(page.path("componentLink").asText()).isEqualTo("qwc-chamber-sse-stream.js");
        assertThat(page.path("staticLabel").asText()).contains("/streaming/sse");
        assertThat(buildTimeData("quarkus-chamber-sse", "ssePath").asText()).isEqualTo("/streaming/sse");

        given(HTTP).get("/q/dev-ui/quarkus-chamber-sse/qwc-chamber-sse-stream.js")
                .then().statusCode(200)
                .body(containsString("customElements.define('qwc-chamber-sse-stream'"));
        given(HTTP).get("/q/dev-ui/quarkus-chamber-sse/qwc-chamber-sse-card.js")
                .then().statusCode(200)
                .body(containsString("customElements.define('qwc-chamber-sse-card'"));
    }

    private static ValidatableResponse firstEvent(String path) {
        return given(HTTP).queryParam("count", 1).get(path).then().statusCode(200);
    }

    /** The extension's only card page, as the Dev UI lists it among the active extensions. */
    private static JsonNode card() throws Exception {
        List<JsonNode> chamber = buildTimeData("devui", "extensions").path("active").valueStream()
                .filter(extension -> extension.path("namespace").asText().equals("quarkus-chamber-sse"))
                .toList();
        assertThat(chamber).as("the Chamber SSE extension in the Dev UI").hasSize(1);
        JsonNode pages = chamber.get(0).path("cardPages");
        assertThat(pages).hasSize(1);
        return pages.get(0);
    }

    /** A constant of a Dev UI build-time data module, which the Dev UI serves as {@code export const name = json;}. */
    private static JsonNode buildTimeData(String namespace, String name) throws Exception {
        String module = given(HTTP).get("/q/dev-ui/" + namespace + "-data.js")
                .then().statusCode(200).extract().asString();
        Matcher constant = Pattern.compile("^export const " + name + " = (.*);$", Pattern.MULTILINE).matcher(module);
        assertThat(constant.find()).as("%s in %s-data.js", name, namespace).isTrue();
        return new ObjectMapper().readTree(constant.group(1));
    }
}
