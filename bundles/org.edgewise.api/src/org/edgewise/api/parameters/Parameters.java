package org.edgewise.api.parameters;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the {@link Parameter} annotations of a stage's model record: describes it, creates its defaults, validates
 * values against the bounds and converts it to and from JSON.
 * <pre>{@code
 * BinModel model = Parameters.fromJson("{\"factor\": 4}", BinModel.class); // validated; missing values = defaults
 * String json = Parameters.toJson(model);                                 // {"factor":4}
 * Parameters.validate(new BinModel(0));  // InvalidParameterException: parameter 'factor' (Factor) = 0 is outside [1, 8]
 * }</pre>
 * Supported component types: {@code int, long, float, double, boolean}, their boxes, {@code String} and enums.
 */
public final class Parameters {

    /** Configured once, never changed afterwards; Jackson's mapper is thread-safe in that case. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private Parameters() {
    }

    /**
     * @param modelClass a parameter record class
     * @return one description per record component, in declaration order
     */
    public static List<ParameterDescription> describe(Class<? extends Record> modelClass) {
        List<ParameterDescription> descriptions = new ArrayList<>();
        for (RecordComponent component : modelClass.getRecordComponents()) {
            Parameter annotation = component.getAnnotation(Parameter.class);
            Class<?> type = component.getType();
            List<String> choices = type.isEnum()
                    ? Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList()
                    : List.of();
            if (annotation == null) {
                descriptions.add(new ParameterDescription(component.getName(), component.getName(), "", type, "",
                        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "", choices));
            } else {
                descriptions.add(new ParameterDescription(component.getName(), annotation.label(),
                        annotation.unit(), type, annotation.defaultValue(), annotation.min(), annotation.max(),
                        annotation.description(), choices));
            }
        }
        return descriptions;
    }

    /**
     * @param <M>        the record type
     * @param modelClass a parameter record class
     * @return the record with every component at its {@link Parameter#defaultValue()}, validated
     * @throws IllegalArgumentException if a default cannot be parsed or lies outside its own bounds (a bug in the
     *                                  model)
     */
    public static <M extends Record> M defaults(Class<M> modelClass) {
        RecordComponent[] components = modelClass.getRecordComponents();
        Object[] values = new Object[components.length];
        List<ParameterDescription> descriptions = describe(modelClass);
        for (int i = 0; i < components.length; i++) {
            values[i] = parseDefault(descriptions.get(i), modelClass);
        }
        return validate(construct(modelClass, components, values));
    }

    /**
     * Checks every numeric component against its bounds and rejects NaN and infinite values.
     *
     * @param <M>   the record type
     * @param model the values
     * @return {@code model}
     * @throws InvalidParameterException naming the first offending parameter, its value and its bounds
     */
    public static <M extends Record> M validate(M model) {
        RecordComponent[] components = model.getClass().getRecordComponents();
        List<ParameterDescription> descriptions = describe(model.getClass());
        for (int i = 0; i < components.length; i++) {
            ParameterDescription description = descriptions.get(i);
            Object value = read(components[i], model);
            if (value == null && !components[i].getType().isPrimitive()) {
                throw new InvalidParameterException(description.name(), "parameter '" + description.name() + "' ("
                        + description.label() + ") of " + model.getClass().getSimpleName() + " has no value");
            }
            if (description.isNumeric()) {
                double number = ((Number) value).doubleValue();
                if (!Double.isFinite(number) || number < description.min() || number > description.max()) {
                    throw new InvalidParameterException(description.name(), "parameter '" + description.name()
                            + "' (" + description.label() + ") = " + formatNumber(number)
                            + (description.unit().isEmpty() ? "" : " " + description.unit())
                            + (Double.isFinite(number) ? " is outside " + description.boundsText()
                                    : " is not a finite number; accepted: " + (description.boundsText().isBlank()
                                            ? "any finite number" : description.boundsText())));
                }
            }
        }
        return model;
    }

