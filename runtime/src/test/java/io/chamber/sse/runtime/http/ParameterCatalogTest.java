package io.chamber.sse.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chamber.sse.runtime.stream.Quirk;
import io.chamber.sse.runtime.stream.StreamOptions;
import io.chamber.sse.runtime.stream.WireShape;

class ParameterCatalogTest {

    private final ParameterCatalog catalog = new ParameterCatalog(TestConfig.defaults());

    @Test
    void everyParameterHasOneEntryWithHelp() {
        assertEquals(Arrays.asList(StreamParameter.values()),
                catalog.entries().stream().map(ParameterCatalog.Entry::parameter).toList());
        catalog.entries().forEach(entry -> assertTrue(entry.help().length() > 20, entry.name()));
    }

    @Test
    void theDefaultsAndLimitsComeFromTheConfiguration() {
        ParameterCatalog configured = new ParameterCatalog(TestConfig.with(Map.of(
                "quarkus.chamber.sse.max-event-length", "12",
                "quarkus.chamber.sse.event-name", "tick",
                "quarkus.chamber.sse.interval-min", "250ms",
                "quarkus.chamber.sse.interval-max", "2s",
                "quarkus.chamber.sse.max-padding", "1000")));

        assertEquals("1 to 12 characters without CR or LF", configured.entry(StreamParameter.EVENT).accepts());
        assertEquals("tick", configured.entry(StreamParameter.EVENT).defaultValue());
        assertEquals("250ms..2s", configured.entry(StreamParameter.INTERVAL).defaultValue());
        assertEquals("0 to 1000", configured.entry(StreamParameter.PADDING).accepts());
        InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                () -> configured.padding.read(parameter -> parameter == StreamParameter.PADDING ? "1001" : null));
        assertEquals("padding", refused.parameter());
    }

    @Test
    void theChoicesAreTheEnumsWireNames() {
        assertEquals(Arrays.stream(Quirk.values()).map(Quirk::wireName).toList(),
                catalog.entry(StreamParameter.QUIRK).values());
        assertEquals(ParameterCatalog.ValueType.CHOICES, catalog.entry(StreamParameter.QUIRK).type());
    }

    @Test
    void theRetryHelpSaysWhereRetryGoes() {
        String description = catalog.entry(StreamParameter.RETRY_IN).description();
        assertTrue(description.contains("the last line of the first event's block"), description);
        assertTrue(description.contains("Needs retry."), description);
        assertFalse(catalog.entry(StreamParameter.RETRY).description().contains("sent first"));
    }

    @Test
    void theBuildersDefaultsAreARequestWithoutParameters() {
        StreamOptions request = new StreamOptionsParser(TestConfig.defaults()).defaults();
        StreamOptions built = StreamOptions.builder().seed(request.seed()).build();
        // A request's shape bends nothing either; it carries id_fault_every's default, which nothing reads.
        assertTrue(request.shape().isPlainFormat() && request.shape().split() == null
                && request.shape().idFault() == null);
        assertEquals(new StreamOptions(request.eventName(), request.data(), request.messageMinLength(),
                request.messageMaxLength(), request.interval(), request.count(), request.duration(), request.delay(),
                request.retryMillis(), request.heartbeat(), request.padding(), request.seed(), request.firstSequence(),
                request.failAfter(), request.dropAfter(), request.status(), true, WireShape.PLAIN, request.stamp(),
                request.retryInFirst()), built);
        assertFalse(StreamOptions.builder().build().seeded());
        assertEquals(Duration.ofMillis(250), StreamOptions.builder().interval(Duration.ofMillis(250)).build()
                .interval().max());
    }

    @Test
    void theFormOffersEveryQueryParameterButLastEventIdWithADefaultOrAnExample() {
        List<ParameterForm.Field> form = ParameterForm.of(catalog);
        assertEquals(catalog.entries().stream().filter(entry -> !entry.parameter().isHeader()
                && entry.parameter() != StreamParameter.LAST_EVENT_ID).map(ParameterCatalog.Entry::name).toList(),
                form.stream().map(ParameterForm.Field::name).toList());
        form.stream().filter(field -> field.choices().isEmpty() || field.multiple())
                .forEach(field -> assertTrue(field.placeholder().matches("(default: |e\\.g\\. )\\S.*"), field.toString()));
        assertEquals(List.of(ParameterForm.OFF, "byte", "line", "mid-crlf", "mid-utf8", "random"),
                field(form, "split").choices());
        assertEquals(List.of("block", "first"), field(form, "retry_in").choices());
        assertEquals(List.of(ParameterForm.OFF, "1"), field(form, "stamp").choices());
        assertEquals(catalog.entry(StreamParameter.QUIRK).values(), field(form, "quirk").choices());
        assertTrue(field(form, "quirk").multiple());
        assertEquals(7, form.stream().filter(field -> !field.choices().isEmpty() && !field.multiple()).count());
    }

    private static ParameterForm.Field field(List<ParameterForm.Field> form, String name) {
        return form.stream().filter(field -> field.name().equals(name)).findFirst().orElseThrow();
    }
}
