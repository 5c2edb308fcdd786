package io.chamber.sse.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;

/**
 * Warms the load client's own code (connecting, requesting, reading chunked responses, counting events) against an
 * SSE server of its own in the same process, before the measured run: otherwise the client's JIT compiling, on its
 * one core, would count in the measured server's time to first event.
 */
final class ClientWarmUp {

    private static final Buffer EVENT = Buffer.buffer(
            "id: 00000000000000000000000000000000\nevent: random\ndata: {\"message\": \"warm\", \"elapsed\": 0.000001}\n\n");
    private static final int WAVE = 1000;

    private ClientWarmUp() {
    }

    /** Opens {@code streams} streams in waves, reads each one's first event and closes it. */
    static void run(Vertx vertx, HttpClientOptions clientOptions, int streams) throws Exception {
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.response().setChunked(true)
                        .putHeader("Content-Type", "text/event-stream").write(EVENT))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions(clientOptions)
                .setDefaultHost("127.0.0.1").setDefaultPort(server.actualPort()), new PoolOptions().setHttp1MaxSize(WAVE));
        try {
            for (int opened = 0; opened < streams; opened += WAVE) {
                List<Future<Void>> firstEvents = new ArrayList<>();
                for (int i = 0; i < Math.min(WAVE, streams - opened); i++) {
                    firstEvents.add(firstEvent(client));
                }
                Future.all(firstEvents).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static Future<Void> firstEvent(HttpClient client) {
        Promise<Void> firstEvent = Promise.promise();
        SseEventCounter counter = new SseEventCounter();
        client.request(HttpMethod.GET, "/").compose(request -> request.send()).onSuccess(response -> {
            response.exceptionHandler(ignoredAfterClose -> {
            });
            response.handler(chunk -> {
                byte[] bytes = chunk.getBytes();
                if (counter.feed(bytes, 0, bytes.length) > 0 && firstEvent.tryComplete()) {
                    response.request().connection().close();
                }
            });
        }).onFailure(firstEvent::tryFail);
        return firstEvent.future();
    }
}
