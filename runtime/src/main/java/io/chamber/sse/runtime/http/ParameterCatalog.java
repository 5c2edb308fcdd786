package io.chamber.sse.runtime.http;

import static io.chamber.sse.runtime.http.ParameterValues.DURATION_FORM;
import static io.chamber.sse.runtime.http.ParameterValues.count;
import static io.chamber.sse.runtime.http.ParameterValues.duration;
import static io.chamber.sse.runtime.http.ParameterValues.flag;
import static io.chamber.sse.runtime.http.ParameterValues.named;
import static io.chamber.sse.runtime.http.ParameterValues.oneOf;
import static io.chamber.sse.runtime.http.ParameterValues.positiveDuration;
import static io.chamber.sse.runtime.http.ParameterValues.shortForm;
import static io.chamber.sse.runtime.http.ParameterValues.whole;
import static io.chamber.sse.runtime.http.ParameterValues.wireNames;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.chamber.sse.runtime.ChamberSseConfig;
import io.chamber.sse.runtime.stream.EventIds;
import io.chamber.sse.runtime.stream.IdFault;
import io.chamber.sse.runtime.stream.Interval;
import io.chamber.sse.runtime.stream.Quirk;
import io.chamber.sse.runtime.stream.Split;

/**
 * Every request parameter of the stream endpoint, in one place: its name, how its value is read, the values it
 * accepts, its default (from the configuration where it is configurable), a one-line help and the rules it has with
 * other parameters. The parser reads requests with it; the OpenAPI document, the docs' parameter table and the
 * viewers' forms are written from it. A new parameter is a {@link StreamParameter} constant and one entry here (and,
 * when it makes a stream hold more memory, a term in {@link StreamWeight}, which reckons a stream's memory as a whole).
 * Built once per configuration; reading a request allocates nothing here beyond the values themselves.
 */
public final class ParameterCatalog {

    /** How a value is written, for forms and schemas. */
    public enum ValueType {
        /** Free text. */
        TEXT,
        /** A whole number. */
        INTEGER,
        /** A duration: 250ms, 2s, 1.5 (seconds), 1m, or ISO-8601. */
        DURATION,
        /** {@code 1}/{@code true} or {@code 0}/{@code false}. */
        FLAG,
        /** One of {@link Entry#values()}. */
        CHOICE,
        /** A comma-separated list of {@link Entry#values()}. */
        CHOICES
    }

    /** What {@code gzip} asks for. */
    public enum Gzip {
        OFF, ALWAYS, WHEN_ACCEPTED
    }

    private static final int DEFAULT_ID_FAULT_EVERY = 10;

    final Entry<String> event;
    final Entry<String> data;
    final Entry<Interval> interval;
    final Entry<Long> count;
    final Entry<Duration> duration;
    final Entry<Duration> delay;
    final Entry<Long> retry;
    final Entry<Boolean> retryInFirst;
    final Entry<Duration> heartbeat;
    final Entry<Integer> padding;
    final Entry<Long> seed;
    final Entry<Long> failAfter;
    final Entry<Long> dropAfter;
    final Entry<Integer> status;
    final Entry<EnumSet<Quirk>> quirk;
    final Entry<Split> split;
    final Entry<IdFault> idFault;
    final Entry<Integer> idFaultEvery;
    final Entry<Boolean> echo;
    final Entry<Boolean> stamp;
    final Entry<Boolean> accelBufferingHeader;
    final Entry<Gzip> gzip;

    private final Map<StreamParameter, Entry<?>> entries = new EnumMap<>(StreamParameter.class);

