package io.chamber.sse.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Programs from outside the build that the fleet tests drive (nginx, Node.js and the repository's npm packages):
 * a missing one fails the test on CI ({@code CI=true}) and skips it elsewhere.
 */
final class ExternalTools {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    /** The repository's root, where {@code .ci/setup} runs {@code npm ci}. */
    static final Path NPM_PACKAGES = Path.of("..").toAbsolutePath().normalize();
    private static final String HOW_TO_INSTALL = "run .ci/setup (installs nginx and chromium with apt-get and the "
            + "tests' npm packages) and install Node.js 20 or later from your package manager";

    private ExternalTools() {
    }

    static Path nginx() {
        return require("nginx", Optional.of(NGINX).filter(Files::isExecutable));
    }

    static Path node() {
        Path node = require("node", onPath("node"));
        require("the npm package eventsource", Optional.of(NPM_PACKAGES.resolve("node_modules/eventsource"))
                .filter(Files::isDirectory));
        return node;
    }

    private static Path require(String name, Optional<Path> tool) {
        if (tool.isEmpty()) {
            String message = name + " is missing, so this test cannot run; " + HOW_TO_INSTALL;
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.assumeTrue(false, message);
        }
        return tool.get();
    }

    private static Optional<Path> onPath(String executable) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
