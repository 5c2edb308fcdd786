package io.chamber.sse.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The results of one {@code bench/run}: a {@link LoadResult} per scenario and server, and the JVM start times. */
public final class ResultSet {

    public static final String OURS = "chamber";
    public static final String PEER = "nginx-lua";
    static final String JVM_START_FILE = "jvm-start-chamber.json";

    private final Map<String, Map<String, LoadResult>> byScenario = new HashMap<>();
    private final List<Long> startToFirstEventMs = new ArrayList<>();

    public static ResultSet read(Path directory) throws IOException {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        ResultSet results = new ResultSet();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                if (file.getFileName().toString().equals(JVM_START_FILE)) {
                    JsonNode start = json.readTree(file.toFile());
                    start.path("startToFirstEventMs").forEach(ms -> results.startToFirstEventMs.add(ms.asLong()));
                } else {
                    LoadResult result = json.readValue(file.toFile(), LoadResult.class);
                    results.byScenario.computeIfAbsent(result.scenario(), s -> new HashMap<>()).put(result.server(), result);
                }
            }
        }
        return results;
    }

    public Optional<LoadResult> get(String scenario, String server) {
        return Optional.ofNullable(byScenario.getOrDefault(scenario, Map.of()).get(server));
    }

    public List<Long> startToFirstEventMs() {
        return List.copyOf(startToFirstEventMs);
    }

    public List<LoadResult> all() {
        List<LoadResult> all = new ArrayList<>();
        byScenario.values().forEach(servers -> all.addAll(servers.values()));
        return all;
    }
}
