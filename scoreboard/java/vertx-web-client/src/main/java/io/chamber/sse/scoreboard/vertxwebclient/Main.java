package io.chamber.sse.scoreboard.vertxwebclient;

import java.util.concurrent.ExecutionException;

import io.chamber.sse.scoreboard.harness.Harness;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.codec.BodyCodec;

/**
 * The Vert.x Web Client reading the body through {@code BodyCodec.sseStream}, each {@code SseEvent} handed to the
 * application. It reads one response and does not reconnect, so this loop does, by the standard's rules: after the
 * reconnection time (the retry the codec reports, else 1 s), with Last-Event-ID when the last event ID is not empty;
 * it stops on a status other than 200.
 */
public final class Main {

    private static volatile String lastEventId = "";
    private static volatile long reconnectionTime = 1000;

    public static void main(String[] args) throws InterruptedException {
        Harness harness = new Harness(args);
        WebClient client = WebClient.create(Vertx.vertx());
        while (true) {
            HttpRequest<Void> request = client.getAbs(harness.url).putHeader("Accept", "text/event-stream")
                    .as(BodyCodec.sseStream(events -> {
                        harness.open();
                        events.exceptionHandler(harness::error);
                        events.handler(event -> {
                            if (event.retry() > 0) {
                                reconnectionTime = event.retry();
                            }
                            if (event.id() != null) {
                                lastEventId = event.id();
                            }
                            harness.event(event.event(), event.data(), lastEventId);
                        });
                    }));
            if (!lastEventId.isEmpty()) {
                request.putHeader("Last-Event-ID", lastEventId);
            }
            int status = 0;
            try {
                status = request.send().toCompletionStage().toCompletableFuture().get().statusCode();
            } catch (ExecutionException e) {
                harness.error(e.getCause());
            }
            if (status != 200 && status != 0) {
                harness.closed();
                break;
            }
            Thread.sleep(reconnectionTime);
        }
        Harness.waitForever();
    }
}
