package io.chamber.sse.deployment;

final class Paths {

    private Paths() {
    }

    /** The configured path without its leading slash: a path under the HTTP root path. */
    static String relative(String path) {
        String relative = path;
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        return relative;
    }
}
