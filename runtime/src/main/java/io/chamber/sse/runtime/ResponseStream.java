package io.chamber.sse.runtime;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * The body of one HTTP stream response as frames: first the padding and {@code retry} prelude, then the events
 * (those due at once go out in one write, so a fire-hose costs one write per batch), a heartbeat comment whenever
 * nothing went out for the heartbeat period, and the end or fault the request asked for. Each frame is produced
 * when the previous one has been written, so a client that stops reading stops the stream, not the server.
 * {@link #end()} ends it early and cleanly, from any thread.
 */
final class ResponseStream {

    private static final Buffer END = Buffer.buffer();
    private static final int BATCH_BYTES = 16 * 1024;

    private final StreamOptions options;
    private final StreamCursor cursor;
    private final Pauses pauses;
    private final HttpServerResponse response;
    private final OpenStreams openStreams;
    private final SseWireFormat wire;
    private final long heartbeatNanos;
    private long lastWriteNanos;
    private long eventsSent;
    private boolean started;
    private volatile boolean ending;
    private volatile UniEmitter<? super Buffer> currentWait;

    ResponseStream(StreamOptions options, long requestStartNanos, Pauses pauses, HttpServerResponse response,
            OpenStreams openStreams) {
        this.options = options;
        this.cursor = new StreamCursor(options, requestStartNanos);
        this.pauses = pauses;
        this.response = response;
        this.openStreams = openStreams;
        this.wire = new SseWireFormat(options);
        this.heartbeatNanos = options.heartbeat().toNanos();
        this.lastWriteNanos = cursor.startNanos();
    }

    /** The frames; the stream holds its place in {@link OpenStreams} from subscription to termination. */
    Multi<Buffer> frames() {
        return Multi.createBy().repeating().uni(() -> this, ResponseStream::nextFrame).until(frame -> frame == END)
                .onSubscription().invoke(() -> openStreams.opened(this))
                .onTermination().invoke(() -> openStreams.closed(this));
    }

    /** Ends the stream cleanly at its next step, waking it if it is waiting. */
    void end() {
        ending = true;
        UniEmitter<? super Buffer> wait = currentWait;
        if (wait != null) {
            wait.complete(END);
        }
    }

    private Uni<Buffer> nextFrame() {
        if (ending) {
            return Uni.createFrom().item(END);
        }
        if (reached(options.dropAfter())) {
            response.reset(); // closes the connection without the terminating chunk
            return Uni.createFrom().item(END);
        }
        if (reached(options.failAfter())) {
            return Uni.createFrom().item(END);
        }
        return pauses.<Buffer> until(wakeNanos(), () -> frameAt(System.nanoTime()), this::waiting);
    }

    /** While the stream waits, {@link #end()} can complete the wait with {@link #END}. */
    private void waiting(UniEmitter<? super Buffer> wait) {
        currentWait = wait;
        if (ending) {
            wait.complete(END);
        }
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
            Buffer frame = Buffer.buffer(options.interval().isFireHose() ? BATCH_BYTES + 1024 : 256);
            if (!started) {
                appendPrelude(frame);
                started = true;
            }
            openStreams.countEvents(appendDueEvents(frame, now));
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

    /** @return how many events it appended */
    private int appendDueEvents(Buffer frame, long now) {
        long before = eventsSent;
        do {
            cursor.writeNext(frame, wire, now);
            eventsSent++;
        } while (frame.length() < BATCH_BYTES && cursor.isDue(now) && !cursor.finished(now)
                && !reached(options.failAfter()) && !reached(options.dropAfter()));
        return (int) (eventsSent - before);
    }

    private boolean reached(long limit) {
        return limit > 0 && eventsSent >= limit;
    }
}
