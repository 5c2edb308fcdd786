package io.chamber.sse.scoreboard.micronauthttpclient;

import java.net.URL;
import java.util.concurrent.CountDownLatch;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import io.chamber.sse.scoreboard.harness.Harness;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;

/**
 * The Micronaut HTTP client's {@code SseClient}, made with {@code SseClient.create(URL)} (no application context),
 * reading {@code Event<String>}. It reads one response and does not reconnect, so this loop does, by the standard's
 * rules: after the reconnection time (the retry the client reports, else 1 s), with Last-Event-ID when the last event
 * ID is not empty; it stops when the client fails with a status (a 204, which the client ends like a normal stream,
 * is not seen).
 */
public final class Main {

    private static volatile String lastEventId = "";
    private static volatile long reconnectionTime = 1000;

    public static void main(String[] args) throws Exception {
        Harness harness = new Harness(args);
        SseClient client = SseClient.create(new URL(harness.url));
        while (true) {
            MutableHttpRequest<?> request = HttpRequest.GET(harness.url).accept(MediaType.TEXT_EVENT_STREAM_TYPE);
            if (!lastEventId.isEmpty()) {
                request.header("Last-Event-ID", lastEventId);
            }
            harness.open();
            Throwable failure = readAll(client, request, harness);
            if (failure != null) {
                harness.error(failure);
            }
            if (failure instanceof HttpClientResponseException) {
                harness.closed();
                break;
            }
            Thread.sleep(reconnectionTime);
        }
        Harness.waitForever();
    }

    /** Hands every event of one response to the application; what the stream failed with, or null. */
    private static Throwable readAll(SseClient client, HttpRequest<?> request, Harness harness)
            throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        Throwable[] failure = { null };
        client.eventStream(request, String.class).subscribe(new Subscriber<Event<String>>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Event<String> event) {
                if (event.getRetry() != null) {
                    reconnectionTime = event.getRetry().toMillis();
                }
                if (event.getId() != null) {
                    lastEventId = event.getId();
                }
                harness.event(event.getName() == null ? "message" : event.getName(),
                        event.getData() == null ? "" : event.getData(), lastEventId);
            }

            @Override
            public void onError(Throwable error) {
                failure[0] = error;
                ended.countDown();
            }

            @Override
            public void onComplete() {
                ended.countDown();
            }
        });
        ended.await();
        return failure[0];
    }
}
