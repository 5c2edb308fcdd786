package io.chamber.sse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The nginx configuration the docs recommend is, word for word, the one the rolling restart test runs. */
class RecommendedNginxConfigTest {

    @Test
    void theDocsQuoteTheTestedConfiguration() throws Exception {
        String tested = Files.readString(Path.of("src/test/resources/nginx/sse-fleet.conf"));
        String docs = Files.readString(Path.of("../docs/running-a-fleet.md"));
        assertThat(docs).contains("```nginx\n" + tested + "```\n");
    }
}
