package io.chamber.sse.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.util.concurrent.DefaultEventExecutor;

/** The wheel on a real event loop: nobody wakes early, everybody wakes, cancelled sleepers never. */
class TimerWheelTest {

    static final long TICK = TimeUnit.MICROSECONDS.toNanos(200);
    static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    final DefaultEventExecutor loop = new DefaultEventExecutor();
    final TimerWheel wheel = new TimerWheel(loop, TICK);

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** Records when it woke; wakes {@code times} times, {@code every} apart after the first. */
    final class Recorder extends TimerWheel.Sleeper {
        final long dueNanos;
        final long every;
        final List<long[]> wakes = new ArrayList<>();
        final CountDownLatch done;
        long nextDue;

        Recorder(long dueNanos, long every, int times) {
            this.dueNanos = dueNanos;
            this.nextDue = dueNanos;
            this.every = every;
            this.done = new CountDownLatch(times);
        }

        @Override
        void wake(long nowNanos) {
            wakes.add(new long[] { nextDue, System.nanoTime() });
            done.countDown();
            if (done.getCount() > 0) {
                nextDue += every;
                wheel.schedule(this, nextDue);
            }
        }
    }

    void onLoop(Runnable task) throws Exception {
        loop.submit(task).get(5, TimeUnit.SECONDS);
    }

    @Test
    void thousandsOfSleepersWakeOnTimeAndNeverEarly() throws Exception {
        long start = System.nanoTime();
        List<Recorder> sleepers = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            sleepers.add(new Recorder(start + (i * 7919L % 300) * MS, 0, 1));
        }
        onLoop(() -> sleepers.forEach(sleeper -> wheel.schedule(sleeper, sleeper.dueNanos)));
        for (Recorder sleeper : sleepers) {
            assertTrue(sleeper.done.await(5, TimeUnit.SECONDS));
            long[] wake = sleeper.wakes.get(0);
            assertTrue(wake[1] >= wake[0], "woke " + (wake[0] - wake[1]) + " ns early");
        }
    }

    @Test
    void dueTimesBeyondOneLapWaitForTheirLap() throws Exception {
        // 1024 slots of 200 µs: one lap is 204.8 ms
        Recorder far = new Recorder(System.nanoTime() + 450 * MS, 0, 1);
        Recorder near = new Recorder(System.nanoTime() + 5 * MS, 0, 1);
        onLoop(() -> {
            wheel.schedule(far, far.dueNanos);
            wheel.schedule(near, near.dueNanos);
        });
        assertTrue(far.done.await(5, TimeUnit.SECONDS));
        assertTrue(far.wakes.get(0)[1] >= far.dueNanos);
        assertEquals(1, near.wakes.size());
    }

    @Test
    void aSleeperThatSchedulesItselfAgainWakesEveryTime() throws Exception {
        Recorder periodic = new Recorder(System.nanoTime() + MS, 3 * MS, 20);
        onLoop(() -> wheel.schedule(periodic, periodic.dueNanos));
        assertTrue(periodic.done.await(5, TimeUnit.SECONDS));
        assertTrue(periodic.wakes.stream().allMatch(wake -> wake[1] >= wake[0]));
    }

    @Test
    void aCancelledSleeperNeverWakesAndARescheduledOneWakesOnce() throws Exception {
        Recorder cancelled = new Recorder(System.nanoTime() + 2 * MS, 0, 1);
        Recorder moved = new Recorder(System.nanoTime() + 2 * MS, 0, 1);
        Recorder witness = new Recorder(System.nanoTime() + 30 * MS, 0, 1);
        onLoop(() -> {
            wheel.schedule(cancelled, cancelled.dueNanos);
            wheel.schedule(moved, moved.dueNanos);
            wheel.schedule(witness, witness.dueNanos);
            wheel.cancel(cancelled);
            wheel.schedule(moved, moved.dueNanos + 10 * MS);
        });
        assertTrue(witness.done.await(5, TimeUnit.SECONDS));
        onLoop(() -> {
        });
        assertEquals(0, cancelled.wakes.size());
        assertEquals(1, moved.wakes.size());
        assertTrue(moved.wakes.get(0)[1] >= moved.dueNanos + 10 * MS);
    }

    @Test
    void anEarlierSleeperMovesTheAlarmForward() throws Exception {
        Recorder late = new Recorder(System.nanoTime() + 200 * MS, 0, 1);
        Recorder early = new Recorder(System.nanoTime() + 3 * MS, 0, 1);
        onLoop(() -> wheel.schedule(late, late.dueNanos));
        onLoop(() -> wheel.schedule(early, early.dueNanos));
        assertTrue(early.done.await(5, TimeUnit.SECONDS));
        assertEquals(0, late.wakes.size(), "the early one woke long before the late one");
    }
}
