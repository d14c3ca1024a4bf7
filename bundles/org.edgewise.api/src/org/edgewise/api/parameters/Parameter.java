package org.edgewise.api.parameters;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of a stage's parameter record for people and for the generic parameter editor:
 * <pre>{@code
 * public record BinModel(
 *         @Parameter(label = "Factor", defaultValue = "2", min = 1, max = 8,
 *                    description = "Edge length of the averaged block, voxels") int factor) { }
 * }</pre>
 * Bounds are inclusive and apply to numeric components; {@link Parameters#validate(Record)} enforces them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Parameter {

    /** @return a short label for forms, e.g. {@code "Cut-off"} */
    String label();

    /** @return the unit of the value, e.g. {@code "µm"}, {@code "1/µm"}, {@code "keV"}, {@code "deg"}; empty if none */
    String unit() default "";

    /**
     * @return the default as text ({@code "0.5"}, {@code "true"}, an enum constant's name); empty means zero,
     *         false, the empty string or the first enum constant
     */
    String defaultValue() default "";

    /** @return the smallest allowed value (inclusive) of a numeric parameter */
    double min() default Double.NEGATIVE_INFINITY;

    /** @return the largest allowed value (inclusive) of a numeric parameter */
    double max() default Double.POSITIVE_INFINITY;

    /** @return one or two sentences: what the value does, in which unit */
    String description() default "";
}
