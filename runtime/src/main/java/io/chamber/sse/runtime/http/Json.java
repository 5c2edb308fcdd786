package io.chamber.sse.runtime.http;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** The HTTP side's JSON bodies: problems, manifests, echoed requests; all strings, numbers, lists, maps and records. */
final class Json {

    private static final ObjectWriter WRITER = new ObjectMapper().writer();

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
}
