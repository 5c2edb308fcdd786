package io.chamber.sse.runtime;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * The body of one HTTP stream response as frames: first the padding and {@code retry} prelude, then the events
 * (those due at once go out in one write, so a fire-hose costs one write per batch), a heartbeat comment whenever
 * nothing went out for the heartbeat period, and the end or fault the request asked for. Each frame is produced
 * when the previous one has been written, so a client that stops reading stops the stream, not the server.
 */
final class ResponseStream {

    private static final Buffer END = Buffer.buffer();
    private static final int BATCH_BYTES = 16 * 1024;

    private final StreamOptions options;
    private final StreamCursor cursor;
    private final Pauses pauses;
    private final HttpServerResponse response;
    private final SseWireFormat wire = new SseWireFormat();
    private final long heartbeatNanos;
    private long lastWriteNanos;
    private long eventsSent;
    private boolean started;

    ResponseStream(StreamOptions options, long requestStartNanos, Pauses pauses, HttpServerResponse response) {
        this.options = options;
        this.cursor = new StreamCursor(options, requestStartNanos);
        this.pauses = pauses;
        this.response = response;
        this.heartbeatNanos = options.heartbeat().toNanos();
        this.lastWriteNanos = cursor.startNanos();
    }

    Multi<Buffer> frames() {
        return Multi.createBy().repeating().uni(() -> this, ResponseStream::nextFrame).until(frame -> frame == END);
    }

    private Uni<Buffer> nextFrame() {
        if (reached(options.dropAfter())) {
            response.reset(); // closes the connection without the terminating chunk
            return Uni.createFrom().item(END);
        }
        if (reached(options.failAfter())) {
            return Uni.createFrom().item(END);
        }
        return pauses.until(wakeNanos()).map(ignored -> frameAt(System.nanoTime()));
    }

    private long wakeNanos() {
        return started && heartbeatNanos > 0 ? Math.min(cursor.wakeNanos(), lastWriteNanos + heartbeatNanos)
                : cursor.wakeNanos();
    }

    /** The frame to write now, {@link #END}, or {@code null} to wait again. */
    private Buffer frameAt(long now) {
        if (cursor.finished(now)) {
            return END;
        }
        if (cursor.isDue(now)) {
            Buffer frame = Buffer.buffer();
            if (!started) {
                appendPrelude(frame);
                started = true;
            }
            appendDueEvents(frame, now);
            lastWriteNanos = now;
            return frame;
        }
        if (heartbeatNanos > 0 && now - lastWriteNanos >= heartbeatNanos) {
            lastWriteNanos = now;
            return Buffer.buffer(SseWireFormat.HEARTBEAT);
        }
        return null;
    }

    private void appendPrelude(Buffer frame) {
        if (options.padding() > 0) {
            SseWireFormat.appendPadding(frame, options.padding());
        }
        if (options.retryMillis() >= 0) {
            SseWireFormat.appendRetry(frame, options.retryMillis());
        }
    }

    private void appendDueEvents(Buffer frame, long now) {
        do {
            wire.appendEvent(frame, cursor.next(now));
            eventsSent++;
        } while (frame.length() < BATCH_BYTES && cursor.isDue(now) && !cursor.finished(now)
                && !reached(options.failAfter()) && !reached(options.dropAfter()));
    }

    private boolean reached(long limit) {
        return limit > 0 && eventsSent >= limit;
    }
}