    /** @param config the defaults and limits the entries take their values from */
    public ParameterCatalog(ChamberSseConfig config) {
        int maxEvent = config.maxEventLength();
        event = add(Entry.of(StreamParameter.EVENT, ValueType.TEXT, "1 to " + maxEvent + " characters without CR or LF",
                config.eventName(), "Event name of every event.", text -> eventName(text, maxEvent),
                config.eventName()));
        int maxData = config.maxDataLength();
        data = add(Entry.of(StreamParameter.DATA, ValueType.TEXT, "up to " + maxData + " characters", null,
                "Fixed message of every event instead of a random one; JSON-escaped.", text -> data(text, maxData),
                null)
                .example("hello"));
        Interval defaultInterval = new Interval(config.intervalMin(), config.intervalMax());
        Duration maxInterval = config.maxInterval();
        interval = add(Entry.of(StreamParameter.INTERVAL, ValueType.DURATION,
                "a duration, or MIN..MAX, from 0 to " + shortForm(maxInterval), range(defaultInterval),
                "Pause between events: a duration for a fixed pace, MIN..MAX for a random one, 0 for as fast as the "
                        + "client reads.",
                text -> interval(text, maxInterval), defaultInterval)
                .example("250ms, 100ms..2s"));
        count = add(Entry.of(StreamParameter.COUNT, ValueType.INTEGER, "1 to " + EventIds.MAX_SEQUENCE, null,
                "End the stream after this many events in all (across reconnections); a resume after the last one "
                        + "is answered 204.",
                text -> count(StreamParameter.COUNT, text), 0L)
                .example("10"));
        Duration maxDuration = config.maxDuration();
        duration = add(Entry.of(StreamParameter.DURATION, ValueType.DURATION,
                "more than 0, up to " + shortForm(maxDuration), null, "End the response cleanly after this long.",
                text -> positiveDuration(StreamParameter.DURATION, text, maxDuration), Duration.ZERO)
                .example("30s"));
        Duration maxDelay = config.maxDelay();
        delay = add(Entry.of(StreamParameter.DELAY, ValueType.DURATION, "0 to " + shortForm(maxDelay), null,
                "Wait this long before the headers and the first event.",
                text -> duration(StreamParameter.DELAY, text, maxDelay), Duration.ZERO)
                .example("2s"));
        long maxRetry = config.maxRetry().toMillis();
        retry = add(Entry.of(StreamParameter.RETRY, ValueType.INTEGER, "0 to " + maxRetry, null,
                "Reconnection delay in milliseconds, sent as the `retry:` field where retry_in says.",
                text -> whole(StreamParameter.RETRY, text, 0, maxRetry), -1L)
                .example("500"));
        List<String> placements = List.of("block", "first");
        retryInFirst = add(Entry.of(StreamParameter.RETRY_IN, ValueType.CHOICE, placements, "block",
                "Where the `retry:` field goes: block, a block of its own with no data before the first event; "
                        + "first, the last line of the first event's block.",
                text -> "first".equals(oneOf(StreamParameter.RETRY_IN, text, placements)), false)
                .rules("needs retry"));
        heartbeat = add(Entry.of(StreamParameter.HEARTBEAT, ValueType.DURATION,
                "more than 0, up to " + shortForm(maxInterval), null,
                "Send a `: heartbeat` comment whenever nothing went out for this long.",
                text -> positiveDuration(StreamParameter.HEARTBEAT, text, maxInterval), Duration.ZERO)
                .example("5s"));
        int maxPadding = config.maxPadding();
        padding = add(Entry.of(StreamParameter.PADDING, ValueType.INTEGER, "0 to " + maxPadding, null,
                "Send first a comment of this many bytes, to defeat or reveal buffering.",
                text -> (int) whole(StreamParameter.PADDING, text, 0, maxPadding), 0)
                .example("2048"));
        seed = add(Entry.of(StreamParameter.SEED, ValueType.INTEGER, "0 to " + Long.MAX_VALUE, null,
                "Seed of a deterministic stream: the same seed gives the same ids, messages and pauses; without it "
                        + "every request draws one.",
                text -> whole(StreamParameter.SEED, text, 0, Long.MAX_VALUE), 0L)
                .absentFrom(() -> ThreadLocalRandom.current().nextLong())
                .example("42"));
        failAfter = add(Entry.of(StreamParameter.FAIL_AFTER, ValueType.INTEGER, "1 to " + EventIds.MAX_SEQUENCE, null,
                "End the response cleanly after this many events, as if the server closed it.",
                text -> count(StreamParameter.FAIL_AFTER, text), 0L)
                .example("3"));
        dropAfter = add(Entry.of(StreamParameter.DROP_AFTER, ValueType.INTEGER, "1 to " + EventIds.MAX_SEQUENCE, null,
                "Drop the TCP connection abruptly after this many events.",
                text -> count(StreamParameter.DROP_AFTER, text), 0L)
                .example("3"));
        status = add(Entry.of(StreamParameter.STATUS, ValueType.INTEGER, "200 to 599", null,
                "Answer with this HTTP status and no stream; 204 stops EventSource.",
                text -> (int) whole(StreamParameter.STATUS, text, 200, 599), 0)
                .example("503"));
        quirk = add(Entry.of(StreamParameter.QUIRK, ValueType.CHOICES, wireNames(Quirk.values(), Quirk::wireName), null,
                "Legal but unusual wire formats, comma-separated.", ParameterCatalog::quirks, null)
                .absentFrom(() -> EnumSet.noneOf(Quirk.class))
                .rules("at most one of crlf, cr and mixed-newlines", "no-space or extra-space, not both")
                .example("crlf,comment"));
        split = add(Entry.of(StreamParameter.SPLIT, ValueType.CHOICE, wireNames(Split.values(), Split::wireName), null,
                "Cut each frame into separately flushed writes (random: drawn from the seed).",
                text -> named(StreamParameter.SPLIT, text, Split.values(), Split::wireName), null)
                .rules("mid-crlf implies quirk crlf unless mixed-newlines, and is refused with cr",
                        "mid-utf8 implies quirk utf8", "refused with gzip"));
        idFault = add(Entry.of(StreamParameter.ID_FAULT, ValueType.CHOICE, wireNames(IdFault.values(), IdFault::wireName),
                null, "A fault in every Nth event's id: dup repeats the previous id, skip leaves the event out, "
                        + "reorder swaps it with the next.",
                text -> named(StreamParameter.ID_FAULT, text, IdFault.values(), IdFault::wireName), null));
        idFaultEvery = add(Entry.of(StreamParameter.ID_FAULT_EVERY, ValueType.INTEGER, "2 to 1000000",
                String.valueOf(DEFAULT_ID_FAULT_EVERY), "N for id_fault: every Nth event.",
                text -> (int) whole(StreamParameter.ID_FAULT_EVERY, text, 2, 1_000_000), DEFAULT_ID_FAULT_EVERY)
                .rules("needs id_fault"));
        List<String> echoes = List.of("request");
        echo = add(Entry.of(StreamParameter.ECHO, ValueType.CHOICE, echoes, null,
                "request: the first event (type request) carries the request as the server saw it.",
                text -> oneOf(StreamParameter.ECHO, text, echoes) != null, false));
        stamp = add(Entry.of(StreamParameter.STAMP, ValueType.FLAG, "1, true, 0 or false", "0",
                "Every payload also carries sent, the server's send time in microseconds since the epoch.",
                text -> flag(StreamParameter.STAMP, text), false));
        List<String> accelBuffering = List.of("no", "omit");
        accelBufferingHeader = add(Entry.of(StreamParameter.ACCEL_BUFFERING, ValueType.CHOICE, accelBuffering, "no",
                "no: X-Accel-Buffering: no is sent, so nginx passes events straight through; omit leaves it out.",
                text -> !"omit".equals(oneOf(StreamParameter.ACCEL_BUFFERING, text, accelBuffering)), true));
        gzip = add(Entry.of(StreamParameter.GZIP, ValueType.CHOICE, List.of("1", "auto"), null,
                "1 (or true): the stream is sent with Content-Encoding: gzip, flushed after every event; auto: only "
                        + "when Accept-Encoding allows gzip; 0 or false: as without it.",
                ParameterCatalog::gzip, Gzip.OFF)
                .rules("refused with split"));
        // Taken as they come: StreamOptionsParser decodes the id to resume after, and gzip=auto reads the header.
        add(Entry.of(StreamParameter.LAST_EVENT_ID, ValueType.TEXT, "an event id this endpoint sent",
                null, "Resume after this event id, as EventSource polyfills send it.", text -> text, null));
        add(Entry.of(StreamParameter.LAST_EVENT_ID_HEADER, ValueType.TEXT,
                "an event id this endpoint sent", null,
                "Resume after this event id, as EventSource sends it on reconnect; wins over lastEventId.",
                text -> text, null));
        add(Entry.of(StreamParameter.ACCEPT_ENCODING_HEADER, ValueType.TEXT,
                "content codings, as in RFC 9110", null,
                "With gzip=auto, the stream is compressed only when this allows gzip.", text -> text, null));
        if (entries.size() != StreamParameter.values().length) {
            throw new IllegalStateException("Parameters without an entry in the catalog: "
                    + EnumSet.complementOf(EnumSet.copyOf(entries.keySet())));
        }
    }

