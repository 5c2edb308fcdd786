package io.chamber.sse.runtime.http;

import org.jboss.logging.Logger;

import io.chamber.sse.runtime.OpenStreams;
import io.chamber.sse.runtime.stream.Frame;
import io.chamber.sse.runtime.stream.StreamFrames;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * One stream being served: carries out what its {@link StreamFrames} say, on the event loop of its connection.
 * It waits in the event loop's {@link TimerWheel}, or for the response to drain when the client reads slower than
 * the stream writes (so nothing piles up in the server), and a fire-hose gives the event loop back after a few
 * frames so other connections get their turn. A client that leaves ends it quietly.
 */
final class LiveStream extends TimerWheel.Sleeper implements Runnable, OpenStreams.Member {

    /** A stream that is always due (a fire-hose) writes this many frames, then lets the event loop run others. */
    private static final int FRAMES_PER_TURN = 4;
    private static final Logger LOG = Logger.getLogger(LiveStream.class);

    private final StreamFrames frames;
    private final HttpServerResponse response;
    private final TimerWheel wheel;
    private final OpenStreams openStreams;
    private boolean awaitingDrain;
    /** Ended, dropped or gone: nothing more to do. */
    private boolean over;

    LiveStream(StreamFrames frames, HttpServerResponse response, TimerWheel wheel, OpenStreams openStreams) {
        this.frames = frames;
        this.response = response;
        this.wheel = wheel;
        this.openStreams = openStreams;
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

    /** Ends the stream cleanly; from any thread. */
    @Override
    public void end() {
        wheel.loop().execute(this::finish);
    }

    private void step() {
        for (int written = 0; !over;) {
            if (response.writeQueueFull()) {
                awaitingDrain = true;
                return;
            }
            long now = System.nanoTime();
            Frame frame = wheel.frame();
            switch (frames.next(now, frame)) {
                case WRITE -> {
                    response.write(Buffer.buffer(frame.length()).appendBytes(frame.bytes(), 0, frame.length()), null);
                    openStreams.countEvents(frames.eventsInFrame());
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
                case END -> finish();
                case DROP -> drop();
            }
        }
    }

    private void drained() {
        if (awaitingDrain) {
            awaitingDrain = false;
            step();
        }
    }

    private void finish() {
        if (close()) {
            response.end();
        }
    }

    /** Closes the connection without the response's end, as a crashed server or a broken network would. */
    private void drop() {
        if (close()) {
            response.reset();
        }
    }

    private void clientLeft() {
        if (close()) {
            LOG.debug("The client left its stream");
        }
    }

    /** @return true if the stream was still going, and now is over */
    private boolean close() {
        if (over) {
            return false;
        }
        over = true;
        wheel.cancel(this);
        openStreams.closed(this);
        return true;
    }

    private static void ignore(Throwable failure) {
        LOG.debugf("A stream's connection failed: %s", failure);
    }
}
