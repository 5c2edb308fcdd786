package io.chamber.sse.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

/**
 * Opens many SSE streams at once on a non-blocking Vert.x client, with no thread per stream. Each {@link Stream}
 * tells when its request went out, when its first event arrived and how the response ended.
 */
final class ManyStreams implements AutoCloseable {

    /** One open stream. */
    static final class Stream {
        final Promise<Void> sent = Promise.promise();
        final Promise<Void> firstEvent = Promise.promise();
        /** Succeeds when the body ended cleanly, fails when the connection broke. */
        final Promise<Void> end = Promise.promise();
        volatile HttpConnection connection;

        /** Leaves: closes the connection (with a reset when the client was made with {@code resetOnClose}). */
        void close() {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client;

    ManyStreams(int port) {
        this(port, false);
    }

    /** @param resetOnClose close connections with a TCP reset (SO_LINGER 0) instead of a FIN */
    ManyStreams(int port, boolean resetOnClose) {
        client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(port)
                .setConnectTimeout(10_000).setSoLinger(resetOnClose ? 0 : -1),
                new PoolOptions().setHttp1MaxSize(100_000));
    }

    /** Opens {@code count} streams; returns once every one has received its first event. */
    List<Stream> open(int count, String uri) throws Exception {
        return open(count, uri, Map.of());
    }

    /** Opens {@code count} streams with these request headers; returns once every one has received its first event. */
    List<Stream> open(int count, String uri, Map<String, String> headers) throws Exception {
        List<Stream> streams = IntStream.range(0, count).mapToObj(i -> open(uri, headers)).toList();
        await(streams.stream().map(stream -> stream.firstEvent.future()).toList());
        return streams;
    }

    /** Sends {@code count} requests; returns once every one went out (the answers may come later or never). */
    List<Stream> send(int count, String uri) throws Exception {
        List<Stream> streams = IntStream.range(0, count).mapToObj(i -> open(uri, Map.of())).toList();
        await(streams.stream().map(stream -> stream.sent.future()).toList());
        return streams;
    }

    private static void await(List<Future<Void>> futures) throws Exception {
        Future.all(futures).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private Stream open(String uri, Map<String, String> headers) {
        Stream stream = new Stream();
        client.request(HttpMethod.GET, uri).compose(request -> {
            stream.connection = request.connection();
            headers.forEach(request::putHeader);
            request.response().onSuccess(response -> {
                response.handler(chunk -> stream.firstEvent.tryComplete());
                response.endHandler(ignored -> stream.end.tryComplete());
                response.exceptionHandler(stream.end::tryFail);
                if (response.statusCode() != 200) {
                    stream.firstEvent.tryFail("status " + response.statusCode());
                }
            });
            return request.end().onSuccess(stream.sent::tryComplete);
        }).onFailure(failure -> {
            stream.sent.tryFail(failure);
            stream.firstEvent.tryFail(failure);
            stream.end.tryFail(failure);
        });
        return stream;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