    /** Every entry, in the order of {@link StreamParameter}. */
    public List<Entry<?>> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry of {@code parameter}. */
    public Entry<?> entry(StreamParameter parameter) {
        return entries.get(parameter);
    }

    private <T> Entry<T> add(Entry<T> entry) {
        entries.put(entry.parameter(), entry);
        return entry;
    }

    // The rules between parameters: each refuses with the parameter it names, or adds what a value implies.

    private static final Set<Quirk> LINE_ENDS = EnumSet.of(Quirk.CRLF, Quirk.CR, Quirk.MIXED_NEWLINES);

    /** {@code split}'s rules: the quirks a split implies, and the one it cannot go with. */
    static void applySplitRules(Split split, Set<Quirk> quirks) {
        if (split == Split.MID_CRLF) {
            if (quirks.contains(Quirk.CR)) {
                throw new InvalidParameterException(StreamParameter.SPLIT, "mid-crlf needs CR LF line ends, and quirk "
                        + "cr asks for lone CRs", "split=mid-crlf with quirk crlf or mixed-newlines, or neither (crlf "
                                + "is implied)");
            }
            if (!quirks.contains(Quirk.MIXED_NEWLINES)) {
                quirks.add(Quirk.CRLF);
            }
        }
        if (split == Split.MID_UTF8) {
            quirks.add(Quirk.UTF8);
        }
    }

