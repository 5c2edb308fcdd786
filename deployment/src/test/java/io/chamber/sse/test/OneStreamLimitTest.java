package io.chamber.sse.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/** With {@code max-streams=1}, a second stream is refused with a problem whose detail reads right for one stream. */
class OneStreamLimitTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.chamber.sse.max-streams", "1");

    @TestHTTPResource("/streaming/sse?interval=10s")
    URI slowStream;

    @Test
    void theSecondStreamIsRefusedInTheSingular() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(slowStream).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> held = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = held.body()) {
            assertThat(held.statusCode()).isEqualTo(200);
            assertThat(body.read()).as("the first event has arrived: the stream is open").isEqualTo('i');
            given().when().get("/streaming/sse")
                    .then().statusCode(503)
                    .header("Retry-After", "1")
                    .body("detail", equalTo("1 stream is open, the most this server allows"));
        }
    }
}
