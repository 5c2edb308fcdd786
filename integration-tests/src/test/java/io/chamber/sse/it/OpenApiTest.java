package io.chamber.sse.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chamber.sse.runtime.ChamberSseConfig;
import io.chamber.sse.runtime.http.ParameterCatalog;
import io.chamber.sse.runtime.http.StreamParameter;
import io.quarkus.test.junit.QuarkusTest;

/**
 * With quarkus-smallrye-openapi, the endpoint and every parameter it reads appear in the document, described as the
 * parameter catalog describes them with the application's configuration.
 */
@QuarkusTest
class OpenApiTest {

    @Inject
    ChamberSseConfig config;

    @Test
    void documentsTheEndpointAndEveryParameter() {
        Map<String, Object> get = streamOperation();
        assertThat(get).isNotNull().containsKey("summary");

        assertThat(parameters(get).keySet()).containsExactlyInAnyOrderElementsOf(parametersTheEndpointReads());
        assertThat(parameters(get).values()).allSatisfy(parameter -> assertThat((String) parameter.get("description"))
                .hasSizeGreaterThan(20));
        @SuppressWarnings("unchecked")
        Map<String, Object> responses = (Map<String, Object>) get.get("responses");
        assertThat(responses).containsKeys("200", "204", "400", "503");
    }

    @Test
    void describesEveryParameterAsTheCatalogDoesWithTheConfiguredValues() {
        ParameterCatalog catalog = new ParameterCatalog(config);
        Map<String, Map<String, Object>> parameters = parameters(streamOperation());

        for (ParameterCatalog.Entry<?> entry : catalog.entries()) {
            Map<String, Object> parameter = parameters.get(entry.name());
            assertThat(parameter.get("description")).as(entry.name()).isEqualTo(entry.description());
            assertThat(parameter.get("in")).as(entry.name()).isEqualTo(entry.parameter().isHeader() ? "header" : "query");
            @SuppressWarnings("unchecked")
            Map<String, Object> schema = (Map<String, Object>) parameter.get("schema");
            if (entry.type() == ParameterCatalog.ValueType.CHOICE) {
                assertThat(schema.get("enum")).as(entry.name()).isEqualTo(entry.values());
            }
            if (entry.defaultValue() != null) {
                assertThat(String.valueOf(schema.get("default"))).as(entry.name()).isEqualTo(entry.defaultValue());
            }
        }
        // The test profile's interval (application.properties), not the extension's own default of 1s..5s.
        assertThat(parameters.get("interval").get("description")).asString().contains("Default: 100ms..300ms.");
    }

    private static Map<String, Object> streamOperation() {
        return given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths.'/streaming/sse'.get");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> parameters(Map<String, Object> operation) {
        Map<String, Map<String, Object>> byName = new HashMap<>();
        for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.get("parameters")) {
            byName.put((String) parameter.get("name"), parameter);
        }
        return byName;
    }

    private static List<String> parametersTheEndpointReads() {
        return Arrays.stream(StreamParameter.values()).map(StreamParameter::wireName).toList();
    }
}
