package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

/**
 * Requests that amplify what one request costs the server (issue 14), many at once, at {@code -Xmx256m}: split and
 * padded streams, gzip streams, echoed 16 KB headers, manifests of the largest streams. The server may refuse
 * (503 with {@code Retry-After}) but never fails (500, OutOfMemoryError) and is whole once the clients left.
 */
class AmplifyingRequestsIT extends HostileSuite {

    static final String DATA = "d".repeat(1024);
    /** Requests sent at once: the whole lot at once only measures how many connections the backlog holds. */
    static final int BATCH = 100;
    static final String SPLIT_PADDED = "/streaming/sse?interval=1h&split=byte&padding=65536&data=" + DATA;
    static final String GZIP_PADDED = "/streaming/sse?interval=1h&gzip=1&padding=65536&data=" + DATA;
    static final String ECHO = "/streaming/sse?interval=1h&echo=request&padding=65536";

    @Test
    @Order(1)
    void manifestsOfTheLargestStreamsAreBoundedWork() throws Exception {
        List<String> queries = List.of("/streaming/sse/expected?seed=1&count=3&interval=1h&heartbeat=1ms",
                "/streaming/sse/expected?seed=1&count=10000&interval=1h&heartbeat=1ms",
                "/streaming/sse/expected?seed=1&count=10000&interval=0&padding=65536&data=" + DATA,
                "/streaming/sse/expected?seed=1&count=10000&interval=0..1h&heartbeat=1ms&padding=65536&data=" + DATA,
                "/streaming/sse/expected?seed=1&count=10000&interval=0&split=byte&padding=65536&quirk=multiline,"
                        + "comment,utf8,bom&data=" + DATA);
        Map<String, Integer> statuses = many(queries.stream().flatMap(query -> Stream.of(query, query, query))
                .toList(), MultiMap.caseInsensitiveMultiMap(), false);
        assertServedOrRefused(statuses);
    }

    @Test
    @Order(2)
    void splitPaddedStreamsAreServedOrRefusedNeverFail() throws Exception {
        assertServedOrRefused(many(copies(1_200, SPLIT_PADDED), MultiMap.caseInsensitiveMultiMap(), true));
    }

    @Test
    @Order(3)
    void gzipStreamsAreServedOrRefusedNeverFail() throws Exception {
        assertServedOrRefused(many(copies(1_200, GZIP_PADDED), MultiMap.caseInsensitiveMultiMap(), true));
    }

    @Test
    @Order(4)
    void echoedLargeHeadersAreServedOrRefusedNeverFail() throws Exception {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < 16; i++) {
            headers.add("X-Large-" + i, "h".repeat(1000));
        }
        assertServedOrRefused(many(copies(1_000, ECHO), headers, true));
    }

    @Test
    @Order(5)
    void allOfThemAtOnceAreServedOrRefusedNeverFail() throws Exception {
        List<String> mix = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            mix.addAll(List.of(SPLIT_PADDED, GZIP_PADDED, ECHO));
        }
        mix.addAll(copies(10, "/streaming/sse/expected?seed=1&count=10000&interval=0&padding=65536&data=" + DATA));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < 16; i++) {
            headers.add("X-Large-" + i, "h".repeat(1000));
        }
        assertServedOrRefused(many(mix, headers, true));
    }

    /** One request on a connection of its own: its kind and answer, or how it failed. */
    private static Future<String> send(HttpClient client, String uri, MultiMap headers, boolean streams,
            Collection<HttpConnection> connections) {
        return client.request(HttpMethod.GET, uri).compose(request -> {
            connections.add(request.connection());
            request.headers().addAll(headers);
            return request.send();
        }).compose(response -> {
            String answer = response.statusCode() == 503 && response.getHeader("Retry-After") != null ? "503+"
                    : Integer.toString(response.statusCode());
            if (streams && response.statusCode() == 200) {
                response.exceptionHandler(closedAtTheEnd -> { }); // the test closes every connection when done
                response.pause();
                return Future.succeededFuture(answer);
            }
            return response.body().map(body -> answer.equals("200") || answer.equals("503+") ? answer
                    : answer + " " + body.toString().substring(0, Math.min(200, body.length())));
        }).recover(failure -> Future.succeededFuture("failed: " + failure))
                .map(answer -> (uri.contains("/expected") ? "manifest " : "stream ") + answer);
    }

    /** Open streams, heap after GC and RSS while the clients are still connected, for the test log. */
    private String state() {
        try {
            return "open streams " + app.openStreams() + ", heap after GC " + (app.heapAfterGc() >> 10) + " KB, RSS "
                    + (app.rss() >> 10) + " KB";
        } catch (AssertionError | RuntimeException e) {
            return "the app does not answer: " + e.getMessage();
        }
    }

    private static List<String> copies(int count, String uri) {
        return Collections.nCopies(count, uri);
    }

    /** Streams are served or refused for now (503 with Retry-After); a manifest may also be refused as too large. */
    private static void assertServedOrRefused(Map<String, Integer> answers) {
        assertThat(answers.keySet()).as("answers: 200 or 503 with Retry-After (manifests: or a 400 problem)")
                .allMatch(answer -> answer.equals("stream 200") || answer.equals("stream 503+")
                        || answer.equals("manifest 200") || answer.equals("manifest 503+")
                        || answer.startsWith("manifest 400 {\"type\":\"urn:chamber-sse:invalid-parameter\""));
    }

    /**
     * Sends the requests {@value #BATCH} at a time (a batch once the previous one is answered), each on a connection
     * of its own, and waits for every answer's head; the streams stay open until the end. Streams are not read (the
     * client's socket fills, as a slow client's does); every connection is closed at the end.
     *
     * @return how many answers of each kind: {@code stream} or {@code manifest}, then the status ({@code 503+} for a
     *         503 with {@code Retry-After}) or the failure of a request the server did not answer
     */
    private Map<String, Integer> many(List<String> uris, MultiMap headers, boolean streams) throws Exception {
        Vertx vertx = Vertx.vertx();
        ConcurrentLinkedQueue<HttpConnection> connections = new ConcurrentLinkedQueue<>();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                    .setDefaultPort(app.port).setConnectTimeout(30_000).setIdleTimeout(0),
                    new PoolOptions().setHttp1MaxSize(100_000).setMaxWaitQueueSize(-1));
            List<Future<String>> answers = new ArrayList<>();
            for (int from = 0; from < uris.size(); from += BATCH) {
                List<Future<String>> batch = uris.subList(from, Math.min(uris.size(), from + BATCH)).stream()
                        .map(uri -> send(client, uri, headers, streams, connections)).toList();
                answers.addAll(batch);
                try {
                    Future.join(batch).toCompletionStage().toCompletableFuture().handle((ok, failure) -> null)
                            .get(60, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    break; // the server stopped answering: the answers missing are counted as such
                }
            }
            Map<String, Integer> counts = new TreeMap<>(answers.stream().collect(Collectors.groupingBy(
                    answer -> answer.isComplete() ? answer.result() : "no answer", Collectors.summingInt(a -> 1))));
            if (answers.size() < uris.size()) {
                counts.put("not sent: the server stopped answering", uris.size() - answers.size());
            }
            System.out.printf("[hostile] %d requests (%s...): %s; %s%n", uris.size(),
                    uris.get(0).substring(0, Math.min(60, uris.get(0).length())), counts, state());
            return counts;
        } finally {
            connections.forEach(HttpConnection::close);
            vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }
}
