package io.chamber.sse.runtime.http;

import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

import org.jboss.logging.Logger;

import io.chamber.sse.runtime.stream.Frame;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Wakes the streams of one event loop at their due times. Waiting streams sit in a ring of slots by the tick they
 * are due at (a timer wheel) and one scheduled task drives the ring: a wait costs no timer object and no
 * priority-queue insertion, and the streams due in the same tick are served in one pass. Also lends the event
 * loop's streams one {@link Frame} to write into. Used from its event loop only.
 */
final class TimerWheel implements Runnable {

    /** Something the wheel wakes; it waits in the wheel at most once at a time. */
    abstract static class Sleeper {
        private Sleeper previous;
        private Sleeper next;
        private long dueTick = NOT_WAITING;

        /** Called on the event loop once its due time has come; it is no longer waiting then. */
        abstract void wake(long nowNanos);
    }

    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(4);
    private static final int SLOTS = 1024;
    private static final int MASK = SLOTS - 1;
    private static final long NOT_WAITING = Long.MIN_VALUE;
    private static final long NONE = Long.MAX_VALUE;
    private static final Logger LOG = Logger.getLogger(TimerWheel.class);

    private final EventExecutor loop;
    private final long tickNanos;
    private final long originNanos = System.nanoTime();
    private final Sleeper[] slots = new Sleeper[SLOTS];
    private final long[] occupied = new long[SLOTS / Long.SIZE];
    private final Frame frame = new Frame(4096);
    private Deflater deflater;
    private byte[] deflated;
    /** Every tick before it has been run. */
    private long nextTick;
    private long alarmTick = NONE;
    private ScheduledFuture<?> alarm;

    TimerWheel(EventExecutor loop) {
        this(loop, TICK_NANOS);
    }

    TimerWheel(EventExecutor loop, long tickNanos) {
        this.loop = loop;
        this.tickNanos = tickNanos;
    }

    EventExecutor loop() {
        return loop;
    }

    /** The compressor the gzip streams of this event loop use, one after the other (see {@link GzipFraming}). */
    GzipFraming gzipFraming() {
        if (deflater == null) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            deflated = new byte[4096];
        }
        return new GzipFraming(deflater, deflated);
    }

    /** The frame the streams of this event loop write into, one after the other. */
    Frame frame() {
        return frame;
    }

    /** Wakes {@code sleeper} at {@code dueNanos} (rounded up to the next tick), instead of when it was due before. */
    void schedule(Sleeper sleeper, long dueNanos) {
        cancel(sleeper);
        long tick = Math.max(-Math.floorDiv(originNanos - dueNanos, tickNanos), nextTick);
        sleeper.dueTick = tick;
        int slot = (int) (tick & MASK);
        sleeper.next = slots[slot];
        if (sleeper.next != null) {
            sleeper.next.previous = sleeper;
        }
        slots[slot] = sleeper;
        occupied[slot >>> 6] |= 1L << slot;
        if (tick < alarmTick) {
            setAlarm(tick);
        }
    }

    void cancel(Sleeper sleeper) {
        if (sleeper.dueTick == NOT_WAITING) {
            return;
        }
        int slot = (int) (sleeper.dueTick & MASK);
        if (sleeper.previous == null) {
            slots[slot] = sleeper.next;
            if (sleeper.next == null) {
                occupied[slot >>> 6] &= ~(1L << slot);
            }
        } else {
            sleeper.previous.next = sleeper.next;
        }
        if (sleeper.next != null) {
            sleeper.next.previous = sleeper.previous;
        }
        sleeper.previous = null;
        sleeper.next = null;
        sleeper.dueTick = NOT_WAITING;
    }

    /** The alarm: wakes every sleeper whose tick has come, then sets the alarm for the next occupied slot. */
    @Override
    public void run() {
        alarm = null;
        alarmTick = NONE;
        long now = System.nanoTime();
        long currentTick = Math.floorDiv(now - originNanos, tickNanos);
        long firstTick = nextTick;
        nextTick = currentTick + 1;
        for (long tick = firstTick; tick <= currentTick && tick < firstTick + SLOTS; tick++) {
            wakeDue((int) (tick & MASK), currentTick, now);
        }
        long next = nextOccupiedTick();
        if (next != NONE) {
            setAlarm(next);
        }
    }

    /**
     * Wakes the sleepers of one slot that are due by {@code currentTick}; the others wait for a later lap.
     * A sleeper's {@code wake} may schedule itself again (never into a tick already run), but must not cancel
     * another sleeper.
     */
    private void wakeDue(int slot, long currentTick, long now) {
        Sleeper sleeper = slots[slot];
        while (sleeper != null) {
            Sleeper next = sleeper.next;
            if (sleeper.dueTick <= currentTick) {
                cancel(sleeper);
                try {
                    sleeper.wake(now);
                } catch (RuntimeException e) {
                    LOG.error("A stream failed to wake", e);
                }
            }
            sleeper = next;
        }
    }

    /** The first tick from {@link #nextTick} on whose slot is occupied, or {@link #NONE}. */
    private long nextOccupiedTick() {
        int start = (int) (nextTick & MASK);
        for (int step = 0; step <= occupied.length; step++) {
            int word = ((start >>> 6) + step) % occupied.length;
            long bits = occupied[word];
            if (step == 0) {
                bits &= -1L << start;
            } else if (step == occupied.length) {
                bits &= ~(-1L << start);
            }
            if (bits != 0) {
                int slot = (word << 6) + Long.numberOfTrailingZeros(bits);
                return nextTick + ((slot - start) & MASK);
            }
        }
        return NONE;
    }

    private void setAlarm(long tick) {
        if (alarm != null) {
            alarm.cancel(false);
        }
        alarmTick = tick;
        alarm = loop.schedule(this, originNanos + tick * tickNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
}
