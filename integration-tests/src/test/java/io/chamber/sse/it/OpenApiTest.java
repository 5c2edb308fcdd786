package io.chamber.sse.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chamber.sse.runtime.http.StreamParameter;
import io.quarkus.test.junit.QuarkusTest;

/** With quarkus-smallrye-openapi, the endpoint and every parameter it reads appear, described, in the document. */
@QuarkusTest
class OpenApiTest {

    @Test
    void documentsTheEndpointAndEveryParameter() {
        Map<String, Object> get = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths.'/streaming/sse'.get");
        assertThat(get).isNotNull().containsKey("summary");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) get.get("parameters");
        Map<String, String> descriptions = new HashMap<>();
        parameters.forEach(parameter -> descriptions.put((String) parameter.get("name"), (String) parameter.get("description")));

        assertThat(descriptions.keySet()).containsExactlyInAnyOrderElementsOf(parametersTheEndpointReads());
        assertThat(descriptions.values()).allSatisfy(description -> assertThat(description).hasSizeGreaterThan(20));
        @SuppressWarnings("unchecked")
        Map<String, Object> responses = (Map<String, Object>) get.get("responses");
        assertThat(responses).containsKeys("200", "204", "400", "503");
    }

    private static List<String> parametersTheEndpointReads() {
        return Arrays.stream(StreamParameter.values()).map(StreamParameter::wireName).toList();
    }
}
