package io.chamber.sse.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The results of one {@code bench/run}: a {@link LoadResult} per scenario and server, the JVM start times, the
 * WARN/ERROR lines of our servers' logs, the container image's start times and size (when it ran), and the variants
 * of our server (each a result set of its own).
 */
public final class ResultSet {

    public static final String OURS = "chamber";
    public static final String PEER = "nginx-lua";
    /** Our server from its container image. */
    public static final String CONTAINER = "chamber-container";
    static final String JVM_START_FILE = "jvm-start-chamber.json";
    static final String CONTAINER_START_FILE = "jvm-start-chamber-container.json";
    static final String CONTAINER_IMAGE_FILE = "container-image.json";
    static final String VARIANT_FILE = "variant.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A variant of our server: how it differs, and what it measured. */
    public record Variant(String name, String jvmOptions, String about, ResultSet results) {
    }

    private final Map<String, Map<String, LoadResult>> byScenario = new HashMap<>();
    private final List<Long> startToFirstEventMs = new ArrayList<>();
    private final List<Long> containerStartToFirstEventMs = new ArrayList<>();
    private String containerCommand;
    private ContainerImage containerImage;
    private final List<Variant> variants = new ArrayList<>();
    private Integer logWarnings;
    private Integer serverStarts;

    public static ResultSet read(Path directory) throws IOException {
        ResultSet results = new ResultSet();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.equals(JVM_START_FILE)) {
                    JsonNode start = JSON.readTree(file.toFile());
                    start.path("startToFirstEventMs").forEach(ms -> results.startToFirstEventMs.add(ms.asLong()));
                    results.logWarnings = start.hasNonNull("logWarnings") ? start.get("logWarnings").asInt() : null;
                    results.serverStarts = start.hasNonNull("serverStarts") ? start.get("serverStarts").asInt() : null;
                } else if (name.equals(CONTAINER_START_FILE)) {
                    JsonNode start = JSON.readTree(file.toFile());
                    start.path("startToFirstEventMs").forEach(ms -> results.containerStartToFirstEventMs.add(ms.asLong()));
                    results.containerCommand = start.path("command").asText();
                } else if (name.equals(CONTAINER_IMAGE_FILE)) {
                    results.containerImage = ContainerImage.of(JSON.readTree(file.toFile()));
                } else if (!name.equals(VARIANT_FILE)) {
                    LoadResult result = JSON.readValue(file.toFile(), LoadResult.class);
                    results.byScenario.computeIfAbsent(result.scenario(), s -> new HashMap<>()).put(result.server(), result);
                }
            }
        }
        Path variantsDirectory = directory.resolve("variants");
        if (Files.isDirectory(variantsDirectory)) {
            try (DirectoryStream<Path> variantDirectories = Files.newDirectoryStream(variantsDirectory)) {
                for (Path variant : variantDirectories) {
                    JsonNode about = JSON.readTree(variant.resolve(VARIANT_FILE).toFile());
                    results.variants.add(new Variant(about.path("name").asText(), about.path("jvmOptions").asText(),
                            about.path("about").asText(), read(variant)));
                }
            }
            results.variants.sort(Comparator.comparing(Variant::name));
        }
        return results;
    }

    public Optional<LoadResult> get(String scenario, String server) {
        return Optional.ofNullable(byScenario.getOrDefault(scenario, Map.of()).get(server));
    }

    public List<Long> startToFirstEventMs() {
        return List.copyOf(startToFirstEventMs);
    }

    /** The container image's starts, from {@code podman run} to its first event; empty when it did not run. */
    public List<Long> containerStartToFirstEventMs() {
        return List.copyOf(containerStartToFirstEventMs);
    }

    /** The {@code podman run} command line the container was started with, or empty when it did not run. */
    public Optional<String> containerCommand() {
        return Optional.ofNullable(containerCommand);
    }

    public Optional<ContainerImage> containerImage() {
        return Optional.ofNullable(containerImage);
    }

    public List<Variant> variants() {
        return List.copyOf(variants);
    }

    /** WARN and ERROR lines in the logs of all our server starts, or empty when not counted. */
    public Optional<Integer> logWarnings() {
        return Optional.ofNullable(logWarnings);
    }

    public Optional<Integer> serverStarts() {
        return Optional.ofNullable(serverStarts);
    }

    /** The results of this set, without its variants'. */
    public List<LoadResult> all() {
        List<LoadResult> all = new ArrayList<>();
        byScenario.values().forEach(servers -> all.addAll(servers.values()));
        return all;
    }
}
