package io.chamber.sse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.chamber.sse.testsupport.ExternalTools;

/**
 * Every documented way to start the demo runs the JVM options of one file, {@code src/main/jvm/jvm.options}, as the
 * build wrote it next to the jar: the README's and the docs' start commands, the container image (from the source,
 * with the archive of its own JDK), the Kubernetes Deployment and the benchmark's headline.
 */
class JvmOptionsAgreeIT {

    static final Path APP = Path.of("target/quarkus-app");
    static final String START = "cd demo/target/quarkus-app && java @jvm.options -jar quarkus-run.jar";
    static final Pattern ARCHIVE = Pattern.compile("-XX:(SharedArchiveFile|AOTCache)=.*");

    static List<String> options;
    static List<String> measured;

    @BeforeAll
    static void read() throws IOException {
        options = argfile(APP.resolve("jvm.options"));
        measured = options.stream().filter(option -> !ARCHIVE.matcher(option).matches()).toList();
    }

    /** The words of a launcher argument file: whitespace-separated, lines from a # on are comments. */
    static List<String> argfile(Path file) throws IOException {
        List<String> words = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String content = line.strip();
            if (!content.isEmpty() && !content.startsWith("#")) {
                words.addAll(Arrays.asList(content.split("\\s+")));
            }
        }
        return words;
    }

    @Test
    void theArgfileHoldsTheMeasuredOptionsAndTheArchiveOfTheBuildJdk() {
        String archive = Runtime.version().feature() >= 25 ? "-XX:AOTCache=app.aot" : "-XX:SharedArchiveFile=app-cds.jsa";
        assertThat(measured).isNotEmpty().noneMatch(option -> option.contains("${"));
        assertThat(options).containsExactlyElementsOf(Stream.concat(measured.stream(), Stream.of(archive)).toList());
        assertThat(APP.resolve(archive.substring(archive.indexOf('=') + 1))).isRegularFile();
    }

    @Test
    void theContainerImageStartsAsDocumentedWithTheSourcesOptions() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        // the source, not the build's copy: its archive line is written for the image's own JDK (ContainerImageIT)
        assertThat(dockerfile).containsPattern("(?m)^COPY src/main/jvm/jvm\\.options \\./$");
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$").matcher(dockerfile);
        assertThat(entrypoint.find()).as("Dockerfile.jvm's ENTRYPOINT").isTrue();
        assertThat(entrypoint.group(1).replaceAll("[\",]", " ").strip().replaceAll(" +", " "))
                .isEqualTo(START.substring(START.indexOf("java @")));
        assertThat(argfile(Path.of("src/main/jvm/jvm.options"))).containsAll(measured);
    }

    @Test
    void theKubernetesDeploymentLeavesTheImagesOptionsAlone() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> containers = new ArrayList<>();
        try (var documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(
                Path.of("target/kubernetes/kubernetes.yml").toFile())) {
            documents.readAll().stream().filter(node -> node.path("kind").asText().equals("Deployment"))
                    .forEach(deployment -> deployment.at("/spec/template/spec/containers").forEach(containers::add));
        }
        assertThat(containers).isNotEmpty().allSatisfy(container -> {
            assertThat(container.path("image").asText()).startsWith("chamber-sse-demo-jvm");
            assertThat(container.path("env").findValuesAsText("name")).doesNotContain("JAVA_OPTS_APPEND",
                    "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");
            assertThat(container.path("args").isMissingNode() && container.path("command").isMissingNode()).isTrue();
        });
    }

    @Test
    void theReadmeAndTheGuidesStartItWithTheArgfile() throws IOException {
        for (String page : List.of("README.md", "docs/running.md", "docs/getting-started.md")) {
            assertThat(Files.readString(ExternalTools.ROOT.resolve(page))).as(page).contains(START);
        }
    }

    @Test
    void noPageStartsTheJarWithoutTheArgfile() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ExternalTools.ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ExternalTools.ROOT.resolve("docs"))) {
            // performance.md records the measured variants, each with its own options
            docs.filter(page -> page.toString().endsWith(".md") && !page.endsWith("performance.md")).forEach(pages::add);
        }
        Pattern start = Pattern.compile("\\bjava\\b.*-jar\\b.*quarkus-run\\.jar");
        for (Path page : pages) {
            assertThat(Files.readAllLines(page)).as(page.toString())
                    .filteredOn(line -> start.matcher(line).find())
                    .allSatisfy(line -> assertThat(line).contains("java @jvm.options "));
        }
    }

    @Test
    void theBenchmarksHeadlineIsTheDocumentedStart() throws IOException {
        String bench = Files.readString(ExternalTools.ROOT.resolve("bench/run"));
        assertThat(bench).contains("HEADLINE_JVM_OPTS=\"@jvm.options\"");
        assertThat(measured).allSatisfy(option -> assertThat(bench).as("a copy of %s in bench/run", option)
                .doesNotContain(option));
    }
}