    /** {@code quirk}'s rules, on the quirks asked for and implied. */
    static void checkQuirkRules(Set<Quirk> quirks) {
        Set<Quirk> lineEnds = EnumSet.copyOf(quirks);
        lineEnds.retainAll(LINE_ENDS);
        if (lineEnds.size() > 1) {
            throw new InvalidParameterException(StreamParameter.QUIRK, "asks for more than one line end: "
                    + lineEnds.stream().map(Quirk::wireName).collect(Collectors.joining(", ")),
                    "at most one of crlf, cr and mixed-newlines");
        }
        if (quirks.contains(Quirk.NO_SPACE) && quirks.contains(Quirk.EXTRA_SPACE)) {
            throw new InvalidParameterException(StreamParameter.QUIRK, "asks for no space and an extra space after the "
                    + "colon", "no-space or extra-space, not both");
        }
    }

    /** {@code retry_in} needs {@code retry}. */
    static void checkRetryInRule(boolean retryIn, boolean retry) {
        if (retryIn && !retry) {
            throw new InvalidParameterException(StreamParameter.RETRY_IN, "needs retry: there is no retry field to "
                    + "place", "retry=MILLIS with retry_in=block or first");
        }
    }

    /** {@code id_fault_every} needs {@code id_fault}. */
    static void checkIdFaultEveryRule(boolean idFaultEvery, IdFault idFault) {
        if (idFaultEvery && idFault == null) {
            throw new InvalidParameterException(StreamParameter.ID_FAULT_EVERY, "needs id_fault", "id_fault=dup, skip "
                    + "or reorder with id_fault_every=N");
        }
    }

    /** {@code gzip} cannot go with {@code split}. */
    static void checkGzipRule(Gzip gzip, Split split) {
        if (gzip != Gzip.OFF && split != null) {
            throw new InvalidParameterException(StreamParameter.GZIP, "cannot be combined with split: the cuts would "
                    + "fall inside the compressed bytes", "gzip=1 or gzip=auto without split, or split without gzip");
        }
    }

    // The value parsers of the parameters with a form of their own.

    private static String eventName(String event, int maxLength) {
        String accepted = "1 to " + maxLength + " characters without CR or LF";
        if (event.indexOf('\r') >= 0 || event.indexOf('\n') >= 0) {
            throw new InvalidParameterException(StreamParameter.EVENT, "must not contain CR or LF", accepted);
        }
        if (event.isEmpty() || event.length() > maxLength) {
            throw new InvalidParameterException(StreamParameter.EVENT, "has " + event.length() + " characters",
                    accepted);
        }
        return event;
    }

    private static String data(String data, int maxLength) {
        if (data.length() > maxLength) {
            throw new InvalidParameterException(StreamParameter.DATA, "has " + data.length() + " characters",
                    "at most " + maxLength + " characters");
        }
        return data;
    }

    private static Interval interval(String text, Duration max) {
        int range = text.indexOf("..");
        if (range < 0) {
            return Interval.fixed(duration(StreamParameter.INTERVAL, text, max));
        }
        Duration min = duration(StreamParameter.INTERVAL, text.substring(0, range), max);
        Duration most = duration(StreamParameter.INTERVAL, text.substring(range + 2), max);
        if (min.compareTo(most) > 0) {
            throw new InvalidParameterException(StreamParameter.INTERVAL, "has MIN greater than MAX",
                    "MIN..MAX with MIN <= MAX, each " + DURATION_FORM);
        }
        return new Interval(min, most);
    }

