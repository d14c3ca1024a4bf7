package org.edgewise.recon.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link SirtStage}.
 *
 * @param iterations     SIRT iterations
 * @param relaxation     step length of each update, 0–2 (1 is the classical SIRT step)
 * @param nonNegative    clip negative attenuation to zero after each iteration
 * @param centerOffsetPx rotation axis relative to the detector centre, pixels
 */
public record SirtModel(
        @Parameter(label = "Iterations", defaultValue = "100", min = 1, max = 10000,
                description = "Number of SIRT iterations; more iterations sharpen the result and amplify noise.")
        int iterations,
        @Parameter(label = "Relaxation", defaultValue = "1.0", min = 0.01, max = 2,
                description = "Step length of each update (1 = classical SIRT).")
        double relaxation,
        @Parameter(label = "Non-negative", defaultValue = "true",
                description = "Clip negative attenuation to zero after each iteration.")
        boolean nonNegative,
        @Parameter(label = "Centre offset", unit = "px", defaultValue = "0", min = -1000, max = 1000,
                description = "Rotation axis relative to the detector centre, pixels (positive towards higher columns).")
        double centerOffsetPx) {
}
