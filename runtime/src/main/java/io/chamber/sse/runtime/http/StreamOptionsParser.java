package io.chamber.sse.runtime.http;

import static io.chamber.sse.runtime.http.StreamParameter.ACCEL_BUFFERING;
import static io.chamber.sse.runtime.http.StreamParameter.ACCEPT_ENCODING_HEADER;
import static io.chamber.sse.runtime.http.StreamParameter.COUNT;
import static io.chamber.sse.runtime.http.StreamParameter.DATA;
import static io.chamber.sse.runtime.http.StreamParameter.DELAY;
import static io.chamber.sse.runtime.http.StreamParameter.DROP_AFTER;
import static io.chamber.sse.runtime.http.StreamParameter.DURATION;
import static io.chamber.sse.runtime.http.StreamParameter.ECHO;
import static io.chamber.sse.runtime.http.StreamParameter.EVENT;
import static io.chamber.sse.runtime.http.StreamParameter.FAIL_AFTER;
import static io.chamber.sse.runtime.http.StreamParameter.GZIP;
import static io.chamber.sse.runtime.http.StreamParameter.HEARTBEAT;
import static io.chamber.sse.runtime.http.StreamParameter.ID_FAULT;
import static io.chamber.sse.runtime.http.StreamParameter.ID_FAULT_EVERY;
import static io.chamber.sse.runtime.http.StreamParameter.INTERVAL;
import static io.chamber.sse.runtime.http.StreamParameter.LAST_EVENT_ID;
import static io.chamber.sse.runtime.http.StreamParameter.LAST_EVENT_ID_HEADER;
import static io.chamber.sse.runtime.http.StreamParameter.PADDING;
import static io.chamber.sse.runtime.http.StreamParameter.QUIRK;
import static io.chamber.sse.runtime.http.StreamParameter.RETRY;
import static io.chamber.sse.runtime.http.StreamParameter.SEED;
import static io.chamber.sse.runtime.http.StreamParameter.SPLIT;
import static io.chamber.sse.runtime.http.StreamParameter.STAMP;
import static io.chamber.sse.runtime.http.StreamParameter.STATUS;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.chamber.sse.runtime.ChamberSseConfig;
import io.chamber.sse.runtime.stream.EventIds;
import io.chamber.sse.runtime.stream.IdFault;
import io.chamber.sse.runtime.stream.Interval;
import io.chamber.sse.runtime.stream.Quirk;
import io.chamber.sse.runtime.stream.Split;
import io.chamber.sse.runtime.stream.StreamOptions;
import io.chamber.sse.runtime.stream.WireShape;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Turns the raw request parameters into one validated {@link StreamOptions}, or refuses them with an
 * {@link InvalidParameterException} that names the parameter and the accepted form.
 */
public final class StreamOptionsParser {

    private static final Pattern BARE_SECONDS = Pattern.compile("\\d+\\.\\d+");
    /** ASCII digits only: Java's number parsers also take other scripts' digits, such as a fullwidth {@code １}. */
    private static final Pattern ASCII_WHOLE = Pattern.compile("[+-]?[0-9]+");
    private static final String DURATION_FORM = "a duration such as 250ms, 2s, 1.5 (seconds) or 1m";
    private static final int DEFAULT_ID_FAULT_EVERY = 10;
    private static final Set<Quirk> LINE_ENDS = EnumSet.of(Quirk.CRLF, Quirk.CR, Quirk.MIXED_NEWLINES);

    private final ChamberSseConfig config;

    public StreamOptionsParser(ChamberSseConfig config) {
        this.config = config;
    }

    /** The options of a request without parameters, with a fresh random seed. */
    public StreamOptions defaults() {
        return parse(parameter -> null);
    }

