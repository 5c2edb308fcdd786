package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Request input that comes back to the client: the names a CORS preflight asks for go back only as a list of
 * tokens, or are refused with a problem naming the header, over HTTP/1.1 and HTTP/2 (where a header value can hold
 * CR, LF and NUL); a problem body quotes input inertly; a request without a {@code Host} gets a problem. None of it
 * is logged above INFO.
 */
@QuarkusTest
class ReflectedInputTest {

    static final String REQUEST_HEADERS = "Access-Control-Request-Headers";
    static final String PREFLIGHT = "OPTIONS /streaming/sse HTTP/1.1\r\nHost: localhost\r\n";
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/streaming/sse")
    URI sse;

    WarningLog warnings;

    @BeforeEach
    void watchTheLog() {
        warnings = WarningLog.install();
    }

    @AfterEach
    void nothingLogged() {
        warnings.close();
        assertThat(warnings.records()).as("WARN and ERROR records").isEmpty();
    }

    @Test
    void aPreflightGetsTheRequestedNamesBackAsATokenList() throws Exception {
        RawHttp1.Response http1 = RawHttp1.exchange(sse.getPort(),
                PREFLIGHT + REQUEST_HEADERS + ": Last-Event-ID,  x-trace\t, ,x-b3-id\r\n");
        assertThat(http1.status()).isEqualTo(204);
        assertThat(http1.header("Access-Control-Allow-Headers")).containsExactly("Last-Event-ID, x-trace, x-b3-id");

        H2c.Response http2 = H2c.request(sse.getPort(), "OPTIONS", "/streaming/sse",
                Map.of("access-control-request-headers", "last-event-id,x-trace"));
        assertThat(http2.status()).isEqualTo(204);
        assertThat(http2.headers().get("access-control-allow-headers")).hasToString("last-event-id, x-trace");
    }

    @Test
    void aPreflightWithoutRequestedNamesAllowsLastEventId() throws Exception {
        RawHttp1.Response http1 = RawHttp1.exchange(sse.getPort(), PREFLIGHT);
        assertThat(http1.status()).isEqualTo(204);
        assertThat(http1.header("Access-Control-Allow-Headers")).containsExactly("Last-Event-ID");
    }

    @ParameterizedTest
    @ValueSource(strings = { "a b", "x-a;x-b", "\"x\"", "a/b", "x-\u00e9", "a,b c" })
    void aPreflightAskingForSomethingElseThanNamesIsRefusedOverHttp1(String value) throws Exception {
        RawHttp1.Response response = RawHttp1.exchange(sse.getPort(),
                PREFLIGHT + REQUEST_HEADERS + ": " + value + "\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Access-Control-Allow-Headers")).isEmpty();
        assertNamesTheHeader(response.header("Content-Type").get(0), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\r\nx-injected: 1", "a\nx-injected: 1", "a\u0000b", "a\rb", "a b", "x-a;x-b",
            "x-\u2028", "</script>" })
    void aPreflightAskingForSomethingElseThanNamesIsRefusedOverHttp2(String value) throws Exception {
        H2c.Response response = H2c.request(sse.getPort(), "OPTIONS", "/streaming/sse",
                Map.of("access-control-request-headers", value));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().contains("access-control-allow-headers")).isFalse();
        assertThat(response.headers().contains("x-injected")).isFalse();
        assertNamesTheHeader(response.headers().get("content-type").toString(), response.body());
    }

    @Test
    void aProblemQuotesInputInertly() throws Exception {
        String hostile = "</script>\u2028\u2029\u0000\r\n&";
        H2c.Response response = H2c.request(sse.getPort(), "GET", "/streaming/sse?quirk="
                + URLEncoder.encode(hostile, StandardCharsets.UTF_8), Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("<", ">", "\u2028", "\u2029", "\u0000", "\r", "\n");
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains(hostile);
    }

    @Test
    void aRequestWithoutHostIsAProblemNamingIt() throws Exception {
        for (String path : new String[] { "/streaming/sse?status=204", "/streaming/sse/expected?seed=1&count=1" }) {
            RawHttp1.Response response = RawHttp1.exchange(sse.getPort(), "GET " + path + " HTTP/1.1\r\n");
            assertThat(response.status()).as(path).isEqualTo(400);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(response.header("Content-Type")).as(path).containsExactly("application/problem+json");
            assertThat(problem.get("parameter").asText()).as(path).isEqualTo("Host");
        }
    }

    private static void assertNamesTheHeader(String contentType, String body) throws Exception {
        assertThat(contentType).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("parameter").asText()).isEqualTo(REQUEST_HEADERS);
    }
}
