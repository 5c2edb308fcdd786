package io.chamber.sse.runtime.stream;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Everything that shapes one stream, parsed once from a request (see
 * {@link io.chamber.sse.runtime.http.StreamOptionsParser}) or built by code that reuses the generator with
 * {@link #builder()}. Zero means "off" for every limit, pause and fault below.
 *
 * @param eventName the {@code event:} field of every event
 * @param data the message of every event, or {@code null} for a random message per event
 * @param messageMinLength shortest random message
 * @param messageMaxLength longest random message
 * @param interval the pause between two events
 * @param count the stream ends after the event with sequence number {@code count - 1}; 0 = never
 * @param duration the response ends cleanly after this long; zero = never
 * @param delay wait this long before the headers and the first event
 * @param retryMillis the {@code retry:} field, in a block of its own before the first event (or, with
 *        {@code retryInFirst}, as the last line of the first event's block); negative = not sent
 * @param heartbeat a {@code : heartbeat} comment goes out whenever nothing went out for this long; zero = none
 * @param padding a comment of this many bytes goes out first
 * @param seed the seed of every random value and id of the stream
 * @param firstSequence the sequence number of the first event (after {@code Last-Event-ID}: the next one)
 * @param failAfter the response ends cleanly after this many events; 0 = never
 * @param dropAfter the connection is dropped abruptly after this many events; 0 = never
 * @param status answer with this status and no stream; 0 = stream
 * @param seeded the request chose the seed: the stream is the same, byte for byte, every time
 * @param shape the conformance lab's quirks, splits and id faults; {@link WireShape#PLAIN} for none
 * @param stamp every payload also carries {@code "sent"}, the wall-clock send time in microseconds since the epoch
 * @param retryInFirst the {@code retry:} field goes last in the first event's block instead of a block of its own
 */
public record StreamOptions(
        String eventName,
        String data,
        int messageMinLength,
        int messageMaxLength,
        Interval interval,
        long count,
        Duration duration,
        Duration delay,
        long retryMillis,
        Duration heartbeat,
        int padding,
        long seed,
        long firstSequence,
        long failAfter,
        long dropAfter,
        int status,
        boolean seeded,
        WireShape shape,
        boolean stamp,
        boolean retryInFirst) {

    /**
     * Options to build by name: {@code StreamOptions.builder().seed(42).count(5).build()}. What is not set is the
     * endpoint's default without configuration: event name {@code random}, random messages of 10 to 50 characters,
     * a pause of 1 to 5 seconds, a random seed, and no limit, pause or fault.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The same stream as a reconnect resumes it: from the event of {@code sequence} on. */
    StreamOptions resumedAt(long sequence) {
        return new StreamOptions(eventName, data, messageMinLength, messageMaxLength, interval, count, duration, delay,
                retryMillis, heartbeat, padding, seed, sequence, failAfter, dropAfter, status, true, shape, stamp,
                retryInFirst);
    }

    /** True when the stream has already sent all of its {@code count}, or all the events an id can number. */
    public boolean exhausted() {
        return isPastEnd(firstSequence);
    }

    /** True when {@code sequence} lies beyond the stream's last event: past its {@code count} or past what ids number. */
    boolean isPastEnd(long sequence) {
        return (count > 0 && sequence >= count) || sequence > EventIds.MAX_SEQUENCE;
    }

    /** Builds {@link StreamOptions} by name; each setter sets the record component of the same name. */
    public static final class Builder {

        private String eventName = "random";
        private String data;
        private int messageMinLength = 10;
        private int messageMaxLength = 50;
        private Interval interval = new Interval(Duration.ofSeconds(1), Duration.ofSeconds(5));
        private long count;
        private Duration duration = Duration.ZERO;
        private Duration delay = Duration.ZERO;
        private long retryMillis = -1;
        private Duration heartbeat = Duration.ZERO;
        private int padding;
        private Long seed;
        private long firstSequence;
        private long failAfter;
        private long dropAfter;
        private int status;
        private WireShape shape = WireShape.PLAIN;
        private boolean stamp;
        private boolean retryInFirst;

        private Builder() {
        }

        public Builder eventName(String eventName) {
            this.eventName = eventName;
            return this;
        }

        public Builder data(String data) {
            this.data = data;
            return this;
        }

        /** The bounds of a random message's length, in characters. */
        public Builder messageLength(int min, int max) {
            this.messageMinLength = min;
            this.messageMaxLength = max;
            return this;
        }

        public Builder interval(Interval interval) {
            this.interval = interval;
            return this;
        }

        /** A fixed pause between two events; zero for as fast as the client reads. */
        public Builder interval(Duration pause) {
            return interval(Interval.fixed(pause));
        }

        public Builder count(long count) {
            this.count = count;
            return this;
        }

        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder delay(Duration delay) {
            this.delay = delay;
            return this;
        }

        public Builder retryMillis(long retryMillis) {
            this.retryMillis = retryMillis;
            return this;
        }

        public Builder heartbeat(Duration heartbeat) {
            this.heartbeat = heartbeat;
            return this;
        }

        public Builder padding(int padding) {
            this.padding = padding;
            return this;
        }

        /** A chosen seed: the stream is {@code seeded}, the same byte for byte every time. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder firstSequence(long firstSequence) {
            this.firstSequence = firstSequence;
            return this;
        }

        public Builder failAfter(long failAfter) {
            this.failAfter = failAfter;
            return this;
        }

        public Builder dropAfter(long dropAfter) {
            this.dropAfter = dropAfter;
            return this;
        }

        public Builder status(int status) {
            this.status = status;
            return this;
        }

        public Builder shape(WireShape shape) {
            this.shape = shape;
            return this;
        }

        public Builder stamp(boolean stamp) {
            this.stamp = stamp;
            return this;
        }

        public Builder retryInFirst(boolean retryInFirst) {
            this.retryInFirst = retryInFirst;
            return this;
        }

        /** The options; without a {@link #seed(long)}, with a random seed of their own. */
        public StreamOptions build() {
            long chosen = seed != null ? seed : ThreadLocalRandom.current().nextLong();
            return new StreamOptions(eventName, data, messageMinLength, messageMaxLength, interval, count, duration,
                    delay, retryMillis, heartbeat, padding, chosen, firstSequence, failAfter, dropAfter, status,
                    seed != null, shape, stamp, retryInFirst);
        }
    }
}
