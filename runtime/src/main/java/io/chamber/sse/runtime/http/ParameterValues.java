package io.chamber.sse.runtime.http;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.chamber.sse.runtime.stream.EventIds;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * The value forms the request parameters share (whole numbers, durations, flags, names): each turns a raw value into
 * its type or refuses it with an {@link InvalidParameterException} that names the parameter and the accepted form.
 */
final class ParameterValues {

    static final String DURATION_FORM = "a duration such as 250ms, 2s, 1.5 (seconds) or 1m";

    private static final Pattern BARE_SECONDS = Pattern.compile("\\d+\\.\\d+");
    /** ASCII digits only: Java's number parsers also take other scripts' digits, such as a fullwidth {@code １}. */
    private static final Pattern ASCII_WHOLE = Pattern.compile("[+-]?[0-9]+");

    private ParameterValues() {
    }

    /** The constant whose wire name is {@code text}, or a refusal that lists them all. */
    static <T> T named(StreamParameter parameter, String text, T[] constants, Function<T, String> wireName) {
        String name = text.trim();
        return Arrays.stream(constants).filter(constant -> wireName.apply(constant).equals(name)).findFirst()
                .orElseThrow(() -> new InvalidParameterException(parameter, "has an unknown value: '" + text + "'",
                        "one of " + String.join(", ", wireNames(constants, wireName))
                                + (parameter == StreamParameter.QUIRK ? ", as a comma-separated list" : "")));
    }

    static <T> List<String> wireNames(T[] constants, Function<T, String> wireName) {
        return Arrays.stream(constants).map(wireName).toList();
    }

    static String oneOf(StreamParameter parameter, String text, List<String> accepted) {
        String value = text.trim();
        if (!accepted.contains(value)) {
            throw new InvalidParameterException(parameter, "has an unknown value: '" + text + "'",
                    "one of " + String.join(", ", accepted));
        }
        return value;
    }

    static boolean flag(StreamParameter parameter, String text) {
        return switch (text.trim()) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new InvalidParameterException(parameter, "is not a flag: '" + text + "'",
                    "1 or true to turn it on, 0 or false to leave it off");
        };
    }

    static long count(StreamParameter parameter, String text) {
        return whole(parameter, text, 1, EventIds.MAX_SEQUENCE);
    }

    static Duration positiveDuration(StreamParameter parameter, String text, Duration max) {
        Duration value = duration(parameter, text, max);
        if (value.isZero()) {
            throw new InvalidParameterException(parameter, "must be more than zero", DURATION_FORM + ", up to " + max);
        }
        return value;
    }

    static Duration duration(StreamParameter parameter, String text, Duration max) {
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

    static long whole(StreamParameter parameter, String text, long min, long max) {
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

    static EventIds.Position position(StreamParameter parameter, String id) {
        try {
            return EventIds.decode(id.trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, "is not an event id of this stream: " + e.getMessage(),
                    "the id of an event this endpoint sent (32 hex characters)");
        }
    }

    /** A duration as the docs write it: {@code 1h}, {@code 60s}, {@code 250ms}. */
    static String shortForm(Duration duration) {
        if (duration.isZero()) {
            return "0";
        }
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis >= 600_000) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
