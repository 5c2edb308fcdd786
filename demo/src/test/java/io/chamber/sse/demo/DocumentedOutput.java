package io.chamber.sse.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chamber.sse.runtime.stream.EventIds;

/**
 * Whether a command's output has the shape a page documents for it.
 * <ul>
 * <li>A line {@code ...} (or {@code …}) stands for any number of lines, and {@code ...} inside a line for any text;
 * an indented line continues the one before (long JSON wrapped for reading). The documented lines must match the
 * output's first lines; the output may go on after them.</li>
 * <li>A deterministic request (a seeded or resumed stream without {@code stamp} or {@code echo}) must give the
 * documented bytes. Any other keeps the shape: the same lines in the same order, where ids, random messages,
 * {@code elapsed} and {@code sent} may differ. Its documented ids must still be ids of this endpoint, and not those
 * of a small seed (an unseeded stream draws a random 64-bit seed).</li>
 * <li>Output that starts with a status line ({@code curl -i}) has its status line, then the documented headers in the
 * response's order (names in any case, values as documented), then the body as above.</li>
 * <li>Documented JSON that parses is compared as JSON: equal when deterministic, else the same keys everywhere.</li>
 * </ul>
 */
final class DocumentedOutput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("\\b[0-9a-f]{32}\\b");
    private static final Pattern MESSAGE = Pattern.compile("(\\\\?\"message\\\\?\": ?\\\\?\")((?:[^\"\\\\]|\\\\[^\"])*)(\\\\?\")");
    private static final Pattern NUMBER_FIELD = Pattern.compile("(\\\\?\"(?:elapsed|sent)\\\\?\": ?)[0-9.]+");
    private static final String ELLIPSIS = "\u0000";
    /** An unseeded stream's seed is any 64-bit number; one below this in a documented example is a seeded one's. */
    private static final long SMALL_SEED = 1_000_000;

    private DocumentedOutput() {
    }

    /**
     * @param documented the page's output block
     * @param actual what the commands printed
     * @param deterministic whether the request must give the same bytes every time
     * @param fixedMessage whether the request fixed the message ({@code data=})
     * @return why {@code actual} does not have the documented shape, or {@code null} when it has
     */
    static String mismatch(String documented, String actual, boolean deterministic, boolean fixedMessage) {
        if (!deterministic) {
            String badId = seededIdIn(documented);
            if (badId != null) {
                return badId;
            }
        }
        JsonNode documentedJson = json(documented);
        if (documentedJson != null) {
            JsonNode actualJson = json(actual);
            if (actualJson == null) {
                return "documented JSON, but the output is not JSON:\n" + actual;
            }
            boolean same = deterministic ? documentedJson.equals(actualJson) : sameKeys(documentedJson, actualJson);
            return same ? null
                    : (deterministic ? "JSON differs" : "JSON keys differ") + "\ndocumented: " + documentedJson
                            + "\nactual:     " + actualJson;
        }
        List<String> expected = joinContinuations(lines(documented));
        List<String> output = lines(actual);
        if (!expected.isEmpty() && expected.get(0).startsWith("HTTP/")) {
            return httpMismatch(expected, output, deterministic, fixedMessage);
        }
        return linesMismatch(expected, output, deterministic, fixedMessage);
    }

    /** Whether {@code actual} holds a line matching {@code span} (with {@code …} or {@code ...} for any text). */
    static boolean contains(String actual, String span) {
        Pattern pattern = Pattern.compile(".*" + lineRegex(span.replace("...", ELLIPSIS).replace("\u2026", ELLIPSIS)) + ".*");
        return lines(actual).stream().anyMatch(line -> pattern.matcher(line).matches());
    }

    private static String httpMismatch(List<String> expected, List<String> output, boolean deterministic,
            boolean fixedMessage) {
        int expectedBody = expected.indexOf("");
        int outputBody = output.indexOf("");
        List<String> expectedHeaders = expected.subList(1, expectedBody < 0 ? expected.size() : expectedBody);
        List<String> outputHeaders = outputBody < 0 ? output : output.subList(1, outputBody);
        if (output.isEmpty() || !output.get(0).equals(expected.get(0))) {
            return "status line: documented '" + expected.get(0) + "', actual '"
                    + (output.isEmpty() ? "(nothing)" : output.get(0)) + "'";
        }
        Iterator<String> remaining = outputHeaders.iterator();
        for (String header : expectedHeaders) {
            Pattern pattern = headerPattern(header);
            boolean found = false;
            while (!found && remaining.hasNext()) {
                found = pattern.matcher(remaining.next()).matches();
            }
            if (!found) {
                boolean present = outputHeaders.stream().anyMatch(line -> pattern.matcher(line).matches());
                return "header '" + header + "' " + (present ? "is out of the response's order" : "is missing")
                        + "; the response's headers:\n" + String.join("\n", outputHeaders);
            }
        }
        if (expectedBody < 0) {
            return null;
        }
        List<String> expectedRest = expected.subList(expectedBody + 1, expected.size());
        List<String> outputRest = outputBody < 0 ? List.of() : output.subList(outputBody + 1, output.size());
        String body = String.join("\n", expectedRest);
        JsonNode bodyJson = json(body);
        if (bodyJson != null) {
            return mismatch(body, String.join("\n", outputRest), deterministic, fixedMessage);
        }
        return linesMismatch(expectedRest, outputRest, deterministic, fixedMessage);
    }

    private static Pattern headerPattern(String header) {
        int colon = header.indexOf(':');
        String name = header.substring(0, colon);
        String value = header.substring(colon + 1).strip().replace("...", ELLIPSIS).replace("\u2026", ELLIPSIS);
        return Pattern.compile("(?i:" + Pattern.quote(name) + "):\\s*" + lineRegex(value) + "\\s*");
    }

    private static String linesMismatch(List<String> expected, List<String> output, boolean deterministic,
            boolean fixedMessage) {
        List<String> want = expected.stream().map(line -> normalize(line, deterministic, fixedMessage))
                .map(line -> line.replace("...", ELLIPSIS).replace("\u2026", ELLIPSIS)).toList();
        while (!want.isEmpty() && want.get(want.size() - 1).isEmpty()) {
            want = want.subList(0, want.size() - 1);
        }
        List<String> got = output.stream().map(line -> normalize(line, deterministic, fixedMessage)).toList();
        List<Pattern> patterns = want.stream().map(line -> line.equals(ELLIPSIS) ? null
                : Pattern.compile(lineRegex(line))).toList();
        int[] failedAt = { 0 };
        if (matches(patterns, 0, got, 0, failedAt)) {
            return null;
        }
        int line = failedAt[0];
        return "documented line " + (line + 1) + " of the output block, '" + expected.get(Math.min(line, expected.size() - 1))
                + "', does not match the output" + (deterministic ? " (a deterministic request: the same bytes)" : " (shape)")
                + ":\n" + String.join("\n", output.subList(0, Math.min(output.size(), 40)));
    }

    /** Prefix match with {@code ...} lines skipping any lines; remembers the furthest documented line reached. */
    private static boolean matches(List<Pattern> patterns, int p, List<String> lines, int l, int[] furthest) {
        furthest[0] = Math.max(furthest[0], p);
        if (p == patterns.size()) {
            return true;
        }
        Pattern pattern = patterns.get(p);
        if (pattern == null) {
            for (int skip = l; skip <= lines.size(); skip++) {
                if (matches(patterns, p + 1, lines, skip, furthest)) {
                    return true;
                }
            }
            return false;
        }
        return l < lines.size() && pattern.matcher(lines.get(l)).matches() && matches(patterns, p + 1, lines, l + 1, furthest);
    }

    private static String lineRegex(String line) {
        return Arrays.stream(line.split(ELLIPSIS, -1)).map(Pattern::quote)
                .reduce((left, right) -> left + ".*?" + right).orElse("");
    }

    private static String normalize(String line, boolean deterministic, boolean fixedMessage) {
        if (deterministic) {
            return line;
        }
        String shape = ID.matcher(line).replaceAll("<id>");
        if (!fixedMessage) {
            shape = MESSAGE.matcher(shape).replaceAll("$1<message>$3");
        }
        return NUMBER_FIELD.matcher(shape).replaceAll("$1<number>");
    }

    private static String seededIdIn(String documented) {
        Matcher id = ID.matcher(documented);
        while (id.find()) {
            try {
                long seed = EventIds.decode(id.group()).seed();
                if (seed >= 0 && seed < SMALL_SEED) {
                    return "documents id " + id.group() + " of seed " + seed + " for a request without a seed";
                }
            } catch (IllegalArgumentException e) {
                return "documents id " + id.group() + ", which this endpoint never sends (" + e.getMessage() + ")";
            }
        }
        return null;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static List<String> joinContinuations(List<String> lines) {
        List<String> joined = new ArrayList<>();
        for (String line : lines) {
            if (!joined.isEmpty() && !line.isBlank() && Character.isWhitespace(line.charAt(0))
                    && !joined.get(joined.size() - 1).isEmpty()) {
                joined.set(joined.size() - 1, joined.get(joined.size() - 1) + line.strip());
            } else {
                joined.add(line);
            }
        }
        return joined;
    }

    private static JsonNode json(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return null;
        }
        try {
            return JSON.readTree(trimmed);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static boolean sameKeys(JsonNode documented, JsonNode actual) {
        if (documented.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            List<String> documentedNames = new ArrayList<>();
            documented.fieldNames().forEachRemaining(documentedNames::add);
            List<String> actualNames = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualNames::add);
            return documentedNames.equals(actualNames)
                    && documentedNames.stream().allMatch(name -> sameKeys(documented.get(name), actual.get(name)));
        }
        if (documented.isArray()) {
            if (!actual.isArray() || documented.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < documented.size(); i++) {
                if (!sameKeys(documented.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return documented.getNodeType() == actual.getNodeType() || documented.isNumber() && actual.isNumber();
    }
}
