package io.chamber.sse.scoreboard.okhttpeventsource;

import java.net.URI;

import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.background.BackgroundEventHandler;
import com.launchdarkly.eventsource.background.BackgroundEventSource;

import io.chamber.sse.scoreboard.harness.Harness;

/** LaunchDarkly's okhttp-eventsource as its README starts it: a BackgroundEventSource, reconnecting on its own. */
public final class Main {

    public static void main(String[] args) throws InterruptedException {
        Harness harness = new Harness(args);
        BackgroundEventHandler handler = new BackgroundEventHandler() {
            @Override
            public void onOpen() {
                harness.open();
            }

            @Override
            public void onClosed() {
                harness.error("closed");
            }

            @Override
            public void onMessage(String event, MessageEvent message) {
                harness.event(event, message.getData(), message.getLastEventId());
            }

            @Override
            public void onComment(String comment) {
                // comments are not events
            }

            @Override
            public void onError(Throwable failure) {
                harness.error(failure);
            }
        };
        new BackgroundEventSource.Builder(handler, new EventSource.Builder(URI.create(harness.url))).build().start();
        Harness.waitForever();
    }
}
