package io.chamber.sse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;

/**
 * The packaged demo serves HTTPS with HTTP/2 beside plain HTTP: with no configuration it makes a self-signed
 * certificate for localhost at its first start, says where, and keeps it; a certificate of one's own replaces it by
 * configuration only; over h2 + TLS the streams are the bytes they are over plain HTTP/1.1.
 */
class HttpsIT {

    static final Pattern LISTENING = Pattern.compile(
            "Listening on: http://127\\.0\\.0\\.1:(\\d+) and https://127\\.0\\.0\\.1:(\\d+)");
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Seeded, so the same bytes each time: lab quirks, splits, id faults, gzip, and /expected. */
    static final List<String> SEEDED = List.of(
            "streaming/sse?seed=42&count=5&interval=0",
            "streaming/sse?seed=7&count=4&interval=0&quirk=bom,crlf,multiline,comment,utf8&split=byte",
            "streaming/sse?seed=7&count=4&interval=0&quirk=mixed-newlines,trailing-partial&split=mid-utf8",
            "streaming/sse?seed=3&count=6&interval=0&id_fault=reorder&id_fault_every=2&retry=500",
            "streaming/sse/expected?seed=7&count=4&interval=0&quirk=bom,crlf,multiline,comment,utf8&split=byte");

    @TempDir
    Path home;

    record App(Process process, Path log, int httpPort, int httpsPort) {
    }

    @Test
    void makesASelfSignedCertificateForLocalhostAtTheFirstStartAndSaysWhere() throws Exception {
        Path directory = home.resolve("tls");
        App app = start("-Dchamber.demo.tls.directory=" + directory);
        byte[] made;
        try {
            Path cert = directory.resolve("localhost.crt");
            X509Certificate certificate = TrustingHttpClient.read(cert);
            assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
            assertThat(certificate.getSubjectAlternativeNames().stream().map(name -> name.get(1).toString()))
                    .containsExactlyInAnyOrder("localhost", "127.0.0.1");
            assertThat(Files.getPosixFilePermissions(directory.resolve("localhost.key")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(lines(app.log())).anyMatch(line -> line.contains(" INFO ")
                    && line.contains("self-signed certificate for localhost and 127.0.0.1: " + cert)
                    && line.contains("curl --cacert " + cert) && line.contains("NODE_EXTRA_CA_CERTS=" + cert));

            HttpResponse<byte[]> response = get(TrustingHttpClient.trusting(cert), app, "https",
                    "streaming/sse?count=1&interval=0");
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(response.sslSession().orElseThrow().getPeerCertificates()[0]).isEqualTo(certificate);
            made = Files.readAllBytes(cert);
        } finally {
            stop(app);
        }

        App again = start("-Dchamber.demo.tls.directory=" + directory);
        try {
            assertThat(Files.readAllBytes(directory.resolve("localhost.crt"))).as("the certificate of the first start")
                    .isEqualTo(made);
            assertThat(get(TrustingHttpClient.trusting(directory.resolve("localhost.crt")), again, "https",
                    "q/health/live").statusCode())
                    .isEqualTo(200);
        } finally {
            stop(again);
        }
    }

    @Test
    void seededStreamsAreTheSameBytesOverH2AndTlsAsOverPlainHttp11() throws Exception {
        Path directory = home.resolve("tls");
        App app = start("-Dchamber.demo.tls.directory=" + directory);
        try {
            HttpClient h2 = TrustingHttpClient.trusting(directory.resolve("localhost.crt"));
            HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (String path : SEEDED) {
                HttpResponse<byte[]> overH2 = get(h2, app, "https", path);
                HttpResponse<byte[]> overHttp11 = get(http11, app, "http", path);
                assertThat(overH2.version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(overHttp11.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
                assertThat(overH2.statusCode()).as(path).isEqualTo(200);
                assertThat(overH2.body()).as(path).isNotEmpty().isEqualTo(overHttp11.body());
            }
        } finally {
            stop(app);
        }
    }

    @Test
    void aCertificateOfOnesOwnIsServedByConfigurationOnly() throws Exception {
        Path own = home.resolve("own");
        Files.createDirectories(own);
        new CertificateGenerator(own, true).generate(new CertificateRequest().withName("own").withCN("localhost")
                .withSubjectAlternativeName("DNS:localhost").withFormat(Format.PEM));
        Path unused = home.resolve("unused");
        App app = start("-Dchamber.demo.tls.directory=" + unused,
                "-Dquarkus.tls.key-store.pem.0.cert=" + own.resolve("own.crt"),
                "-Dquarkus.tls.key-store.pem.0.key=" + own.resolve("own.key"));
        try {
            HttpResponse<byte[]> response = get(TrustingHttpClient.trusting(own.resolve("own.crt")), app, "https",
                    "q/health/live");
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(response.sslSession().orElseThrow().getPeerCertificates()[0])
                    .isEqualTo(TrustingHttpClient.read(own.resolve("own.crt")));
            assertThat(unused).as("no self-signed certificate made").doesNotExist();
            assertThat(lines(app.log())).noneMatch(line -> line.contains("self-signed"));
        } finally {
            stop(app);
        }
    }

    /** The packaged app on loopback, both ports chosen by the system, once it listens on both. */
    private App start(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=0", "-Dquarkus.http.ssl-port=0"));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        Path log = Files.createTempFile(home, "demo", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Matcher listening = await().atMost(START_TIMEOUT).until(() -> {
            assertThat(process.isAlive()).as("the app is running; its output: %s", lines(log)).isTrue();
            return lines(log).stream().map(LISTENING::matcher).filter(Matcher::find).findFirst();
        }, Optional::isPresent).orElseThrow();
        return new App(process, log, Integer.parseInt(listening.group(1)), Integer.parseInt(listening.group(2)));
    }

    /** SIGTERM; the app stops, and has logged no WARN or ERROR. */
    private static void stop(App app) throws Exception {
        app.process().destroy();
        try {
            assertThat(app.process().waitFor(30, TimeUnit.SECONDS)).as("the app stops on SIGTERM").isTrue();
        } finally {
            app.process().destroyForcibly();
        }
        assertThat(lines(app.log())).as("WARN and ERROR lines")
                .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "));
    }

    private static HttpResponse<byte[]> get(HttpClient client, App app, String scheme, String path) throws Exception {
        int port = "https".equals(scheme) ? app.httpsPort() : app.httpPort();
        String host = "https".equals(scheme) ? "localhost" : "127.0.0.1";
        return client.send(HttpRequest.newBuilder(URI.create(scheme + "://" + host + ":" + port + "/" + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> lines(Path log) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    }
}
