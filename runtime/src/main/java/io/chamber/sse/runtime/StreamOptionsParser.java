package io.chamber.sse.runtime;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Turns the raw request parameters into one validated {@link StreamOptions}, or refuses them with an
 * {@link InvalidParameterException} that names the parameter and the accepted form.
 */
@ApplicationScoped
public class StreamOptionsParser {

    private static final Pattern BARE_SECONDS = Pattern.compile("\\d+\\.\\d+");
    private static final String DURATION_FORM = "a duration such as 250ms, 2s, 1.5 (seconds) or 1m";

    private final ChamberSseConfig config;

    public StreamOptionsParser(ChamberSseConfig config) {
        this.config = config;
    }

    /** The options of a request without parameters, with a fresh random seed. */
    public StreamOptions defaults() {
        return parse(new StreamParameters());
    }

    public StreamOptions parse(StreamParameters p) {
        long seed = p.seed == null ? ThreadLocalRandom.current().nextLong() : whole("seed", p.seed, 0, Long.MAX_VALUE);
        long firstSequence = 0;
        boolean fromHeader = isPresent(p.lastEventIdHeader);
        String lastEventId = fromHeader ? p.lastEventIdHeader : p.lastEventId;
        if (isPresent(lastEventId)) {
            EventIds.Position last = position(fromHeader ? "Last-Event-ID" : "lastEventId", lastEventId);
            seed = last.seed();
            firstSequence = last.sequence() + 1;
        }
        return new StreamOptions(
                eventName(p.event),
                data(p.data),
                config.messageLengthMin(),
                config.messageLengthMax(),
                p.interval == null ? new Interval(config.intervalMin(), config.intervalMax()) : interval(p.interval),
                count("count", p.count),
                p.duration == null ? Duration.ZERO : positiveDuration("duration", p.duration, config.maxDuration()),
                p.delay == null ? Duration.ZERO : duration("delay", p.delay, config.maxDelay()),
                p.retry == null ? -1 : whole("retry", p.retry, 0, config.maxRetry().toMillis()),
                p.heartbeat == null ? Duration.ZERO
                        : positiveDuration("heartbeat", p.heartbeat, config.maxInterval()),
                p.padding == null ? 0 : (int) whole("padding", p.padding, 0, config.maxPadding()),
                seed,
                firstSequence,
                count("fail_after", p.failAfter),
                count("drop_after", p.dropAfter),
                p.status == null ? 0 : (int) whole("status", p.status, 200, 599));
    }

    private String eventName(String event) {
        if (event == null) {
            return config.eventName();
        }
        String accepted = "1 to " + config.maxEventLength() + " characters without CR or LF";
        if (event.indexOf('\r') >= 0 || event.indexOf('\n') >= 0) {
            throw new InvalidParameterException("event", "must not contain CR or LF", accepted);
        }
        if (event.isEmpty() || event.length() > config.maxEventLength()) {
            throw new InvalidParameterException("event", "has " + event.length() + " characters", accepted);
        }
        return event;
    }

    private String data(String data) {
        if (data != null && data.length() > config.maxDataLength()) {
            throw new InvalidParameterException("data", "has " + data.length() + " characters",
                    "at most " + config.maxDataLength() + " characters");
        }
        return data;
    }

    private Interval interval(String text) {
        int range = text.indexOf("..");
        if (range < 0) {
            return Interval.fixed(duration("interval", text, config.maxInterval()));
        }
        Duration min = duration("interval", text.substring(0, range), config.maxInterval());
        Duration max = duration("interval", text.substring(range + 2), config.maxInterval());
        if (min.compareTo(max) > 0) {
            throw new InvalidParameterException("interval", "has MIN greater than MAX",
                    "MIN..MAX with MIN <= MAX, each " + DURATION_FORM);
        }
        return new Interval(min, max);
    }

    private static long count(String name, String text) {
        return text == null ? 0 : whole(name, text, 1, EventIds.MAX_SEQUENCE);
    }

    private static Duration positiveDuration(String name, String text, Duration max) {
        Duration value = duration(name, text, max);
        if (value.isZero()) {
            throw new InvalidParameterException(name, "must be more than zero", DURATION_FORM + ", up to " + max);
        }
        return value;
    }

    private static Duration duration(String name, String text, Duration max) {
        String accepted = DURATION_FORM + ", from 0 to " + max;
        Duration value;
        try {
            String trimmed = text.trim();
            value = DurationConverter.parseDuration(BARE_SECONDS.matcher(trimmed).matches() ? trimmed + "s" : trimmed);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new InvalidParameterException(name, "is not a duration: '" + text + "'", accepted);
        }
        if (value == null) {
            throw new InvalidParameterException(name, "is empty", accepted);
        }
        if (value.isNegative() || value.compareTo(max) > 0) {
            throw new InvalidParameterException(name, "is out of range: " + text, accepted);
        }
        return value;
    }

    private static long whole(String name, String text, long min, long max) {
        String accepted = "a whole number from " + min + " to " + max;
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "is not a whole number: '" + text + "'", accepted);
        }
        if (value < min || value > max) {
            throw new InvalidParameterException(name, "is out of range: " + value, accepted);
        }
        return value;
    }

    private static EventIds.Position position(String name, String id) {
        try {
            return EventIds.decode(id.trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, "is not an event id of this stream: " + e.getMessage(),
                    "the id of an event this endpoint sent (32 hex characters)");
        }
    }

    private static boolean isPresent(String text) {
        return text != null && !text.isBlank();
    }
}
