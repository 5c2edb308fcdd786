package io.chamber.sse.scoreboard.harness;

/**
 * What {@code EventSource} keeps between connections, for a client that reads one response and does not reconnect,
 * so that its harness reconnects for it by the standard's rules: the last event ID, sent back as Last-Event-ID when it
 * is not empty, and the reconnection time, 1 s until a {@code retry} field sets it.
 */
public final class Resumption {

    private static final long DEFAULT_RECONNECTION_MILLIS = 1000;

    private final Harness harness;
    private volatile String lastEventId = "";
    private volatile long reconnectionMillis = DEFAULT_RECONNECTION_MILLIS;

    public Resumption(Harness harness) {
        this.harness = harness;
    }

    /** Takes the event's id and retry ({@code null}: the event had none), then hands it to the application. */
    public void dispatch(String type, String data, String id, Long retryMillis) {
        if (retryMillis != null) {
            reconnectionMillis = retryMillis;
        }
        if (id != null) {
            lastEventId = id;
        }
        harness.event(type, data, lastEventId);
    }

    /** The Last-Event-ID the next request sends; empty: none. */
    public String lastEventId() {
        return lastEventId;
    }

    /** Waits the reconnection time before the next request. */
    public void awaitReconnect() throws InterruptedException {
        Thread.sleep(reconnectionMillis);
    }
}
