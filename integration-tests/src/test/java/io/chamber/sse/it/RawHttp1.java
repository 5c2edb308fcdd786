package io.chamber.sse.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.x exchange written byte for byte on a plain socket (what no HTTP client library sends: a missing
 * {@code Host}, NUL in a header), read until the server closes the connection.
 */
final class RawHttp1 {

    record Response(int status, List<String> headerLines, String body) {

        /** The values of the header {@code name}, in order. */
        List<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip()).toList();
        }
    }

    private RawHttp1() {
    }

    /** Sends {@code head} (request line and header lines, each ending CR LF, without the empty line) and reads. */
    static Response exchange(int port, String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            List<String> lines = new ArrayList<>(List.of(text.substring(0, end).split("\r\n")));
            int status = Integer.parseInt(lines.remove(0).split(" ")[1]);
            return new Response(status, lines, text.substring(end + 4));
        }
    }
}
