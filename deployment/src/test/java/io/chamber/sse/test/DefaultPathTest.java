package io.chamber.sse.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class DefaultPathTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest();

    @Test
    void servesTheStreamAtStreamingSse() {
        given().queryParam("count", 1)
                .when().get("/streaming/sse")
                .then().statusCode(200)
                .header("Content-Type", "text/event-stream")
                .body(matchesPattern("id: [0-9a-f]{32}\nevent: random\ndata: \\{.*}\n\n"));
    }
}
