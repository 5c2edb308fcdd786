package io.chamber.sse.demo;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * At startup, where the demo made its self-signed certificate ({@link SelfSignedLocalhostCertificate}): where it is
 * and how to trust it, or why HTTPS is off.
 */
@Singleton
public class SelfSignedCertificateNotice {

    private static final Logger LOG = Logger.getLogger(SelfSignedCertificateNotice.class);

    void onStart(@Observes StartupEvent event) {
        Config config = ConfigProvider.getConfig();
        ConfigValue cert = config.getConfigValue(SelfSignedLocalhostCertificate.CERT);
        if (SelfSignedLocalhostCertificate.SOURCE_NAME.equals(cert.getSourceName())) {
            String path = cert.getValue();
            LOG.infof("HTTPS serves a self-signed certificate for localhost and 127.0.0.1: %s. Trust it with"
                    + " `curl --cacert %s`, NODE_EXTRA_CA_CERTS=%s for Node.js, or Chromium's"
                    + " --ignore-certificate-errors-spki-list; to serve a certificate of your own, set"
                    + " quarkus.tls.key-store.pem.0.cert and quarkus.tls.key-store.pem.0.key (docs/running.md)",
                    path, path, path);
        }
        config.getOptionalValue(SelfSignedLocalhostCertificate.UNAVAILABLE, String.class).ifPresent(reason -> LOG.infof(
                "HTTPS is off: no key store is configured and no self-signed certificate could be written to %s. Set %s"
                        + " to a writable directory, or quarkus.tls.key-store.pem.0.cert and .key (docs/running.md)",
                reason, SelfSignedLocalhostCertificate.DIRECTORY));
    }
}
