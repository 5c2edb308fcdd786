package io.chamber.sse.runtime.http;

import java.util.StringJoiner;

/**
 * A header whose value is a list of header names ({@code Access-Control-Request-Headers}): comma-separated HTTP
 * tokens (RFC 9110 §5.6.2, §5.6.1) with optional whitespace around the commas. Its normal form is the only form
 * that may go back into a response header.
 */
final class HeaderNames {

    static final String ACCEPTED = "header names (RFC 9110 tokens: letters, digits and !#$%&'*+-.^_`|~) separated "
            + "by commas, e.g. 'last-event-id, x-trace'";

    private HeaderNames() {
    }

    /**
     * The names in {@code value} joined by {@code ", "}; empty when it holds none (empty list elements are
     * ignored, as RFC 9110 §5.6.1.2 asks).
     *
     * @throws InvalidParameterException naming {@code header} when an element is not a token
     */
    static String normalized(String header, String value) {
        StringJoiner names = new StringJoiner(", ");
        int start = 0;
        while (start <= value.length()) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            String element = trimmed(value, start, end);
            if (!element.isEmpty()) {
                if (!isToken(element)) {
                    throw new InvalidParameterException(header, "is not a list of header names", ACCEPTED);
                }
                names.add(element);
            }
            start = end + 1;
        }
        return names.toString();
    }

    private static String trimmed(String value, int start, int end) {
        while (start < end && isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isToken(String element) {
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return true;
    }
}
