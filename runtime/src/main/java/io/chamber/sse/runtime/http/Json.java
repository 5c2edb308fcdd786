package io.chamber.sse.runtime.http;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The HTTP side's JSON bodies: problems, manifests, echoed requests; all strings, numbers, lists, maps and records.
 * They carry request input, so besides JSON's own escapes (quotes, backslashes, control characters, NUL among them)
 * {@code <}, {@code >} and the JavaScript line terminators U+2028 and U+2029 are written as {@code \}{@code uXXXX}:
 * a body pasted into a page or a script cannot end the script or a line there.
 */
final class Json {

    private static final ObjectWriter WRITER = new ObjectMapper().writer().with(new InertEscapes());

    private Json() {
    }

    static byte[] bytes(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings, numbers, lists, maps and records are always JSON", e);
        }
    }

    static String text(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    private static final class InertEscapes extends CharacterEscapes {

        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        private final int[] ascii = standardAsciiEscapesForJSON();

        InertEscapes() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028 -> LINE_SEPARATOR;
                case 0x2029 -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }
}
