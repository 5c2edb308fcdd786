package io.chamber.sse.it;

import static io.chamber.sse.it.StreamControlsTest.assertProblem;
import static io.chamber.sse.it.StreamEndpointTest.JSON;
import static io.chamber.sse.it.StreamEndpointTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.chamber.sse.runtime.stream.EventIds;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The conformance lab's parameters against a running server: the manifest at {@code /expected}, the proxy
 * diagnostics (echo, stamp, X-Accel-Buffering, gzip), id faults, splits that really leave as separate chunks, and
 * every refused combination. Real clients read the quirky streams in the demo's conformance test.
 */
@QuarkusTest
class ConformanceLabTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/streaming/sse")
    URI sse;

    URI uri(String query) {
        return URI.create(sse + "?" + query);
    }

    @Test
    void theManifestListsWhatTheStreamDispatches() throws Exception {
        String query = "seed=11&count=5&interval=0&retry=700&quirk=crlf,comment,empty-id";
        JsonNode manifest = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(sse + "/expected?" + query)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<SseClient.Event> events;
        try (SseClient client = SseClient.open(uri(query))) {
            events = client.rest(WAIT).stream().filter(item -> item instanceof SseClient.Event)
                    .map(SseClient.Event.class::cast).toList();
        }
        assertThat(manifest.get("events")).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(manifest.get("events").get(i).get("data").asText()).isEqualTo(events.get(i).data());
            assertThat(manifest.get("events").get(i).get("type").asText()).isEqualTo(events.get(i).event());
        }
        assertThat(manifest.get("events").get(1).get("lastEventId").asText()).isEmpty();
        assertThat(manifest.get("reconnectionTime").asLong()).isEqualTo(700);
        assertThat(manifest.get("reconnects").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "count=3 | seed", "seed=1 | count", "seed=1&count=10001 | count", "seed=1&count=3&stamp=1 | stamp",
            "seed=1&count=3&echo=request | echo", "seed=1&count=3&duration=1s | duration" })
    void aManifestNeedsAStreamThatIsTheSameEveryTime(String query, String parameter) throws Exception {
        assertProblem(SseClient.open(URI.create(sse + "/expected?" + query)), parameter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "quirk=nope | quirk", "quirk=crlf,cr | quirk", "quirk=mixed-newlines,crlf | quirk",
            "quirk=no-space,extra-space | quirk", "split=sideways | split", "split=mid-crlf&quirk=cr | split",
            "split=line&gzip=1 | gzip", "split=line&gzip=auto | gzip", "gzip=yes | gzip", "stamp=2 | stamp", "echo=everything | echo",
            "accel_buffering=yes | accel_buffering", "id_fault=twice | id_fault", "id_fault_every=3 | id_fault_every",
            "id_fault=dup&id_fault_every=1 | id_fault_every", "retry=500&retry_in=middle | retry_in",
            "retry_in=first | retry_in", "retry_in=block | retry_in" })
    void refusesLabValuesItCannotUse(String query, String parameter) throws Exception {
        assertProblem(SseClient.open(uri(query)), parameter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "retry=1500 | 'retry: 1500\\n\\n' | '}\\n\\n'",
            "retry=1500&retry_in=block | 'retry: 1500\\n\\n' | '}\\n\\n'",
            "retry=1500&retry_in=first | '' | '}\\nretry: 1500\\n\\n'",
            "retry=1500&retry_in=first&quirk=crlf | '' | '}\\r\\nretry: 1500\\r\\n\\r\\n'",
            "retry=1500&retry_in=first&padding=3 | ':   \\n\\n' | '}\\nretry: 1500\\n\\n'",
            "retry=1500&retry_in=first&quirk=bom | '\uFEFF' | '}\\nretry: 1500\\n\\n'" })
    void retryInPlacesTheRetryField(String query, String beforeFirstEvent, String firstEventEnd) throws Exception {
        String stream = "seed=5&count=2&interval=0&data=hi&" + query;
        String body = HTTP.send(HttpRequest.newBuilder(uri(stream)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        String lineEnd = query.contains("crlf") ? "\r\n" : "\n";
        assertThat(body).startsWith(beforeFirstEvent.translateEscapes() + "id: " + EventIds.encode(5, 0) + lineEnd
                + "event: random" + lineEnd + "data: {\"message\": \"hi\"");
        assertThat(body.substring(body.indexOf('}'))).startsWith(firstEventEnd.translateEscapes());
        assertThat(body.lastIndexOf("retry:")).as("one retry field").isEqualTo(body.indexOf("retry:"));
        JsonNode manifest = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(sse + "/expected?" + stream))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(manifest.get("reconnectionTime").asLong()).isEqualTo(1500);
        assertThat(manifest.get("events")).hasSize(2);
        assertThat(manifest.at("/events/0/lastEventId").asText()).isEqualTo(EventIds.encode(5, 0));
    }

    @Test
    void retryBogusAloneSendsItsBogusLineInEveryEvent() throws Exception {
        String stream = "seed=5&count=3&interval=0&quirk=retry-bogus";
        String body = HTTP.send(HttpRequest.newBuilder(uri(stream)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(body.lines().filter(line -> line.startsWith("retry:")).toList())
                .containsExactly("retry: 2000x", "retry: 2000x", "retry: 2000x");
        JsonNode manifest = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(sse + "/expected?" + stream))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(manifest.get("reconnectionTime").isNull()).isTrue();
        assertThat(manifest.get("events")).hasSize(3);
    }

    @Test
    void aDroppingStreamsManifestListsEveryConnectionUpToThe204() throws Exception {
        String query = "seed=5&count=5&interval=0&drop_after=2&retry=50&quirk=crlf";
        JsonNode manifest = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(sse + "/expected?" + query))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode connections = manifest.get("connections");
        assertThat(connections).hasSize(4);
        assertThat(manifest.get("events")).isEqualTo(connections.get(0).get("events"));
        String lastEventId = "";
        for (int i = 0; i < 3; i++) {
            JsonNode connection = connections.get(i);
            List<SseClient.Event> events;
            try (SseClient client = SseClient.open(uri(query), lastEventId.isEmpty() ? Map.of()
                    : Map.of("Last-Event-ID", lastEventId))) {
                events = client.events(connection.get("events").size(), WAIT);
            }
            assertThat(events).extracting(SseClient.Event::data).containsExactlyElementsOf(
                    connection.get("events").findValuesAsText("data"));
            assertThat(connection.get("reconnects").asBoolean()).isTrue();
            lastEventId = connection.get("lastEventId").asText();
            assertThat(lastEventId).isEqualTo(events.get(events.size() - 1).id());
        }
        assertThat(connections).extracting(connection -> connection.get("events").size()).containsExactly(2, 2, 1, 0);
        assertThat(lastEventId).isEqualTo(EventIds.encode(5, 4));
        assertThat(connections.get(3).get("reconnects").asBoolean()).isFalse();
        try (SseClient client = SseClient.open(uri(query), Map.of("Last-Event-ID", lastEventId))) {
            assertThat(client.response().statusCode()).isEqualTo(204);
        }
    }

    @Test
    void echoShowsTheRequestAsTheServerSawIt() throws Exception {
        try (SseClient client = SseClient.open(uri("echo=request&count=1&interval=0"),
                Map.of("X-Forwarded-For", "203.0.113.7", "Via", "1.1 test-proxy"))) {
            SseClient.Event request = client.nextEvent(WAIT);
            assertThat(request.event()).isEqualTo("request");
            assertThat(request.id()).isNull();
            JsonNode seen = JSON.readTree(request.data());
            assertThat(seen.get("httpVersion").asText()).isEqualTo("HTTP/1.1");
            assertThat(seen.get("method").asText()).isEqualTo("GET");
            assertThat(seen.get("target").asText()).isEqualTo("/streaming/sse?echo=request&count=1&interval=0");
            assertThat(seen.get("remoteAddress").asText()).matches("(127\\.0\\.0\\.1|\\[(::1|0:0:0:0:0:0:0:1)]):\\d+");
            List<String> headers = new ArrayList<>();
            seen.get("headers").forEach(header -> headers.add(header.get(0).asText() + ": " + header.get(1).asText()));
            assertThat(headers).contains("X-Forwarded-For: 203.0.113.7", "Via: 1.1 test-proxy",
                    "Accept: text/event-stream");
            assertThat(client.nextEvent(WAIT).event()).isEqualTo("random");
        }
    }

    @Test
    void stampCarriesTheWallClockSendTime() throws Exception {
        long before = micros(Instant.now());
        List<SseClient.Event> events = SseClient.readToEnd(uri("stamp=1&count=3&interval=50ms"), Map.of(), WAIT);
        long after = micros(Instant.now());
        for (SseClient.Event event : events) {
            assertThat(JSON.readTree(event.data()).get("sent").asLong()).isBetween(before, after);
        }
    }

    @Test
    void xAccelBufferingIsSentUnlessOmitted() {
        try (SseClient client = SseClient.open(uri("count=1"))) {
            assertThat(client.response().headers().allValues("X-Accel-Buffering")).containsExactly("no");
        }
        try (SseClient client = SseClient.open(uri("count=1&accel_buffering=omit"))) {
            assertThat(client.response().headers().firstValue("X-Accel-Buffering")).isEmpty();
        }
    }

    @Test
    void gzipIsFlushedAfterEveryEvent() throws Exception {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(uri("gzip=1&interval=10s")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (InputStream body = response.body()) {
            // the stream waits 10 s after this first event: it can only be read now if it was flushed
            CompletableFuture<String> firstEvent = CompletableFuture.supplyAsync(() -> inflateUntilBlankLine(body));
            assertThat(firstEvent.get(5, TimeUnit.SECONDS)).startsWith("id: ").contains("\ndata: {\"message\": ");
        }
    }

    @Test
    void aFiniteGzipStreamIsOneValidGzipMember() throws Exception {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(uri("gzip=1&count=20&interval=0&seed=4"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        String decoded;
        try (InputStream body = new GZIPInputStream(response.body())) {
            decoded = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
        String plain = HTTP.send(HttpRequest.newBuilder(uri("count=20&interval=0&seed=4")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(decoded).isEqualTo(plain);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gzip | true", "gzip, deflate, br, zstd | true", "x-gzip | true", "br, *;q=0.5 | true",
            "gzip;q=0 | false", "*, gzip;q=0.000 | false", "identity | false", "br | false", "'' | false" })
    void gzipAutoCompressesOnlyWhenAcceptEncodingAllowsGzip(String acceptEncoding, boolean compressed)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("gzip=auto&count=3&interval=0&seed=4"));
        if (!acceptEncoding.isEmpty()) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String body;
        try (InputStream raw = response.body(); InputStream decoded = compressed ? new GZIPInputStream(raw) : raw) {
            body = new String(decoded.readAllBytes(), StandardCharsets.UTF_8);
        }
        String plain = HTTP.send(HttpRequest.newBuilder(uri("count=3&interval=0&seed=4")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(response.headers().firstValue("Content-Encoding")).isEqualTo(
                compressed ? java.util.Optional.of("gzip") : java.util.Optional.empty());
        assertThat(body).isEqualTo(plain);
    }

    @Test
    void idFaultsRepeatSkipAndSwap() {
        List<String> ids = ids("seed=3&count=6&interval=0");
        assertThat(ids("seed=3&count=6&interval=0&id_fault=dup&id_fault_every=3"))
                .containsExactly(ids.get(0), ids.get(1), ids.get(1), ids.get(3), ids.get(4), ids.get(4));
        assertThat(ids("seed=3&count=6&interval=0&id_fault=skip&id_fault_every=3"))
                .containsExactly(ids.get(0), ids.get(1), ids.get(3), ids.get(4));
        assertThat(ids("seed=3&count=6&interval=0&id_fault=reorder&id_fault_every=3"))
                .containsExactly(ids.get(0), ids.get(1), ids.get(3), ids.get(2), ids.get(4), ids.get(5));
    }

    @ParameterizedTest
    @CsvSource({ "line, 6", "byte, 100" })
    void aSplitFrameLeavesInSeparateChunks(String split, int atLeastReads) throws Exception {
        try (Socket socket = new Socket(sse.getHost(), sse.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /streaming/sse?count=1&seed=1&interval=0&quirk=comment&split=" + split
                    + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            int reads = 0;
            long first = 0;
            long last = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                reads++;
                last = System.nanoTime();
                first = first == 0 ? last : first;
            }
            assertThat(reads).as("reads of the %s split event", split).isGreaterThanOrEqualTo(atLeastReads);
            assertThat(last - first).as("the pieces are paced").isGreaterThanOrEqualTo(
                    TimeUnit.MILLISECONDS.toNanos(3L * (atLeastReads - 2)));
        }
    }

    private List<String> ids(String query) {
        return SseClient.readToEnd(uri(query), Map.of(), WAIT).stream().map(SseClient.Event::id).toList();
    }

    /**
     * Inflates each chunk as it arrives until an event is complete. (Not a Reader on a GZIPInputStream: it waits to
     * fill its buffer, since InflaterInputStream always says some bytes are available; nor GZIPInputStream read a
     * byte at a time, which asks for more input before it gives out the last bytes of a flushed block.)
     */
    private static String inflateUntilBlankLine(InputStream gzip) {
        Inflater inflater = new Inflater(true);
        StringBuilder text = new StringBuilder();
        byte[] chunk = new byte[8192];
        byte[] inflated = new byte[65536];
        try {
            int headerLeft = 10;
            while (!text.toString().contains("\n\n")) {
                int read = gzip.read(chunk);
                if (read < 0) {
                    break;
                }
                int skip = Math.min(headerLeft, read);
                headerLeft -= skip;
                inflater.setInput(chunk, skip, read - skip);
                for (int n = inflater.inflate(inflated); n > 0; n = inflater.inflate(inflated)) {
                    text.append(new String(inflated, 0, n, StandardCharsets.UTF_8));
                }
            }
        } catch (java.io.IOException | java.util.zip.DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inflater.end();
        }
        return text.toString();
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

}
