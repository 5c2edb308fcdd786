package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What one stream of each kind holds in the packaged app at {@code -Xmx256m}: {@value #STREAMS} streams of a kind
 * are opened, and the live heap after a full collection ({@code jcmd GC.class_histogram}), the direct and other
 * native memory the JVM tracks ({@code VM.native_memory}, "Other", where Netty's buffers are) and the resident
 * memory are read before and after, divided by the streams (a client that does not read, in an app of its own, since
 * Netty keeps the direct memory it pooled). Each kind's weight, the memory it reserves from the
 * budget ({@code chamber_sse_memory_reserved_bytes}), must cover what it was seen to hold. Prints the table that
 * {@code docs/limits.md} shows.
 */
class StreamMemoryIT {

    static final int STREAMS = 200;
    static final String DATA = "x".repeat(1024);
    /** About 16 KB of request headers, as a client behind a few proxies may send. */
    static final Map<String, String> BIG_HEADERS = bigHeaders();

    record Kind(String name, String query, Map<String, String> headers, boolean reads) {
    }

    record Cost(long heap, long other, long rss, long reserved) {
    }

    @Test
    void everyKindOfStreamHoldsNoMoreThanItReserves() throws Exception {
        List<Kind> kinds = List.of(
                new Kind("plain", "interval=1h", Map.of(), true),
                new Kind("padding=65536", "interval=1h&padding=65536", Map.of(), true),
                new Kind("data=1024 characters", "interval=1h&data=" + DATA, Map.of(), true),
                new Kind("split=byte", "interval=1h&split=byte", Map.of(), true),
                new Kind("split=byte&padding=65536", "interval=1h&split=byte&padding=65536", Map.of(), true),
                new Kind("split=random&padding=65536", "interval=1h&split=random&padding=65536", Map.of(), true),
                new Kind("split=line&padding=65536", "interval=1h&split=line&padding=65536", Map.of(), true),
                new Kind("split=mid-utf8&padding=65536", "interval=1h&split=mid-utf8&padding=65536", Map.of(), true),
                new Kind("gzip=1", "interval=1h&gzip=1", Map.of(), true),
                new Kind("echo=request, 16 KB of headers", "interval=1h&echo=request", BIG_HEADERS, true),
                new Kind("worst mix: split=byte, padding=65536, echo, data, 16 KB of headers",
                        "interval=1h&split=byte&padding=65536&echo=request&data=" + DATA, BIG_HEADERS, true),
                new Kind("fire-hose (interval=0), client not reading", "interval=0", Map.of(), false),
                new Kind("fire-hose, data=1024 characters, client not reading", "interval=0&data=" + DATA, Map.of(),
                        false));
        Map<Kind, Cost> costs = new LinkedHashMap<>();
        measure(kinds.stream().filter(Kind::reads).toList(), costs);
        for (Kind kind : kinds.stream().filter(kind -> !kind.reads()).toList()) {
            measure(List.of(kind), costs); // each in an app of its own: Netty keeps the direct memory it pooled
        }
        System.out.println("| Kind | Heap per stream | Direct and other native | Resident | Reserved (weight) |");
        System.out.println("|---|---:|---:|---:|---:|");
        costs.forEach((kind, cost) -> System.out.printf("| %s | %s | %s | %s | %s |%n", kind.name(), kb(cost.heap),
                kb(cost.other), kb(cost.rss), kb(cost.reserved)));
        assertThat(costs).allSatisfy((kind, cost) -> assertThat(cost.heap + cost.other)
                .as("%s holds %s of heap and %s of native memory and reserved %s", kind.name(), kb(cost.heap),
                        kb(cost.other), kb(cost.reserved))
                .isLessThanOrEqualTo(cost.reserved));
    }

    private static void measure(List<Kind> kinds, Map<Kind, Cost> costs) throws Exception {
        PackagedApp app = PackagedApp.start(PackagedApp.freePort(), "-Xmx256m", "-XX:NativeMemoryTracking=summary",
                "-Dquarkus.chamber.sse.max-streams=10000");
        try (ManyStreams clients = new ManyStreams(app.port)) {
            Metrics metrics = new Metrics(app.uri("/"));
            clients.open(50, "/streaming/sse?interval=1h").forEach(ManyStreams.Stream::close); // warms the pools up
            awaitNoStreams(metrics);
            for (Kind kind : kinds) {
                Cost before = measure(app, metrics);
                List<AutoCloseable> open = open(kind, clients, app);
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> metrics.openStreams() == STREAMS);
                if (!kind.reads()) {
                    awaitQuiet(metrics);
                }
                Cost after = measure(app, metrics);
                System.out.printf("measured %s: heap %d, native %d, resident %d, reserved %d bytes%n", kind.name(),
                        after.heap - before.heap, after.other - before.other, after.rss - before.rss,
                        after.reserved - before.reserved);
                costs.put(kind, new Cost((after.heap - before.heap) / STREAMS,
                        Math.max(0, after.other - before.other) / STREAMS, (after.rss - before.rss) / STREAMS,
                        (after.reserved - before.reserved) / STREAMS));
                for (AutoCloseable stream : open) {
                    stream.close();
                }
                awaitNoStreams(metrics);
                assertThat(metrics.reservedBytes()).as("the budget is given back").isZero();
            }
        } finally {
            app.close();
        }
    }

    private static List<AutoCloseable> open(Kind kind, ManyStreams clients, PackagedApp app) throws Exception {
        String uri = "/streaming/sse?" + kind.query();
        List<AutoCloseable> open = new ArrayList<>();
        if (kind.reads()) {
            clients.open(STREAMS, uri, kind.headers()).forEach(stream -> open.add(stream::close));
            return open;
        }
        for (int i = 0; i < STREAMS; i++) {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", app.port), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            open.add(socket); // and never read
        }
        return open;
    }

    /**
     * The streams stopped writing: each waits for its client, with its queue in the server full. (A compressed or
     * split fire-hose is left out: the kernel's socket buffers take minutes to fill at its rate.)
     */
    private static void awaitQuiet(Metrics metrics) {
        double[] last = { -1 };
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            double sent = metrics.eventsSent();
            boolean quiet = sent == last[0];
            last[0] = sent;
            return quiet;
        });
    }

    private static void awaitNoStreams(Metrics metrics) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> metrics.openStreams() == 0);
    }

    private static Cost measure(PackagedApp app, Metrics metrics) throws Exception {
        long pid = app.process.pid();
        Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(jcmd(pid, "GC.class_histogram"));
        Matcher other = Pattern.compile("-\\s+Other \\(reserved=\\d+KB, committed=(\\d+)KB\\)")
                .matcher(jcmd(pid, "VM.native_memory", "summary"));
        Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
        assertThat(total.find() && other.find() && rss.find()).as("jcmd and /proc answered").isTrue();
        return new Cost(Long.parseLong(total.group(1)), Long.parseLong(other.group(1)) * 1024,
                Long.parseLong(rss.group(1)) * 1024, (long) metrics.reservedBytes());
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static String kb(long bytes) {
        return String.format("%.1f KB", bytes / 1024.0);
    }

    private static Map<String, String> bigHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < 16; i++) {
            headers.put("X-Forwarded-Detail-" + i, "v".repeat(1000));
        }
        return headers;
    }
}
