package org.edgewise.align.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link DetectorBinStage}.
 *
 * @param factor edge of the square block of detector pixels averaged into one; the pixel size grows by this factor
 */
public record DetectorBinModel(
        @Parameter(label = "Factor", unit = "px", defaultValue = "2", min = 1, max = 8,
                description = "Edge of the square block of detector pixels (rows × columns) averaged into one (2 or"
                        + " 4 usually); the pixel size grows by this factor; rows or columns beyond the last whole"
                        + " block are dropped.")
        int factor) {
}
