package io.chamber.sse.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * The demo page, its script, style sheet and icon, and the many-streams page, read from {@code demo-page/} on the
 * classpath once and served from memory. As static resources ({@code META-INF/resources}) they would be served through Vert.x's file cache, which a
 * JVM shutdown hook of Vert.x deletes as soon as SIGTERM arrives: for the whole graceful shutdown (the pre-shutdown
 * delay, then the streams' end) every page request would fail with 500 and an ERROR "cacheDir has been removed.
 * FileResolver is closing?".
 */
@Path("/")
public class DemoPage {

    private static final String HTML = "text/html; charset=UTF-8";
    private static final String JAVASCRIPT = "text/javascript; charset=UTF-8";
    private static final String CSS = "text/css; charset=UTF-8";

    private final byte[] index = read("index.html");
    private final byte[] many = read("many.html");
    private final byte[] script = read("app.js");
    private final byte[] style = read("style.css");
    private final byte[] icon = read("favicon.ico");

    @GET
    @Produces(HTML)
    public byte[] index() {
        return index;
    }

    @GET
    @Path("index.html")
    @Produces(HTML)
    public byte[] indexHtml() {
        return index;
    }

    /** N EventSources on one origin at once: which of them receive events (over HTTP/1.1 at most six). */
    @GET
    @Path("many.html")
    @Produces(HTML)
    public byte[] many() {
        return many;
    }

    @GET
    @Path("app.js")
    @Produces(JAVASCRIPT)
    public byte[] script() {
        return script;
    }

    @GET
    @Path("style.css")
    @Produces(CSS)
    public byte[] style() {
        return style;
    }

    @GET
    @Path("favicon.ico")
    @Produces("image/x-icon")
    public byte[] icon() {
        return icon;
    }

    private static byte[] read(String name) {
        try (InputStream in = DemoPage.class.getClassLoader().getResourceAsStream("demo-page/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo-page/" + name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
