package org.edgewise.api.parameters;

import java.util.List;

/**
 * One parameter of a model record, as a form or a listing needs it.
 *
 * @param name         the record component name, also the JSON property, e.g. {@code "factor"}
 * @param label        the human label, e.g. {@code "Factor"}
 * @param unit         unit of the value, empty if none
 * @param type         the Java type of the component ({@code int.class}, {@code double.class}, an enum ...)
 * @param defaultValue the default as text
 * @param min          inclusive lower bound (−∞ if none)
 * @param max          inclusive upper bound (+∞ if none)
 * @param description  what the value does
 * @param choices      the allowed values of an enum parameter, else empty
 */
public record ParameterDescription(String name, String label, String unit, Class<?> type, String defaultValue,
        double min, double max, String description, List<String> choices) {

    public ParameterDescription {
        choices = List.copyOf(choices);
    }

    /** @return true for int, long, float and double parameters, which have bounds */
    public boolean isNumeric() {
        return type == int.class || type == long.class || type == double.class || type == float.class
                || type == Integer.class || type == Long.class || type == Double.class || type == Float.class;
    }

    /** @return the bounds for people, e.g. {@code "[1, 8]"}, {@code "[0, ∞)"} or empty when unbounded */
    public String boundsText() {
        if (!isNumeric() || (min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY)) {
            return "";
        }
        return (min == Double.NEGATIVE_INFINITY ? "(-∞" : "[" + Parameters.formatNumber(min)) + ", "
                + (max == Double.POSITIVE_INFINITY ? "∞)" : Parameters.formatNumber(max) + "]");
    }
}
