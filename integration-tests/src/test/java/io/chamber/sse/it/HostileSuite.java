package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The frame of the hostile-client suite (issue 14): one packaged app per theme, at {@code -Xmx256m}; after every
 * case the app must be whole again (its open streams back where they were, liveness UP, a normal stream served, no
 * WARN or ERROR line logged during the case), and after the last case its heap and RSS back near where they were
 * when it had just served its first streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HostileSuite {

    /** Heap in use after a full GC may exceed the start's by this much once every client left. */
    static final long HEAP_SLACK = 24L << 20;
    /** The RSS may exceed the start's by this much once every client left (Netty keeps its pooled buffers). */
    static final long RSS_SLACK = 160L << 20;

    HostileApp app;
    private long startHeap;
    private long startRss;
    private long streamsBefore;
    private int logBefore;

    /** Extra {@code -D} settings of this theme's app. */
    String[] settings() {
        return new String[0];
    }

    @BeforeAll
    void startApp() throws Exception {
        app = HostileApp.start(settings());
        for (int i = 0; i < 20; i++) {
            assertThat(app.normalStream().statusCode()).isEqualTo(200);
        }
        startHeap = app.heapAfterGc();
        startRss = app.rss();
        System.out.printf("[hostile] %s: heap after GC %d KB, RSS %d KB at the start%n", getClass().getSimpleName(),
                startHeap >> 10, startRss >> 10);
    }

    /** A case that broke the app has failed already; the next one gets a fresh app, so that it is judged alone. */
    @BeforeEach
    void markCase() throws Exception {
        if (!app.alive() || app.liveness() != 200) {
            System.out.printf("[hostile] %s: the app is broken after the previous case; starting a fresh one%n",
                    getClass().getSimpleName());
            app.app.process.destroyForcibly().waitFor();
            app = HostileApp.start(settings());
        }
        streamsBefore = app.openStreams();
        logBefore = app.logLines().size();
    }

    /** The app is whole after each case; a case that broke it fails here, not the next case. */
    @AfterEach
    void appIsWholeAgain() throws Exception {
        assertThat(app.alive()).as("the app is running").isTrue();
        SoftAssertions whole = new SoftAssertions();
        whole.assertThat(app.awaitOpenStreams(streamsBefore)).as("open streams (chamber_sse_streams_open) 15 s after "
                + "the case").isEqualTo(streamsBefore);
        whole.assertThat(app.liveness()).as("status of /q/health/live").isEqualTo(200);
        HttpResponse<String> normal = app.normalStream();
        whole.assertThat(normal.statusCode()).as("status of a normal stream").isEqualTo(200);
        whole.assertThat(normal.body()).as("a normal stream's body").contains("\n\nid: ");
        whole.assertThat(firstTen(app.noiseSince(logBefore))).as("WARN and ERROR lines the case caused (the first 10)")
                .isEmpty();
        whole.assertAll();
    }

    static List<String> firstTen(List<String> lines) {
        return lines.stream().limit(10).map(line -> line.length() > 400 ? line.substring(0, 400) + "..." : line)
                .toList();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void afterEveryCaseTheAppIsBackWhereItStarted() {
        assertThat(app.alive()).as("the app is running").isTrue();
        assertThat(app.openStreams()).as("open streams").isZero();
        long heap = app.heapAfterGc();
        long rss = app.rss();
        System.out.printf("[hostile] %s: heap after GC %d KB, RSS %d KB at the end%n", getClass().getSimpleName(),
                heap >> 10, rss >> 10);
        assertThat(heap).as("heap in use after a full GC, against %d KB at the start", startHeap >> 10)
                .isLessThanOrEqualTo(startHeap + HEAP_SLACK);
        assertThat(rss).as("RSS, against %d KB at the start", startRss >> 10).isLessThanOrEqualTo(startRss + RSS_SLACK);
        assertThat(firstTen(app.noiseSince(0))).as("WARN and ERROR lines in %s (the first 10)", app.app.log).isEmpty();
    }

    /** Shutting down after the cases is quiet too (a stream that outlived its connection would hold it up). */
    @AfterAll
    void stopApp() throws Exception {
        if (app == null) {
            return;
        }
        int logBeforeShutdown = app.logLines().size();
        app.close();
        assertThat(firstTen(app.noiseSince(logBeforeShutdown))).as("WARN and ERROR lines while shutting down")
                .isEmpty();
    }
}
