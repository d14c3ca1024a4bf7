package org.edgewise.api.stages;

import java.util.List;
import java.util.Locale;

/**
 * What a dataset that crosses a stage boundary means, with its fixed axis order and rank.
 * <p>
 * The first axis of every kind is its <em>stack axis</em>: the axis along which the runner may cut a dataset into
 * slabs for stages that work slab by slab (angle for projections, detector row for sinograms, z for volumes,
 * row for tables). Lengths are in µm and angles in degrees, as carried by
 * {@link org.edgewise.api.metadata.PhysicalMetadata}.
 */
public enum DataKind {
    /** Projection stack {@code [angle, row, column]}; counts, transmission or line integrals. */
    PROJECTIONS(List.of("angle", "row", "column"), false),
    /** Sinogram stack {@code [row, angle, column]}: one sinogram per detector row. */
    SINOGRAMS(List.of("row", "angle", "column"), false),
    /** Reconstructed volume {@code [z, y, x]}, usually linear attenuation in 1/µm. */
    VOLUME(List.of("z", "y", "x"), false),
    /** Label image {@code [z, y, x]}: integer, 0 = background, 1..n = objects. */
    LABELS(List.of("z", "y", "x"), true),
    /** Binary mask {@code [z, y, x]}: integer, 0 = outside, 1 = inside. */
    MASK(List.of("z", "y", "x"), true),
    /** One image {@code [y, x]} (a slice, a flat or dark field). */
    IMAGE(List.of("y", "x"), false),
    /** A numeric table {@code [row, column]} (e.g. one row per particle or per depth bin). */
    TABLE(List.of("row", "column"), false);

    private final List<String> axes;
    private final boolean integer;

    DataKind(List<String> axes, boolean integer) {
        this.axes = axes;
        this.integer = integer;
    }

    /** @return the number of dimensions a dataset of this kind has */
    public int rank() {
        return axes.size();
    }

    /** @return the axis names in array order, e.g. {@code [z, y, x]} */
    public List<String> axes() {
        return axes;
    }

    /** @return true if the values must be integers (labels, masks) */
    public boolean isInteger() {
        return integer;
    }

    /** @return the lowercase id used in {@code plugin.xml} and pipeline files, e.g. {@code "volume"} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return e.g. {@code "volume [z, y, x]"}, for messages */
    public String describe() {
        return id() + " " + axes;
    }

    /**
     * @param id a kind's id in any case, e.g. {@code "projections"}
     * @return the kind
     * @throws IllegalArgumentException naming the known ids when {@code id} is not one of them
     */
    public static DataKind fromId(String id) {
        for (DataKind kind : values()) {
            if (kind.id().equalsIgnoreCase(id.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown data kind '" + id + "'; known kinds: "
                + java.util.Arrays.stream(values()).map(DataKind::id).toList());
    }
}
