package io.chamber.sse.runtime.http;

import static io.chamber.sse.runtime.http.StreamParameter.ACCEPT_ENCODING_HEADER;
import static io.chamber.sse.runtime.http.StreamParameter.ID_FAULT_EVERY;
import static io.chamber.sse.runtime.http.StreamParameter.LAST_EVENT_ID;
import static io.chamber.sse.runtime.http.StreamParameter.LAST_EVENT_ID_HEADER;
import static io.chamber.sse.runtime.http.StreamParameter.RETRY;
import static io.chamber.sse.runtime.http.StreamParameter.RETRY_IN;
import static io.chamber.sse.runtime.http.StreamParameter.SEED;

import java.util.EnumSet;
import java.util.function.Function;

import io.chamber.sse.runtime.ChamberSseConfig;
import io.chamber.sse.runtime.stream.EventIds;
import io.chamber.sse.runtime.stream.IdFault;
import io.chamber.sse.runtime.stream.Quirk;
import io.chamber.sse.runtime.stream.Split;
import io.chamber.sse.runtime.stream.StreamOptions;
import io.chamber.sse.runtime.stream.WireShape;

/**
 * Turns the raw request parameters into one validated {@link StreamOptions}, or refuses them with an
 * {@link InvalidParameterException} that names the parameter and the accepted form. Each value is read as the
 * {@link ParameterCatalog} says; this class puts them together and applies the catalog's rules between them.
 */
public final class StreamOptionsParser {

    private final ChamberSseConfig config;
    private final ParameterCatalog catalog;

    public StreamOptionsParser(ChamberSseConfig config) {
        this.config = config;
        this.catalog = new ParameterCatalog(config);
    }

    /** The options of a request without parameters, with a fresh random seed. */
    public StreamOptions defaults() {
        return parse(parameter -> null);
    }

    /**
     * The request's stream and how to deliver it.
     *
     * @param values the raw value of each parameter, {@code null} when the request has none
     */
    public StreamRequest parseRequest(Function<StreamParameter, String> values) {
        StreamOptions options = parse(values);
        ParameterCatalog.Gzip gzipAsked = catalog.gzip.read(values);
        ParameterCatalog.checkGzipRule(gzipAsked, options.shape().split());
        boolean gzip = gzipAsked == ParameterCatalog.Gzip.WHEN_ACCEPTED ? acceptsGzip(values.apply(ACCEPT_ENCODING_HEADER))
                : gzipAsked == ParameterCatalog.Gzip.ALWAYS;
        return new StreamRequest(options, catalog.echo.read(values), catalog.accelBufferingHeader.read(values), gzip);
    }

    /** @param values the raw value of each parameter, {@code null} when the request has none */
    public StreamOptions parse(Function<StreamParameter, String> values) {
        boolean seeded = values.apply(SEED) != null;
        long seed = catalog.seed.read(values);
        long firstSequence = 0;
        StreamParameter lastEventIdFrom = isPresent(values.apply(LAST_EVENT_ID_HEADER)) ? LAST_EVENT_ID_HEADER
                : LAST_EVENT_ID;
        String lastEventId = values.apply(lastEventIdFrom);
        if (isPresent(lastEventId)) {
            EventIds.Position last = ParameterValues.position(lastEventIdFrom, lastEventId);
            seed = last.seed();
            seeded = true;
            firstSequence = last.sequence() + 1;
        }
        return new StreamOptions(
                catalog.event.read(values),
                catalog.data.read(values),
                config.messageLengthMin(),
                config.messageLengthMax(),
                catalog.interval.read(values),
                catalog.count.read(values),
                catalog.duration.read(values),
                catalog.delay.read(values),
                catalog.retry.read(values),
                catalog.heartbeat.read(values),
                catalog.padding.read(values),
                seed,
                firstSequence,
                catalog.failAfter.read(values),
                catalog.dropAfter.read(values),
                catalog.status.read(values),
                seeded,
                shape(values),
                catalog.stamp.read(values),
                retryInFirst(values));
    }

    private boolean retryInFirst(Function<StreamParameter, String> values) {
        boolean first = catalog.retryInFirst.read(values);
        ParameterCatalog.checkRetryInRule(values.apply(RETRY_IN) != null, values.apply(RETRY) != null);
        return first;
    }

    private WireShape shape(Function<StreamParameter, String> values) {
        Split split = catalog.split.read(values);
        EnumSet<Quirk> quirks = catalog.quirk.read(values);
        ParameterCatalog.applySplitRules(split, quirks);
        ParameterCatalog.checkQuirkRules(quirks);
        IdFault idFault = catalog.idFault.read(values);
        ParameterCatalog.checkIdFaultEveryRule(values.apply(ID_FAULT_EVERY) != null, idFault);
        return new WireShape(quirks, split, idFault, catalog.idFaultEvery.read(values));
    }

    /**
     * True when {@code Accept-Encoding} allows gzip (RFC 9110, 12.5.3): {@code gzip}, {@code x-gzip} or {@code *}
     * with a q-value above 0, unless gzip itself is listed with q=0.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean gzip = null;
        boolean any = false;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
            boolean accepted = true;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    accepted = !parameter.substring(2).trim().matches("0(\\.0{0,3})?");
                }
            }
            if (name.equals("gzip") || name.equals("x-gzip")) {
                gzip = accepted;
            } else if (name.equals("*")) {
                any = accepted;
            }
        }
        return gzip != null ? gzip : any;
    }

    private static boolean isPresent(String text) {
        return text != null && !text.isBlank();
    }
}
