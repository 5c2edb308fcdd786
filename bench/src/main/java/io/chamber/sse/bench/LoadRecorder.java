package io.chamber.sse.bench;

/**
 * Tallies what all streams saw: opens, failures, time to first event, and, inside the measured window,
 * events and their lateness against the fixed schedule. Used from the client's single event loop only.
 */
final class LoadRecorder {

    private final long intervalNanos;
    final LongSamples timeToFirstEventMicros;
    final LongSamples latenessMicros;

    int opened;
    int connectFailures;
    int non200Responses;
    int prematureCloses;
    long windowEvents;
    private boolean measuring;

    /** @param intervalNanos the fixed pace, or 0 to measure no lateness */
    LoadRecorder(int streams, long intervalNanos) {
        this.intervalNanos = intervalNanos;
        this.timeToFirstEventMicros = new LongSamples(streams);
        this.latenessMicros = new LongSamples(intervalNanos > 0 ? streams * 32 : 16);
    }

    void startWindow() {
        measuring = true;
    }

    void endWindow() {
        measuring = false;
    }

    /**
     * Stream k's schedule is its first event's arrival + k × interval; lateness is arrival − schedule, unclamped,
     * so an early event counts as negative.
     */
    void onEvents(StreamProbe stream, int events, long arrivedNanos) {
        for (int i = 0; i < events; i++) {
            if (stream.eventsSeen == 0) {
                stream.firstEventNanos = arrivedNanos;
                timeToFirstEventMicros.add((arrivedNanos - stream.requestedNanos) / 1_000);
            } else if (measuring && intervalNanos > 0) {
                long scheduledNanos = stream.firstEventNanos + stream.eventsSeen * intervalNanos;
                latenessMicros.add((arrivedNanos - scheduledNanos) / 1_000);
            }
            stream.eventsSeen++;
        }
        if (measuring) {
            windowEvents += events;
        }
    }

    void onOpened() {
        opened++;
    }

    void onConnectFailure() {
        connectFailures++;
    }

    void onNon200() {
        non200Responses++;
    }

    /** A stream ended before the client closed it: the server or the network dropped it. */
    void onPrematureClose(StreamProbe stream) {
        if (!stream.ended) {
            stream.ended = true;
            prematureCloses++;
        }
    }

    int openNow() {
        return opened - prematureCloses;
    }
}
