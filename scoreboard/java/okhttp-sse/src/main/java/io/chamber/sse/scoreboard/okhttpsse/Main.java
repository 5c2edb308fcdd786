package io.chamber.sse.scoreboard.okhttpsse;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

import io.chamber.sse.scoreboard.harness.Harness;
import io.chamber.sse.scoreboard.harness.Resumption;

/**
 * OkHttp's okhttp-sse. It reads one response and does not reconnect, so this loop does ({@link Resumption}: 1 s
 * after a response ends, since okhttp-sse does not tell the retry field); it stops on a status other than 200.
 */
public final class Main {

    public static void main(String[] args) throws InterruptedException {
        Harness harness = new Harness(args);
        Resumption resumption = new Resumption(harness);
        EventSource.Factory factory = EventSources.createFactory(new OkHttpClient.Builder().readTimeout(Duration.ZERO)
                .build());
        while (true) {
            CountDownLatch ended = new CountDownLatch(1);
            boolean[] stop = { false };
            Request.Builder request = new Request.Builder().url(harness.url);
            if (!resumption.lastEventId().isEmpty()) {
                request.header("Last-Event-ID", resumption.lastEventId());
            }
            factory.newEventSource(request.build(), new EventSourceListener() {
                @Override
                public void onOpen(EventSource source, Response response) {
                    harness.open();
                }

                @Override
                public void onEvent(EventSource source, String id, String type, String data) {
                    resumption.dispatch(type == null ? "message" : type, data, id, null);
                }

                @Override
                public void onClosed(EventSource source) {
                    ended.countDown();
                }

                @Override
                public void onFailure(EventSource source, Throwable failure, Response response) {
                    harness.error(failure != null ? failure : "status " + (response == null ? "none" : response.code()));
                    stop[0] = response != null && response.code() != 200;
                    ended.countDown();
                }
            });
            ended.await();
            if (stop[0]) {
                harness.closed();
                break;
            }
            resumption.awaitReconnect();
        }
        Harness.waitForever();
    }
}
