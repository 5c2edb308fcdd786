package io.chamber.sse.runtime.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The form of the viewers (the Dev UI page, the demo page), written from the {@link ParameterCatalog}: the same
 * fields, in the same order, for both.
 */
public final class ParameterForm {

    /** The choice that leaves a parameter without a default out of the request. */
    public static final String OFF = "off";

    /**
     * One field of the form.
     *
     * @param name the parameter's name
     * @param placeholder what an empty text field shows: {@code "default: …"} or {@code "e.g. …"}; empty for a select
     * @param help the parameter's description, for a tooltip
     * @param choices a select's choices, the first one leaving the parameter out; with {@code multiple}, the values
     *        a comma-separated list takes; empty for a text field
     * @param multiple the value is a comma-separated list of {@code choices} (a text field, or one box per choice)
     */
    public record Field(String name, String placeholder, String help, List<String> choices, boolean multiple) {
    }

    private ParameterForm() {
    }

    /** The fields of the query parameters a form offers, in the catalog's order. */
    public static List<Field> of(ParameterCatalog catalog) {
        return catalog.entries().stream().filter(ParameterCatalog.Entry::inForms).map(ParameterForm::field).toList();
    }

    private static Field field(ParameterCatalog.Entry<?> entry) {
        List<String> choices = new ArrayList<>();
        switch (entry.type()) {
            case FLAG -> choices.addAll(List.of(OFF, "1"));
            case CHOICE -> {
                if (entry.defaultValue() == null) {
                    choices.add(OFF);
                } else {
                    choices.add(entry.defaultValue());
                }
                entry.values().stream().filter(value -> !value.equals(entry.defaultValue())).forEach(choices::add);
            }
            case CHOICES -> {
                return new Field(entry.name(), "e.g. " + entry.example(), entry.description(), entry.values(), true);
            }
            default -> {
                String placeholder = entry.defaultValue() != null ? "default: " + entry.defaultValue()
                        : "e.g. " + entry.example();
                return new Field(entry.name(), placeholder, entry.description(), List.of(), false);
            }
        }
        return new Field(entry.name(), "", entry.description(), List.copyOf(choices), false);
    }
}