    private static EnumSet<Quirk> quirks(String list) {
        EnumSet<Quirk> quirks = EnumSet.noneOf(Quirk.class);
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                quirks.add(named(StreamParameter.QUIRK, name, Quirk.values(), Quirk::wireName));
            }
        }
        return quirks;
    }

    private static Gzip gzip(String text) {
        return switch (text.trim()) {
            case "auto" -> Gzip.WHEN_ACCEPTED;
            case "1", "true" -> Gzip.ALWAYS;
            case "0", "false" -> Gzip.OFF;
            default -> throw new InvalidParameterException(StreamParameter.GZIP, "is not a flag or auto: '" + text
                    + "'", "1 or true to compress always, auto to compress when Accept-Encoding allows gzip, 0 or "
                            + "false for no compression");
        };
    }

    private static String range(Interval interval) {
        return interval.min().equals(interval.max()) ? shortForm(interval.min())
                : shortForm(interval.min()) + ".." + shortForm(interval.max());
    }

    /**
     * One request parameter: what the catalog says about it, and how its value is read.
     *
     * @param <T> the type of its value
     */
    public static final class Entry<T> {

        private final StreamParameter parameter;
        private final ValueType type;
        private final List<String> values;
        private final String accepts;
        private final String defaultValue;
        private final String help;
        private final Function<String, T> parser;
        private Supplier<T> absent;
        private List<String> rules = List.of();
        private String example;

        private Entry(StreamParameter parameter, ValueType type, List<String> values, String accepts,
                String defaultValue, String help, Function<String, T> parser, Supplier<T> absent) {
            this.parameter = parameter;
            this.type = type;
            this.values = values;
            this.accepts = accepts;
            this.defaultValue = defaultValue;
            this.help = help;
            this.parser = parser;
            this.absent = absent;
        }

        static <T> Entry<T> of(StreamParameter parameter, ValueType type, String accepts, String defaultValue,
                String help, Function<String, T> parser, T absent) {
            return new Entry<>(parameter, type, List.of(), accepts, defaultValue, help, parser, () -> absent);
        }

        static <T> Entry<T> of(StreamParameter parameter, ValueType type, List<String> values, String defaultValue,
                String help, Function<String, T> parser, T absent) {
            String accepts = (type == ValueType.CHOICES ? "a comma-separated list of " : "one of ")
                    + String.join(", ", values);
            return new Entry<>(parameter, type, List.copyOf(values), accepts, defaultValue, help, parser, () -> absent);
        }

        /** A request without it gets a value of its own, drawn from {@code absent}. */
        Entry<T> absentFrom(Supplier<T> absent) {
            this.absent = absent;
            return this;
        }

        Entry<T> example(String example) {
            this.example = example;
            return this;
        }

        Entry<T> rules(String... rules) {
            this.rules = List.of(rules);
            return this;
        }

        /** The value in the request, or the default when the request has none. */
        T read(Function<StreamParameter, String> request) {
            String text = request.apply(parameter);
            return text == null ? absent.get() : parser.apply(text);
        }

        /** The parameter. */
        public StreamParameter parameter() {
            return parameter;
        }

        /** The query parameter's or header's name. */
        public String name() {
            return parameter.wireName();
        }

        /** How a value is written. */
        public ValueType type() {
            return type;
        }

        /** Every value it accepts, for a {@link ValueType#CHOICE} or {@link ValueType#CHOICES}; empty otherwise. */
        public List<String> values() {
            return values;
        }

        /** The values it accepts, in words, with the configured limits: {@code "0 to 65536"}. */
        public String accepts() {
            return accepts;
        }

        /** What a request without it gets, as it would be written; {@code null} when leaving it out turns it off. */
        public String defaultValue() {
            return defaultValue;
        }

        /** A value to show as an example, or {@code null}. */
        public String example() {
            return example;
        }

        /**
         * True when the viewers' forms offer it: every query parameter but {@code lastEventId}, which is for
         * resuming, as {@code EventSource} does by itself.
         */
        public boolean inForms() {
            return !parameter.isHeader() && parameter != StreamParameter.LAST_EVENT_ID;
        }

        /** What it does, in one line. */
        public String help() {
            return help;
        }

        /** Its rules with other parameters, each in a few words; empty when it has none. */
        public List<String> rules() {
            return rules;
        }

        /** The help, then each rule as a sentence of its own. */
        public String helpWithRules() {
            StringBuilder text = new StringBuilder(help);
            for (String rule : rules) {
                text.append(' ').append(Character.toUpperCase(rule.charAt(0))).append(rule.substring(1)).append('.');
            }
            return text.toString();
        }

        /** Help, rules, accepted values and default in one text: the OpenAPI description. */
        public String description() {
            StringBuilder text = new StringBuilder(helpWithRules()).append(" Accepts ").append(accepts).append('.');
            if (type == ValueType.DURATION) {
                text.append(" Durations: 250ms, 2s, 1.5 (seconds), 1m, or ISO-8601.");
            }
            if (defaultValue != null) {
                text.append(" Default: ").append(defaultValue).append('.');
            }
            return text.toString();
        }
    }
}
