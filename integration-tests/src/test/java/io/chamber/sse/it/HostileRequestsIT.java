package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hostile requests (issue 14): fuzzed queries, input that tries to become a line of the stream or of a header, bad
 * header values, a request without {@code Host}, digits that are not ASCII. Every refusal is a 4xx RFC 9457 problem
 * naming a parameter, nothing is ever a 5xx, no byte of input becomes a new line of a stream or a body, or a
 * control byte in a response header.
 */
class HostileRequestsIT extends HostileSuite {

    static final int FUZZED_QUERIES = 1200;
    static final long FUZZ_SEED = 14;
    /** What every injection attempt puts after its line break: it must never start a line. */
    static final String MARK = "ZQX";
    static final List<String> INJECTIONS = List.of("a\r\n" + MARK + ": 1", "a\n" + MARK, "a\r" + MARK, "a\u0000" + MARK,
            "a\u2028" + MARK, "a\u0085" + MARK, "</script><script>" + MARK + "()</script>", "a\r\n\r\n" + MARK);
    static final List<String> NAMES = List.of("event", "data", "interval", "count", "duration", "delay", "retry",
            "heartbeat", "padding", "seed", "fail_after", "drop_after", "quirk", "split", "id_fault",
            "id_fault_every", "echo", "stamp", "accel_buffering", "gzip", "lastEventId");
    static final Pattern TOKEN_LIST = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+( *, *[!#$%&'*+.^_`|~0-9A-Za-z-]+)*");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Order(1)
    void fuzzedQueriesAreServedOrRefusedWithAProblemNeverA5xx() throws Exception {
        Random random = new Random(FUZZ_SEED);
        List<List<String[]>> queries = IntStream.range(0, FUZZED_QUERIES).mapToObj(i -> fuzzedQuery(random)).toList();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (List<String[]> query : queries) {
                pool.execute(() -> {
                    String failure = check(query);
                    if (failure != null) {
                        failures.add(failure);
                    }
                });
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).as("fuzz finished").isTrue();
        }
        assertThat(failures.stream().limit(20).toList()).as("fuzzed queries answered wrongly: %d of %d, the first 20",
                failures.size(), FUZZED_QUERIES).isEmpty();
    }

    @Test
    @Order(2)
    void reflectedInputNeverBecomesALineOfTheStream() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String injection : INJECTIONS) {
            String value = encode(injection);
            for (String target : List.of("/streaming/sse?count=1&interval=0&event=" + value,
                    "/streaming/sse?count=1&interval=0&data=" + value,
                    "/streaming/sse?count=1&interval=0&echo=request&x=" + value)) {
                check(target, Map.of()).ifPresent(failures::add);
            }
            String headerSafe = injection.replace("\r", "").replace("\n", "");
            check("/streaming/sse?count=1&interval=0&echo=request", Map.of("X-Reflect", headerSafe))
                    .ifPresent(failures::add);
            for (String parameter : List.of("interval", "count", "quirk", "split", "seed", "lastEventId", "echo",
                    "padding", "gzip", "status")) {
                check("/streaming/sse?" + parameter + "=" + value, Map.of()).ifPresent(failures::add);
                check("/streaming/sse/expected?" + parameter + "=" + value + "&seed=1&count=1", Map.of())
                        .ifPresent(failures::add);
            }
            check("/streaming/sse", Map.of("Last-Event-ID", headerSafe)).ifPresent(failures::add);
        }
        assertThat(failures).as("reflections that broke a line, a body or a header").isEmpty();
    }

    @Test
    @Order(3)
    void badPreflightHeaderValuesOverHttp1AreRefusedOrEchoedAsATokenList() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String value : List.of("a\u0000b", "a\u0001b", "a\u007fb", "a\u0085b", "a\u00e2\u0080\u00a8b",
                "</script>", "a b", "a\tb", "a\r\n x-injected: 1", "last-event-id, x-custom", "Last-Event-ID")) {
            try (RawHttp connection = RawHttp.open(app.port)) {
                connection.send("OPTIONS /streaming/sse HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://a.test\r\n"
                        + "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: " + value
                        + "\r\n\r\n");
                RawHttp.Head head = connection.head(Duration.ofSeconds(10));
                String allowed = head.header("access-control-allow-headers");
                String problem = headProblem(head);
                if (problem != null) {
                    failures.add(printable(value) + ": " + problem);
                } else if (head.status() == 204 && (allowed == null || !TOKEN_LIST.matcher(allowed).matches())) {
                    failures.add(printable(value) + ": 204 with Access-Control-Allow-Headers " + printable(allowed));
                } else if (head.status() != 204 && head.status() != 400) {
                    failures.add(printable(value) + ": status " + head.status());
                }
            }
        }
        assertThat(failures).as("preflights answered wrongly").isEmpty();
    }

    @Test
    @Order(4)
    void aRequestWithoutHostIsRefusedQuietly() throws Exception {
        try (RawHttp connection = RawHttp.open(app.port)) {
            RawHttp.Head head = connection.send("GET /streaming/sse?count=1&interval=0 HTTP/1.1\r\n\r\n")
                    .head(Duration.ofSeconds(10));
            assertThat(head.status()).as("status of an HTTP/1.1 request without Host").isEqualTo(400);
        }
        try (RawHttp connection = RawHttp.open(app.port)) {
            RawHttp.Head head = connection.send("GET /streaming/sse?count=1&interval=0 HTTP/1.0\r\n\r\n")
                    .head(Duration.ofSeconds(10));
            assertThat(head.status()).as("status of an HTTP/1.0 request without Host").isEqualTo(200);
        }
    }

    @Test
    @Order(5)
    void digitsOtherThanAsciiAreRefused() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String query : List.of("count=\uff11", "count=1\uff10", "padding=\uff11", "seed=\uff11", "retry=\uff11",
                "fail_after=\u0663", "drop_after=\u0663", "id_fault=dup&id_fault_every=\uff12", "interval=\uff11s",
                "delay=\u0661s", "status=\uff12\uff10\uff14")) {
            String name = query.substring(query.lastIndexOf('&') + 1, query.lastIndexOf('='));
            String target = "/streaming/sse?" + query.substring(0, query.lastIndexOf('=') + 1)
                    + encode(query.substring(query.lastIndexOf('=') + 1)) + "&count=1&interval=0";
            try (RawHttp connection = RawHttp.open(app.port)) {
                RawHttp.Head head = connection.send(RawHttp.get(target)).head(Duration.ofSeconds(10));
                byte[] body = connection.body(head, 65_536, null, Duration.ofSeconds(2));
                String problem = problemFault(head, body, Set.of(name));
                if (head.status() != 400 || problem != null) {
                    failures.add(query + ": status " + head.status() + (problem == null ? "" : ", " + problem));
                }
            }
        }
        assertThat(failures).as("numbers in digits other than ASCII's, accepted or refused wrongly").isEmpty();
    }

    /** One to five parameters: names from the endpoint's (and a few others), values from the worst of each kind. */
    private static List<String[]> fuzzedQuery(Random random) {
        List<String[]> query = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
            String name = random.nextInt(12) == 0
                    ? List.of("unknown", "Count", "count[]", "", "%00", "status_").get(random.nextInt(6))
                    : NAMES.get(random.nextInt(NAMES.size()));
            query.add(new String[] {name, random.nextInt(25) == 0 ? null : fuzzedValue(random, name)});
        }
        return query;
    }

    private static String fuzzedValue(Random random, String name) {
        return switch (random.nextInt(7)) {
            case 0 -> pick(random, "0", "1", "3", "-1", "007", "+1", " 1", "1 ", "2147483648", "9223372036854775807",
                    "9223372036854775808", "99999999999999999999999", "1e3", "0x10", "1.5", "-0", "\uff11", "\u0663",
                    "65536", "65537", "1000001", "NaN");
            case 1 -> pick(random, "0", "1h", "1ms", "10ms..20ms", "1s..5s", "1h..0", "..", "0..", "1s..", "..1s",
                    "PT-1S", "P1D", "-1s", "1.5.5", "1ms..1h", "Infinity", "1 s", "1S", "1hh", "100000000000000h",
                    "PT0.000000001S", "25h", "61s");
            case 2 -> pick(random, "", " ", "true", "false", "byte", "line", "random", "mid-crlf", "mid-utf8",
                    "request", "dup", "skip", "reorder", "omit", "no", "bom,crlf,cr", "crlf,mixed-newlines",
                    "no-space,extra-space", "utf8,multiline,comment,id-null,empty-id,retry-bogus,trailing-partial",
                    "0123456789abcdef0123456789abcdef", "ffffffffffffffffffffffffffffffff", "\u00e9", "\ud83d\ude00");
            case 3 -> pick(random, INJECTIONS.toArray(String[]::new));
            case 4 -> "x".repeat(1 + random.nextInt(1100));
            case 5 -> randomText(random);
            default -> validLooking(random, name);
        };
    }

    /** A value of the right form for {@code name}, so that combinations of accepted values are tried too. */
    private static String validLooking(Random random, String name) {
        return switch (name) {
            case "interval" -> pick(random, "0", "1h", "10ms", "5ms..50ms");
            case "count", "fail_after", "drop_after" -> pick(random, "1", "2", "3");
            case "padding" -> pick(random, "0", "1", "65536");
            case "quirk" -> pick(random, "bom", "crlf", "cr", "multiline", "utf8", "trailing-partial", "comment");
            case "split" -> pick(random, "byte", "line", "mid-crlf", "mid-utf8", "random");
            case "id_fault" -> pick(random, "dup", "skip", "reorder");
            case "echo" -> "request";
            case "stamp", "gzip" -> pick(random, "1", "true", "0");
            case "delay" -> pick(random, "0", "1ms", "50ms");
            default -> pick(random, "1", "a", "1s");
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
            int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x20) : random.nextInt(0x10FFFF);
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    /** Sends one fuzzed query and checks the answer; returns what is wrong with it, or null. */
    private String check(List<String[]> query) {
        String target = "/streaming/sse?" + query.stream()
                .map(pair -> pair[1] == null ? encode(pair[0]) : encode(pair[0]) + "=" + encode(pair[1]))
                .collect(Collectors.joining("&"));
        if (target.length() > 3_800) {
            target = target.substring(0, target.lastIndexOf('&', 3_800));
        }
        boolean delayed = query.stream().anyMatch(pair -> pair[0].equals("delay"));
        try (RawHttp connection = RawHttp.open(app.port)) {
            connection.send(RawHttp.get(target));
            RawHttp.Head head;
            try {
                head = connection.head(Duration.ofSeconds(delayed ? 2 : 10));
            } catch (SocketTimeoutException e) {
                connection.reset();
                return delayed ? null : target + ": no answer within 10 s";
            }
            byte[] body = connection.body(head, 8_192, "\n\nid: ", Duration.ofMillis(500));
            connection.reset();
            Set<String> names = query.stream().map(pair -> pair[0].toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            String fault = fault(head, body, names);
            return fault == null ? null : printable(target) + ": " + fault;
        } catch (IOException | RuntimeException e) {
            return target + ": " + e;
        }
    }

    /** Sends {@code target} with {@code headers} and checks the answer; returns what is wrong with it. */
    private Optional<String> check(String target, Map<String, String> headers) throws IOException {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        try (RawHttp connection = RawHttp.open(app.port)) {
            connection.send(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            RawHttp.Head head = connection.head(Duration.ofSeconds(10));
            byte[] body = connection.body(head, 65_536, null, Duration.ofSeconds(2));
            Set<String> names = Arrays.stream(target.substring(target.indexOf('?') + 1).split("&"))
                    .map(pair -> pair.split("=")[0].toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            String fault = head.status() == 400 && body.length == 0 && !headers.isEmpty() ? null // Netty's header check
                    : fault(head, body, headers.isEmpty() ? names : Set.of());
            return Optional.ofNullable(fault).map(text -> printable(target) + " " + headers.keySet() + ": "
                    + text);
        }
    }

    /** What is wrong with an answer, or null. */
    private static String fault(RawHttp.Head head, byte[] body, Set<String> names) {
        String problem = headProblem(head);
        if (problem != null) {
            return problem;
        }
        int status = head.status();
        if (status >= 500 && !(status == 503 && head.header("retry-after") != null)) {
            return "status " + status + " " + new String(body, StandardCharsets.UTF_8);
        }
        if (status >= 400) {
            return problemFault(head, body, names);
        }
        if (status == 200 && "application/json".equals(head.header("content-type"))) {
            try {
                JSON.readTree(body); // a manifest
                return null;
            } catch (IOException e) {
                return "a manifest that is not JSON: " + printable(new String(body, StandardCharsets.UTF_8));
            }
        }
        if (status == 200) {
            if (!"text/event-stream".equals(head.header("content-type"))) {
                return "200 with Content-Type " + head.header("content-type");
            }
            if (head.header("content-encoding") == null) {
                String text = new String(body, StandardCharsets.UTF_8);
                for (String line : text.split("\r\n|\r|\n")) {
                    if (line.replace("\ufeff", "").startsWith(MARK)) {
                        return "a line of the stream from the input: " + printable(line);
                    }
                }
            }
        }
        return null;
    }

    /** What is wrong with a refusal's RFC 9457 body, or null. */
    private static String problemFault(RawHttp.Head head, byte[] body, Set<String> names) {
        String type = head.header("content-type");
        if (!"application/problem+json".equals(type)) {
            return "status " + head.status() + " with Content-Type " + type + ": " + printable(new String(body,
                    StandardCharsets.UTF_8));
        }
        for (byte b : body) {
            if (b == '\r' || b == '\n' || b == 0) {
                return "a raw CR, LF or NUL in the problem body " + printable(new String(body, StandardCharsets.UTF_8));
            }
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.path("status").asInt() != head.status() || !problem.path("type").isTextual()
                    || !problem.path("detail").isTextual()) {
                return "not an RFC 9457 problem for its status: " + problem;
            }
            if (head.status() == 400 && !names.isEmpty()) {
                String parameter = problem.path("parameter").asText("").toLowerCase(Locale.ROOT);
                if (!names.contains(parameter) && !parameter.equals("query")) {
                    return "a problem naming '" + printable(parameter) + "', not one of " + names + ": " + problem;
                }
            }
            return null;
        } catch (IOException e) {
            return "a problem body that is not JSON: " + printable(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** A control byte in the head other than the CR LF ending each line, or a line made of input; else null. */
    private static String headProblem(RawHttp.Head head) {
        String raw = head.raw();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean lineEnd = (c == '\r' && i + 1 < raw.length() && raw.charAt(i + 1) == '\n')
                    || (c == '\n' && i > 0 && raw.charAt(i - 1) == '\r');
            if ((c < 0x20 && c != '\t' && !lineEnd) || c == 0x7f) {
                return "a control byte " + (int) c + " in the response head " + printable(raw);
            }
        }
        for (String line : raw.split("\r\n")) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith(MARK) || upper.startsWith("X-INJECTED")) {
                return "a header line made of input: " + printable(line);
            }
        }
        return null;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(300).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
