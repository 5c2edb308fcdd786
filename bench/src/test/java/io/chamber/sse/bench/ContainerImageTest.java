package io.chamber.sse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ContainerImageTest {

    @Test
    void keepsTheLayersThatHoldFilesWithTheirInstructionsShortened() throws Exception {
        String json = """
                { "image" : "chamber-sse-demo-jvm:latest", "sizeBytes" : 381257686, "layers" : [
                  {"id":"29e15d545327","CreatedBy":"/bin/sh -c #(nop) USER 185","size":0},
                  {"id":"<missing>","CreatedBy":"/bin/sh -c echo '-XX:MaxRAMPercentage=50' >> jvm.options     && java -cp /tmp/training TrainClassArchive /deployments","size":26205184},
                  {"id":"a8281e76ae91","CreatedBy":"/bin/sh -c #(nop) COPY dir:ca8c576c850588dae76958088171d30ae778b3accc9e1af30afd379bf2072801 in lib/ ","size":19104768}
                ] }
                """;
        ContainerImage image = ContainerImage.of(new ObjectMapper().readTree(json));
        assertEquals("chamber-sse-demo-jvm:latest", image.name());
        assertEquals(381257686, image.sizeBytes());
        assertEquals(List.of(
                new ContainerImage.Layer("echo '-XX:MaxRAMPercentage=50' >> jvm.options && java -cp /tmp/training "
                        + "TrainClassArchive /deployments", 26205184),
                new ContainerImage.Layer("COPY dir:ca8c576c8505 in lib/", 19104768)), image.layers());
    }
}
