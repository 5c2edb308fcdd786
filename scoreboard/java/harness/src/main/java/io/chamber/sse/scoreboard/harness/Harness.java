package io.chamber.sse.scoreboard.harness;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a Java harness prints, one JSON object a line, as {@code clients/node/emit.mjs} describes; its arguments are
 * the stream URL and the event types, comma-separated. JSON is written by hand so that no JSON library of the
 * harness meets another version of it on a client's classpath.
 */
public final class Harness {

    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    public final String url;
    public final List<String> types;

    public Harness(String[] args) {
        url = args[0];
        types = List.of((args.length > 1 ? args[1] : "message").split(","));
    }

    public void event(String type, String data, String lastEventId) {
        print("{\"kind\":\"event\",\"type\":" + string(type) + ",\"data\":" + string(data) + ",\"lastEventId\":"
                + string(lastEventId) + "}");
    }

    public void open() {
        print("{\"kind\":\"open\"}");
    }

    public void error(Object failure) {
        print("{\"kind\":\"error\",\"message\":" + string(String.valueOf(failure)) + "}");
    }

    public void closed() {
        print("{\"kind\":\"closed\"}");
    }

    /** Keeps the harness alive until the driver ends it. */
    public static void waitForever() throws InterruptedException {
        Thread.currentThread().join();
    }

    private static synchronized void print(String line) {
        OUT.println(line);
    }

    private static String string(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