    /**
     * @param model a parameter record
     * @return its JSON object, e.g. {@code {"factor":2}}
     */
    public static String toJson(Record model) {
        try {
            return JSON.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + model + " as JSON", e);
        }
    }

    /**
     * @param model a parameter record
     * @return component name → value (numbers, booleans, strings, enum names), for embedding in other JSON
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Record model) {
        return JSON.convertValue(model, LinkedHashMap.class);
    }

    /**
     * @param <M>        the record type
     * @param json       a JSON object; missing components take their defaults
     * @param modelClass the record class
     * @return the validated record
     * @throws InvalidParameterException for malformed JSON, unknown names, wrong types or values out of bounds
     */
    public static <M extends Record> M fromJson(String json, Class<M> modelClass) {
        JsonNode node;
        try {
            node = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException("", "parameters of " + modelClass.getSimpleName()
                    + " are not valid JSON: " + e.getOriginalMessage());
        }
        return fromTree(node, modelClass);
    }

    /**
     * @param <M>        the record type
     * @param values     component name → value (as parsed from a pipeline file); missing ones take their defaults
     * @param modelClass the record class
     * @return the validated record
     * @throws InvalidParameterException for unknown names, wrong types or values out of bounds
     */
    public static <M extends Record> M fromMap(Map<String, ?> values, Class<M> modelClass) {
        return fromTree(JSON.valueToTree(values == null ? Map.of() : values), modelClass);
    }

    private static <M extends Record> M fromTree(JsonNode given, Class<M> modelClass) {
        if (!given.isObject()) {
            throw new InvalidParameterException("", "parameters of " + modelClass.getSimpleName()
                    + " must be a JSON object, not " + given.getNodeType().name().toLowerCase());
        }
        List<String> known = Arrays.stream(modelClass.getRecordComponents()).map(RecordComponent::getName).toList();
        for (Iterator<String> names = given.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidParameterException(name, "unknown parameter '" + name + "' for "
                        + modelClass.getSimpleName() + "; known parameters: " + known);
            }
        }
        ObjectNode merged = JSON.valueToTree(defaults(modelClass));
        merged.setAll((ObjectNode) given);
        try {
            return validate(JSON.treeToValue(merged, modelClass));
        } catch (JsonMappingException e) {
            String name = e.getPath().isEmpty() ? "" : e.getPath().get(0).getFieldName();
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException && !(cause instanceof InvalidParameterException)) {
                // the record's own compact-constructor check
                throw new InvalidParameterException(name, cause.getMessage());
            }
            if (cause instanceof InvalidParameterException invalid) {
                throw invalid;
            }
            throw new InvalidParameterException(name, "parameter '" + name + "' of " + modelClass.getSimpleName()
                    + " = " + given.get(name) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException("", "parameters of " + modelClass.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    /** @param value a number @return it without a trailing {@code .0} when integral, e.g. {@code 8} or {@code 0.5} */
    public static String formatNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static Object parseDefault(ParameterDescription description, Class<?> modelClass) {
        Class<?> type = description.type();
        String text = description.defaultValue().trim();
        try {
            if (type == int.class || type == Integer.class) {
                return text.isEmpty() ? 0 : Integer.parseInt(text);
            } else if (type == long.class || type == Long.class) {
                return text.isEmpty() ? 0L : Long.parseLong(text);
            } else if (type == double.class || type == Double.class) {
                return text.isEmpty() ? 0.0 : Double.parseDouble(text);
            } else if (type == float.class || type == Float.class) {
                return text.isEmpty() ? 0.0f : Float.parseFloat(text);
            } else if (type == boolean.class || type == Boolean.class) {
                return Boolean.parseBoolean(text);
            } else if (type == String.class) {
                return description.defaultValue();
            } else if (type.isEnum()) {
                Object[] constants = type.getEnumConstants();
                if (text.isEmpty()) {
                    return constants[0];
                }
                for (Object constant : constants) {
                    if (((Enum<?>) constant).name().equals(text)) {
                        return constant;
                    }
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("default '" + text + "' of parameter '" + description.name() + "' in "
                + modelClass.getName() + " cannot be read as " + type.getSimpleName());
    }

    private static <M extends Record> M construct(Class<M> modelClass, RecordComponent[] components,
            Object[] values) {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<M> constructor = modelClass.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("defaults of " + modelClass.getSimpleName() + " rejected: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + modelClass.getName(), e);
        }
    }

    private static Object read(RecordComponent component, Record model) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(model);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + model, e);
        }
    }
}
