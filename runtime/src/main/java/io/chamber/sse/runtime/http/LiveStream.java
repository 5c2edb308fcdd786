package io.chamber.sse.runtime.http;

import java.util.Arrays;

import org.jboss.logging.Logger;

import io.chamber.sse.runtime.OpenStreams;
import io.chamber.sse.runtime.stream.Frame;
import io.chamber.sse.runtime.stream.FrameCuts;
import io.chamber.sse.runtime.stream.SseWireFormat;
import io.chamber.sse.runtime.stream.StreamFrames;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * One stream being served: carries out what its {@link StreamFrames} say, on the event loop of its connection.
 * It waits in the event loop's {@link TimerWheel}, or for the response to drain when the client reads slower than
 * the stream writes (so nothing piles up in the server), and a fire-hose gives the event loop back after a few
 * frames so other connections get their turn. A split stream writes each frame in pieces, a tick apart; a gzip
 * stream compresses each frame and flushes it. A client that leaves ends it quietly.
 */
final class LiveStream extends TimerWheel.Sleeper implements Runnable, OpenStreams.Member {

    /** A stream that is always due (a fire-hose) writes this many frames, then lets the event loop run others. */
    private static final int FRAMES_PER_TURN = 4;
    /** The pieces of a split frame go out at least this far apart, each in a network chunk of its own. */
    private static final long PIECE_PACE_NANOS = TimerWheel.TICK_NANOS;
    private static final Logger LOG = Logger.getLogger(LiveStream.class);

    private final StreamFrames frames;
    private final HttpServerResponse response;
    private final TimerWheel wheel;
    private final OpenStreams openStreams;
    private final long weight;
    private final FrameCuts cuts;
    private final GzipFraming gzip;
    /** The frame being written in pieces (a copy: the event loop's frame is shared), and where the next starts. */
    private byte[] pieces;
    private int nextPiece;
    private boolean awaitingDrain;
    /** Ended, dropped or gone: nothing more to do. */
    private boolean over;

    LiveStream(StreamFrames frames, HttpServerResponse response, TimerWheel wheel, OpenStreams openStreams,
            long weight, FrameCuts cuts, GzipFraming gzip) {
        this.frames = frames;
        this.response = response;
        this.wheel = wheel;
        this.openStreams = openStreams;
        this.weight = weight;
        this.cuts = cuts;
        this.gzip = gzip;
    }

    /** Starts serving; called on the connection's event loop, after the place in {@link OpenStreams} was taken. */
    void start() {
        response.closeHandler(ignored -> clientLeft());
        response.exceptionHandler(LiveStream::ignore);
        response.drainHandler(ignored -> drained());
        openStreams.opened(this);
        step();
    }

    @Override
    void wake(long nowNanos) {
        step();
    }

    /** The turn a fire-hose gave back to the event loop comes round again. */
    @Override
    public void run() {
        step();
    }

    /** Tells the client to reconnect after {@code retryMillis}, then ends the stream cleanly; from any thread. */
    @Override
    public void end(long retryMillis) {
        wheel.loop().execute(() -> {
            Frame frame = wheel.frame().clear();
            SseWireFormat.appendRetry(frame, retryMillis);
            finish(frame);
        });
    }

    @Override
    public long weight() {
        return weight;
    }

    private void step() {
        for (int written = 0; !over;) {
            if (response.writeQueueFull()) {
                awaitingDrain = true;
                return;
            }
            if (pieces != null && writeNextPiece()) {
                wheel.schedule(this, System.nanoTime() + PIECE_PACE_NANOS);
                return;
            }
            long now = System.nanoTime();
            Frame frame = wheel.frame();
            switch (frames.next(now, frame)) {
                case WRITE -> {
                    write(frame);
                    openStreams.countEvents(frames.eventsInFrame());
                    if (pieces != null) {
                        wheel.schedule(this, now + PIECE_PACE_NANOS);
                        return;
                    }
                    if (frames.wakeNanos() - now > 0) {
                        wheel.schedule(this, frames.wakeNanos());
                        return;
                    }
                    if (++written == FRAMES_PER_TURN) {
                        wheel.loop().execute(this);
                        return;
                    }
                }
                case WAIT -> {
                    wheel.schedule(this, frames.wakeNanos());
                    return;
                }
                case END -> finish(frames.appendEnd(frame));
                case DROP -> drop(frames.appendEnd(frame));
            }
        }
    }

    private void write(Frame frame) {
        if (cuts != null) {
            int firstCut = cuts.next(frame.bytes(), frame.length(), 0);
            if (firstCut < frame.length()) {
                response.write(Buffer.buffer(firstCut).appendBytes(frame.bytes(), 0, firstCut), null);
                pieces = Arrays.copyOfRange(frame.bytes(), firstCut, frame.length());
                nextPiece = 0;
                return;
            }
        }
        response.write(encode(frame.bytes(), frame.length()), null);
    }

    /** Writes the next piece of a split frame; true while more pieces follow. */
    private boolean writeNextPiece() {
        int from = nextPiece;
        nextPiece = cuts.next(pieces, pieces.length, from);
        response.write(Buffer.buffer(nextPiece - from).appendBytes(pieces, from, nextPiece - from), null);
        if (nextPiece < pieces.length) {
            return true;
        }
        pieces = null;
        return false;
    }

    private Buffer encode(byte[] bytes, int length) {
        return gzip != null ? gzip.encode(bytes, 0, length) : Buffer.buffer(length).appendBytes(bytes, 0, length);
    }

    private void drained() {
        if (awaitingDrain) {
            awaitingDrain = false;
            step();
        }
    }

    /** Writes {@code last} (if anything) and ends the response cleanly. */
    private void finish(Frame last) {
        if (over) {
            return;
        }
        Buffer end = last.length() > 0 ? encode(last.bytes(), last.length()) : null;
        if (gzip != null) {
            end = end == null ? gzip.finish() : end.appendBuffer(gzip.finish());
        }
        close();
        if (end == null) {
            response.end();
        } else {
            response.end(end);
        }
    }

    /** Writes {@code last} (if anything) and closes the connection without the response's end. */
    private void drop(Frame last) {
        if (over) {
            return;
        }
        if (last.length() > 0) {
            response.write(encode(last.bytes(), last.length()), null);
        }
        close();
        response.reset();
    }

    private void clientLeft() {
        if (!over) {
            close();
            LOG.debug("The client left its stream");
        }
    }

    private void close() {
        over = true;
        wheel.cancel(this);
        openStreams.closed(this);
    }

    private static void ignore(Throwable failure) {
        LOG.debugf("A stream's connection failed: %s", failure);
    }
}
