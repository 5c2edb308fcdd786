package io.chamber.sse.demo;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * HTTPS (and so HTTP/2 for browsers) without any configuration: where no key store is configured, the default TLS
 * configuration's key store is a self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made at the
 * first start in {@code chamber.demo.tls.directory} (by default {@code ~/.chamber-sse/tls}: outside the repository
 * and the image) and kept for the next starts. A key store of one's own ({@code quarkus.tls.key-store.pem|p12|jks.*})
 * turns this off. Where the directory cannot be written, the demo serves plain HTTP only.
 * <p>
 * A config source rather than a startup hook: Quarkus's TLS registry reads the key store while the app starts, before
 * any application code runs. Logging is not set up that early: {@link SelfSignedCertificateNotice} says at startup
 * where the certificate is and how to trust it.
 */
public class SelfSignedLocalhostCertificate implements ConfigSourceFactory {

    static final String DIRECTORY = "chamber.demo.tls.directory";
    /** Why there is no self-signed certificate, where it could not be made. */
    static final String UNAVAILABLE = "chamber.demo.tls.self-signed-unavailable";
    static final String CERT = "quarkus.tls.key-store.pem.0.cert";
    static final String KEY = "quarkus.tls.key-store.pem.0.key";
    static final String SOURCE_NAME = "chamber-demo-self-signed-localhost-certificate";
    private static final String NAME = "localhost";
    /** A key store of the default TLS configuration (PEM, P12, JKS), as a property or an environment variable. */
    private static final Pattern KEY_STORE_CONFIGURED = Pattern.compile(
            "(%[^.]+\\.)?quarkus\\.tls\\.key-store\\.(pem|p12|jks|pfx)\\..+|QUARKUS_TLS_KEY_STORE_(PEM|P12|JKS|PFX)_.+");
    private static final Duration VALIDITY = Duration.ofDays(365);
    /** A certificate that expires sooner than this is made anew. */
    private static final Duration RENEWAL = Duration.ofDays(7);
    /** Below application.properties (250), the environment (300) and system properties (400). */
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean keyStoreConfigured = StreamSupport.stream(((Iterable<String>) context::iterateNames).spliterator(), false)
                .anyMatch(name -> KEY_STORE_CONFIGURED.matcher(name).matches());
        // not in the build (UNSET), which would record the paths in the app and make a certificate on the build machine,
        // nor in the run that writes the build's class archive (quarkus.appcds.generate)
        if (keyStoreConfigured || ExecutionMode.current() == ExecutionMode.UNSET
                || Boolean.getBoolean("quarkus.appcds.generate")) {
            return List.of();
        }
        ConfigValue configured = context.getValue(DIRECTORY);
        Path directory = configured != null && configured.getValue() != null ? Path.of(configured.getValue())
                : Path.of(System.getProperty("user.home"), ".chamber-sse", "tls");
        Path cert = directory.resolve(NAME + ".crt");
        Path key = directory.resolve(NAME + ".key");
        try {
            if (!Files.exists(key) || !notAfter(cert).isAfter(Instant.now().plus(RENEWAL))) {
                generate(directory);
            }
        } catch (Exception e) {
            return List.of(source(Map.of(UNAVAILABLE, directory + ": " + e)));
        }
        return List.of(source(Map.of(CERT, cert.toString(), KEY, key.toString())));
    }

    private static ConfigSource source(Map<String, String> properties) {
        return new MapBackedConfigSource(SOURCE_NAME, properties, ORDINAL) {
        };
    }

    private static void generate(Path directory) throws Exception {
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        new CertificateGenerator(directory, true).generate(new CertificateRequest().withName(NAME).withCN(NAME)
                .withSubjectAlternativeName("DNS:localhost").withSubjectAlternativeName("IP:127.0.0.1")
                .withFormat(Format.PEM).withDuration(VALIDITY));
        Files.setPosixFilePermissions(directory.resolve(NAME + ".key"), PosixFilePermissions.fromString("rw-------"));
    }

    /** When the certificate expires; the past where there is none or it cannot be read. */
    private static Instant notAfter(Path cert) {
        try (InputStream in = Files.newInputStream(cert)) {
            return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in)).getNotAfter()
                    .toInstant();
        } catch (Exception missingOrUnreadable) {
            return Instant.MIN;
        }
    }
}
