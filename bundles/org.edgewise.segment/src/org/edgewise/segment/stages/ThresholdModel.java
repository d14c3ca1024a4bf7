package org.edgewise.segment.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link ThresholdStage}.
 *
 * @param method    {@code OTSU} (automatic; inside = value above the threshold) or {@code MANUAL}
 *                  (inside = value at or above {@code threshold})
 * @param threshold the manual threshold, in the unit of the volume (ignored by Otsu)
 */
public record ThresholdModel(
        @Parameter(label = "Method", defaultValue = "OTSU",
                description = "OTSU chooses the threshold from the histogram; MANUAL uses the value below.")
        Method method,
        @Parameter(label = "Threshold", unit = "volume unit", defaultValue = "0",
                description = "Voxels at or above this value are inside (MANUAL only).") double threshold) {

    /** How the threshold is chosen. */
    public enum Method {
        /** Otsu's between-class variance maximum on a 256-bin histogram. */
        OTSU,
        /** The given value. */
        MANUAL
    }
}
