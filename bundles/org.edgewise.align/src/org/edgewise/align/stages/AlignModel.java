package org.edgewise.align.stages;

import org.edgewise.align.AlignmentOptions;
import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link AlignStage}; see {@link AlignmentOptions}.
 *
 * @param maxIterations     re-projection iterations at most
 * @param tolerancePx       stop when the RMS shift update is below this, pixels
 * @param maxWorkingColumns bin wider stacks by powers of two down to this many columns while aligning
 * @param lowPass           phase-correlation window σ, fraction of Nyquist
 */
public record AlignModel(
        @Parameter(label = "Iterations", defaultValue = "12", min = 0, max = 100,
                description = "Re-projection iterations at most (0 = centre of mass only).") int maxIterations,
        @Parameter(label = "Tolerance", unit = "px", defaultValue = "0.01", min = 1e-4, max = 10,
                description = "Stop when the RMS shift update of an iteration is below this.") double tolerancePx,
        @Parameter(label = "Working columns", defaultValue = "256", min = 16, max = 8192,
                description = "Wider stacks are binned by powers of two to at most this many columns for the"
                        + " alignment; shifts are reported at full resolution.") int maxWorkingColumns,
        @Parameter(label = "Low-pass", defaultValue = "0.3", min = 0.01, max = 2,
                description = "σ of the Gaussian phase-correlation window, fraction of the Nyquist frequency.")
        double lowPass) {

    /** @return the options of the algorithm */
    public AlignmentOptions options() {
        return new AlignmentOptions(maxIterations, tolerancePx, maxWorkingColumns, lowPass);
    }
}
