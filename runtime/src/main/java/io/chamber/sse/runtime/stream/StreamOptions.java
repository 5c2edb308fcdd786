package io.chamber.sse.runtime.stream;

import java.time.Duration;

/**
 * Everything that shapes one stream, parsed once from a request (see {@link StreamOptionsParser}) or built by
 * code that reuses the generator. Zero means "off" for every limit, pause and fault below.
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
}
