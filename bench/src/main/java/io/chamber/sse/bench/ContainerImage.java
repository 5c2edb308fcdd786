package io.chamber.sse.bench;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The container image {@code bench/run} measured: its size ({@code podman image inspect}) and the layers that hold
 * files ({@code podman history}, newest first), as written to {@code container-image.json}.
 */
public record ContainerImage(String name, long sizeBytes, List<Layer> layers) {

    /** One layer: the instruction that made it, without the shell prefix and with digests shortened, and its size. */
    public record Layer(String createdBy, long sizeBytes) {
    }

    static ContainerImage of(JsonNode json) {
        List<Layer> layers = new ArrayList<>();
        for (JsonNode layer : json.path("layers")) {
            long size = layer.path("size").asLong();
            if (size > 0) {
                layers.add(new Layer(instruction(layer.path("CreatedBy").asText()), size));
            }
        }
        return new ContainerImage(json.path("image").asText(), json.path("sizeBytes").asLong(), List.copyOf(layers));
    }

    /** {@code /bin/sh -c #(nop) COPY dir:<64 hex digits> in lib/} to {@code COPY dir:<12 hex digits> in lib/}. */
    static String instruction(String createdBy) {
        return createdBy.replaceFirst("^/bin/sh -c (#\\(nop\\) )?", "")
                .replaceAll("([0-9a-f]{12})[0-9a-f]{52}", "$1")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
