package io.chamber.sse.scoreboard.micronauthttpclient;

import java.net.URL;
import java.util.concurrent.CountDownLatch;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import io.chamber.sse.scoreboard.harness.Harness;
import io.chamber.sse.scoreboard.harness.Resumption;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;

/**
 * The Micronaut HTTP client's {@code SseClient}, made with {@code SseClient.create(URL)} (no application context),
 * reading {@code Event<String>}. It reads one response and does not reconnect, so this loop does ({@link Resumption},
 * with the retry and id the client reports); it stops when the client fails with a status (a 204, which the client
 * ends like a normal stream, is not seen).
 */
public final class Main {

    public static void main(String[] args) throws Exception {
        Harness harness = new Harness(args);
        Resumption resumption = new Resumption(harness);
        SseClient client = SseClient.create(new URL(harness.url));
        while (true) {
            MutableHttpRequest<?> request = HttpRequest.GET(harness.url).accept(MediaType.TEXT_EVENT_STREAM_TYPE);
            if (!resumption.lastEventId().isEmpty()) {
                request.header("Last-Event-ID", resumption.lastEventId());
            }
            harness.open();
            Throwable failure = readAll(client, request, resumption);
            if (failure != null) {
                harness.error(failure);
            }
            if (failure instanceof HttpClientResponseException) {
                harness.closed();
                break;
            }
            resumption.awaitReconnect();
        }
        Harness.waitForever();
    }

    /** Hands every event of one response to the application; what the stream failed with, or null. */
    private static Throwable readAll(SseClient client, HttpRequest<?> request, Resumption resumption)
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
                resumption.dispatch(event.getName() == null ? "message" : event.getName(),
                        event.getData() == null ? "" : event.getData(), event.getId(),
                        event.getRetry() == null ? null : event.getRetry().toMillis());
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
