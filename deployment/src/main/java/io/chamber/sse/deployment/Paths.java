package io.chamber.sse.deployment;

final class Paths {

    private Paths() {
    }

    /** The endpoint's path under the REST root, with exactly one slash between them. */
    static String join(String restRoot, String path) {
        String left = restRoot.endsWith("/") ? restRoot.substring(0, restRoot.length() - 1) : restRoot;
        String right = path.startsWith("/") ? path.substring(1) : path;
        return left + "/" + right;
    }
}
