package io.chamber.sse.deployment;

import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;

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

    /**
     * The path clients request: the route's {@link #relative(String) relative} path resolved under the HTTP root
     * path, as Quarkus resolves the path of an application route.
     */
    static String served(String path, HttpRootPathBuildItem httpRoot) {
        return httpRoot.resolvePath(relative(path));
    }
}