    /**
     * The request's stream and how to deliver it.
     *
     * @param values the raw value of each parameter, {@code null} when the request has none
     */
    public StreamRequest parseRequest(Function<StreamParameter, String> values) {
        StreamOptions options = parse(values);
        String gzipValue = values.apply(GZIP);
        boolean auto = gzipValue != null && "auto".equals(gzipValue.trim());
        boolean gzip = auto ? acceptsGzip(values.apply(ACCEPT_ENCODING_HEADER))
                : orElse(values, GZIP, text -> gzipFlag(text), false);
        if ((gzip || auto) && options.shape().split() != null) {
            throw new InvalidParameterException(GZIP, "cannot be combined with split: the cuts would fall inside "
                    + "the compressed bytes", "gzip=1 or gzip=auto without split, or split without gzip");
        }
        return new StreamRequest(options,
                orElse(values, ECHO, text -> oneOf(ECHO, text, "request"), null) != null,
                !"omit".equals(orElse(values, ACCEL_BUFFERING, text -> oneOf(ACCEL_BUFFERING, text, "no", "omit"), "no")),
                gzip);
    }

    /** @param values the raw value of each parameter, {@code null} when the request has none */
    public StreamOptions parse(Function<StreamParameter, String> values) {
        boolean seeded = values.apply(SEED) != null;
        long seed = orElse(values, SEED, text -> whole(SEED, text, 0, Long.MAX_VALUE),
                ThreadLocalRandom.current().nextLong());
        long firstSequence = 0;
        StreamParameter lastEventIdFrom = isPresent(values.apply(LAST_EVENT_ID_HEADER)) ? LAST_EVENT_ID_HEADER
                : LAST_EVENT_ID;
        String lastEventId = values.apply(lastEventIdFrom);
        if (isPresent(lastEventId)) {
            EventIds.Position last = position(lastEventIdFrom, lastEventId);
            seed = last.seed();
            seeded = true;
            firstSequence = last.sequence() + 1;
        }
        return new StreamOptions(
                eventName(values.apply(EVENT)),
                data(values.apply(DATA)),
                config.messageLengthMin(),
                config.messageLengthMax(),
                orElse(values, INTERVAL, this::interval, new Interval(config.intervalMin(), config.intervalMax())),
                count(COUNT, values.apply(COUNT)),
                orElse(values, DURATION, text -> positiveDuration(DURATION, text, config.maxDuration()), Duration.ZERO),
                orElse(values, DELAY, text -> duration(DELAY, text, config.maxDelay()), Duration.ZERO),
                orElse(values, RETRY, text -> whole(RETRY, text, 0, config.maxRetry().toMillis()), -1L),
                orElse(values, HEARTBEAT, text -> positiveDuration(HEARTBEAT, text, config.maxInterval()), Duration.ZERO),
                orElse(values, PADDING, text -> (int) whole(PADDING, text, 0, config.maxPadding()), 0),
                seed,
                firstSequence,
                count(FAIL_AFTER, values.apply(FAIL_AFTER)),
                count(DROP_AFTER, values.apply(DROP_AFTER)),
                orElse(values, STATUS, text -> (int) whole(STATUS, text, 200, 599), 0),
                seeded,
                shape(values),
                orElse(values, STAMP, text -> flag(STAMP, text), false));
    }

