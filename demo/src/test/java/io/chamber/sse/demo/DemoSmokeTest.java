package io.chamber.sse.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chamber.sse.runtime.ChamberSseConfig;
import io.chamber.sse.runtime.http.ParameterCatalog;
import io.chamber.sse.runtime.http.ParameterForm;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DemoSmokeTest {

    @Inject
    ChamberSseConfig config;

    @TestHTTPResource("/demo/ticks")
    URI ticks;

    @Test
    void servesTheStreamingEndpoint() {
        given().queryParam("count", 2)
                .when().get("/streaming/sse")
                .then().statusCode(200)
                .header("Content-Type", "text/event-stream")
                .body(matchesPattern("(id: [0-9a-f]{32}\nevent: random\ndata: \\{\"message\": \"[0-9A-Za-z]{10,50}\", "
                        + "\"elapsed\": \\d+\\.\\d{6}}\n\n){2}"));
    }

    /** The viewer page's form is the parameter catalog's, with the app's configuration. */
    @Test
    void servesTheViewersFormFromTheCatalog() {
        List<ParameterForm.Field> expected = ParameterForm.of(new ParameterCatalog(config));
        List<Map<String, Object>> served = given().when().get("/demo/parameters")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(served).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            ParameterForm.Field field = expected.get(i);
            assertThat(served.get(i)).containsEntry("name", field.name()).containsEntry("placeholder", field.placeholder())
                    .containsEntry("help", field.help()).containsEntry("choices", field.choices())
                    .containsEntry("multiple", field.multiple());
        }
        assertThat(served).extracting(field -> field.get("name")).contains("quirk", "split", "gzip", "retry_in");
    }

    /** The viewer page learns the endpoint from the extension, with nothing restated in application.properties. */
    @Test
    void tellsTheViewerWhereTheStreamIs() {
        given().when().get("/demo/stream")
                .then().statusCode(200)
                .body("path", equalTo("/streaming/sse"))
                .body("eventName", equalTo("random"));
    }

    @Test
    void reusesTheGeneratorInItsOwnEndpoint() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(ticks).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(response.statusCode()).isEqualTo(200);
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.startsWith("data:"));
            assertThat(line).startsWith("data:");
            JsonNode event = new ObjectMapper().readTree(line.substring("data:".length()));
            assertThat(event.get("id").asText()).matches("[0-9a-f]{32}");
            assertThat(event.get("name").asText()).isEqualTo("random");
            assertThat(event.get("data").get("message").asText()).matches("[0-9A-Za-z]{10,50}");
            assertThat(event.get("data").get("elapsed").isNumber()).isTrue();
        }
    }
}
