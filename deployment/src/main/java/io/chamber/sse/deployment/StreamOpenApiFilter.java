package io.chamber.sse.deployment;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.chamber.sse.runtime.http.ParameterCatalog;

/**
 * Adds the stream endpoint to the OpenAPI document: it is a Vert.x route, which the annotation scanner cannot see.
 * Every parameter is described as the {@link ParameterCatalog} says.
 */
final class StreamOpenApiFilter implements OASFilter {

    private final String path;
    private final ParameterCatalog catalog;

    /**
     * @param path the stream's path
     * @param catalog the parameters, with the configured defaults and limits
     */
    StreamOpenApiFilter(String path, ParameterCatalog catalog) {
        this.path = path;
        this.catalog = catalog;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        openAPI.getPaths().addPathItem(path + "/expected", OASFactory.createPathItem().GET(OASFactory.createOperation()
                .operationId("chamberSseExpected")
                .summary("What a conforming EventSource must dispatch from a stream")
                .description("For the same parameters as the stream (which need a seed and a count): the events a "
                        + "client following the WHATWG parsing rules must dispatch (type, data, lastEventId), the "
                        + "reconnection time it ends with and whether it must reconnect, as JSON; with drop_after or "
                        + "fail_after, also the connections: each reconnect's manifest, up to the final 204.")
                .parameters(catalog.entries().stream().map(this::parameter).toList())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", response("The manifest", "application/json"))
                        .addAPIResponse("400", response("No seed or count, a parameter that cannot be used, or one that "
                                + "makes the stream depend on the clock or the request", "application/problem+json")))));
        openAPI.getPaths().addPathItem(path, OASFactory.createPathItem().GET(OASFactory.createOperation()
                .operationId("chamberSseStream")
                .summary("A live Server-Sent Events test stream")
                .description("Random events (`id`, `event`, `data` with a JSON message and elapsed seconds) at "
                        + "random intervals, forever, shaped by the parameters.")
                .parameters(catalog.entries().stream().map(this::parameter).toList())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", response("The event stream", "text/event-stream"))
                        .addAPIResponse("204", OASFactory.createAPIResponse()
                                .description("A resumed stream that has already sent all of its count"))
                        .addAPIResponse("400", response("A parameter that cannot be used, named in an RFC 9457 problem",
                                "application/problem+json"))
                        .addAPIResponse("503", response("Too many open streams; see Retry-After",
                                "application/problem+json")))));
    }

    private Parameter parameter(ParameterCatalog.Entry<?> entry) {
        Schema schema = OASFactory.createSchema().addType(entry.type() == ParameterCatalog.ValueType.INTEGER
                ? Schema.SchemaType.INTEGER
                : Schema.SchemaType.STRING);
        if (entry.type() == ParameterCatalog.ValueType.CHOICE) {
            schema.enumeration(List.copyOf(entry.values()));
        }
        if (entry.defaultValue() != null) {
            schema.defaultValue(entry.type() == ParameterCatalog.ValueType.INTEGER ? Long.valueOf(entry.defaultValue())
                    : entry.defaultValue());
        }
        return OASFactory.createParameter().name(entry.name())
                .in(entry.parameter().isHeader() ? Parameter.In.HEADER : Parameter.In.QUERY)
                .description(entry.description()).required(false)
                .schema(schema);
    }

    private static APIResponse response(String description, String mediaType) {
        Content content = OASFactory.createContent().addMediaType(mediaType,
                OASFactory.createMediaType().schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