    private static WireShape shape(Function<StreamParameter, String> values) {
        Split split = orElse(values, SPLIT, text -> named(SPLIT, text, Split.values(), Split::wireName), null);
        EnumSet<Quirk> quirks = EnumSet.noneOf(Quirk.class);
        String quirkList = values.apply(QUIRK);
        if (quirkList != null) {
            for (String name : quirkList.split(",")) {
                if (!name.isBlank()) {
                    quirks.add(named(QUIRK, name, Quirk.values(), Quirk::wireName));
                }
            }
        }
        if (split == Split.MID_CRLF) {
            if (quirks.contains(Quirk.CR)) {
                throw new InvalidParameterException(SPLIT, "mid-crlf needs CR LF line ends, and quirk cr asks for "
                        + "lone CRs", "split=mid-crlf with quirk crlf or mixed-newlines, or neither (crlf is implied)");
            }
            if (!quirks.contains(Quirk.MIXED_NEWLINES)) {
                quirks.add(Quirk.CRLF);
            }
        }
        if (split == Split.MID_UTF8) {
            quirks.add(Quirk.UTF8);
        }
        Set<Quirk> lineEnds = EnumSet.copyOf(quirks);
        lineEnds.retainAll(LINE_ENDS);
        if (lineEnds.size() > 1) {
            throw new InvalidParameterException(QUIRK, "asks for more than one line end: " + names(lineEnds),
                    "at most one of crlf, cr and mixed-newlines");
        }
        if (quirks.contains(Quirk.NO_SPACE) && quirks.contains(Quirk.EXTRA_SPACE)) {
            throw new InvalidParameterException(QUIRK, "asks for no space and an extra space after the colon",
                    "no-space or extra-space, not both");
        }
        IdFault idFault = orElse(values, ID_FAULT, text -> named(ID_FAULT, text, IdFault.values(), IdFault::wireName),
                null);
        String every = values.apply(ID_FAULT_EVERY);
        if (every != null && idFault == null) {
            throw new InvalidParameterException(ID_FAULT_EVERY, "needs id_fault", "id_fault=dup, skip or reorder "
                    + "with id_fault_every=N");
        }
        return new WireShape(quirks, split, idFault,
                every == null ? DEFAULT_ID_FAULT_EVERY : (int) whole(ID_FAULT_EVERY, every, 2, 1_000_000));
    }

    /** The constant whose wire name is {@code text}, or a refusal that lists them all. */
    private static <T> T named(StreamParameter parameter, String text, T[] constants, Function<T, String> wireName) {
        String name = text.trim();
        return Arrays.stream(constants).filter(constant -> wireName.apply(constant).equals(name)).findFirst()
                .orElseThrow(() -> new InvalidParameterException(parameter, "has an unknown value: '" + text + "'",
                        "one of " + Arrays.stream(constants).map(wireName).collect(Collectors.joining(", "))
                                + (parameter == QUIRK ? ", as a comma-separated list" : "")));
    }

    private static String oneOf(StreamParameter parameter, String text, String... accepted) {
        String value = text.trim();
        if (!Arrays.asList(accepted).contains(value)) {
            throw new InvalidParameterException(parameter, "has an unknown value: '" + text + "'",
                    "one of " + String.join(", ", accepted));
        }
        return value;
    }

