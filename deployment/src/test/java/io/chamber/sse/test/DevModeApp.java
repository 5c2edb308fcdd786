package io.chamber.sse.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.jboss.shrinkwrap.api.asset.StringAsset;

import io.quarkus.test.QuarkusDevModeTest;

/** A dev-mode application that only adds the extension, on a free loopback port. */
final class DevModeApp {

    private DevModeApp() {
    }

    static QuarkusDevModeTest on(int port) {
        String properties = """
                quarkus.http.host=127.0.0.1
                quarkus.http.port=%d
                # the Dev UI would ask the Quarkus registry for extensions to add
                quarkus.dev-ui.allow-extension-management=false
                """.formatted(port);
        return new QuarkusDevModeTest()
                .withApplicationRoot(jar -> jar.addAsResource(new StringAsset(properties), "application.properties"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