    private static boolean flag(StreamParameter parameter, String text) {
        return switch (text.trim()) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new InvalidParameterException(parameter, "is not a flag: '" + text + "'",
                    "1 or true to turn it on, 0 or false to leave it off");
        };
    }

    private static boolean gzipFlag(String text) {
        return switch (text.trim()) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new InvalidParameterException(GZIP, "is not a flag or auto: '" + text + "'",
                    "1 or true to compress always, auto to compress when Accept-Encoding allows gzip, 0 or false "
                            + "for no compression");
        };
    }

    /**
     * True when {@code Accept-Encoding} allows gzip (RFC 9110, 12.5.3): {@code gzip}, {@code x-gzip} or {@code *}
     * with a q-value above 0, unless gzip itself is listed with q=0.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean gzip = null;
        boolean any = false;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
            boolean accepted = true;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    accepted = !parameter.substring(2).trim().matches("0(\\.0{0,3})?");
                }
            }
            if (name.equals("gzip") || name.equals("x-gzip")) {
                gzip = accepted;
            } else if (name.equals("*")) {
                any = accepted;
            }
        }
        return gzip != null ? gzip : any;
    }

    private static String names(Set<Quirk> quirks) {
        return quirks.stream().map(Quirk::wireName).collect(Collectors.joining(", "));
    }

    private static <T> T orElse(Function<StreamParameter, String> values, StreamParameter parameter,
            Function<String, T> parse, T absent) {
        String text = values.apply(parameter);
        return text == null ? absent : parse.apply(text);
    }

    private String eventName(String event) {
        if (event == null) {
            return config.eventName();
        }
        String accepted = "1 to " + config.maxEventLength() + " characters without CR or LF";
        if (event.indexOf('\r') >= 0 || event.indexOf('\n') >= 0) {
            throw new InvalidParameterException(EVENT, "must not contain CR or LF", accepted);
        }
        if (event.isEmpty() || event.length() > config.maxEventLength()) {
            throw new InvalidParameterException(EVENT, "has " + event.length() + " characters", accepted);
        }
        return event;
    }

    private String data(String data) {
        if (data != null && data.length() > config.maxDataLength()) {
            throw new InvalidParameterException(DATA, "has " + data.length() + " characters",
                    "at most " + config.maxDataLength() + " characters");
        }
        return data;
    }

    private Interval interval(String text) {
        int range = text.indexOf("..");
        if (range < 0) {
            return Interval.fixed(duration(INTERVAL, text, config.maxInterval()));
        }
        Duration min = duration(INTERVAL, text.substring(0, range), config.maxInterval());
        Duration max = duration(INTERVAL, text.substring(range + 2), config.maxInterval());
        if (min.compareTo(max) > 0) {
            throw new InvalidParameterException(INTERVAL, "has MIN greater than MAX",
                    "MIN..MAX with MIN <= MAX, each " + DURATION_FORM);
        }
        return new Interval(min, max);
    }

    private static long count(StreamParameter parameter, String text) {
        return text == null ? 0 : whole(parameter, text, 1, EventIds.MAX_SEQUENCE);
    }

    private static Duration positiveDuration(StreamParameter parameter, String text, Duration max) {
        Duration value = duration(parameter, text, max);
        if (value.isZero()) {
            throw new InvalidParameterException(parameter, "must be more than zero", DURATION_FORM + ", up to " + max);
        }
        return value;
    }

    private static Duration duration(StreamParameter parameter, String text, Duration max) {
        String accepted = DURATION_FORM + ", from 0 to " + max;
        Duration value;
        if (!text.chars().allMatch(c -> c < 0x80)) {
            throw new InvalidParameterException(parameter, "is not a duration: '" + text + "'", accepted);
        }
        try {
            String trimmed = text.trim();
            value = DurationConverter.parseDuration(BARE_SECONDS.matcher(trimmed).matches() ? trimmed + "s" : trimmed);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new InvalidParameterException(parameter, "is not a duration: '" + text + "'", accepted);
        }
        if (value == null) {
            throw new InvalidParameterException(parameter, "is empty", accepted);
        }
        if (value.isNegative() || value.compareTo(max) > 0) {
            throw new InvalidParameterException(parameter, "is out of range: " + text, accepted);
        }
        return value;
    }

    private static long whole(StreamParameter parameter, String text, long min, long max) {
        String accepted = "a whole number from " + min + " to " + max;
        String trimmed = text.trim();
        long value;
        try {
            value = ASCII_WHOLE.matcher(trimmed).matches() ? Long.parseLong(trimmed) : Long.MIN_VALUE;
        } catch (NumberFormatException e) {
            value = Long.MIN_VALUE; // too many digits
        }
        if (value == Long.MIN_VALUE) {
            throw new InvalidParameterException(parameter, "is not a whole number: '" + text + "'", accepted);
        }
        if (value < min || value > max) {
            throw new InvalidParameterException(parameter, "is out of range: " + value, accepted);
        }
        return value;
    }

    private static EventIds.Position position(StreamParameter parameter, String id) {
        try {
            return EventIds.decode(id.trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, "is not an event id of this stream: " + e.getMessage(),
                    "the id of an event this endpoint sent (32 hex characters)");
        }
    }

    private static boolean isPresent(String text) {
        return text != null && !text.isBlank();
    }
}
