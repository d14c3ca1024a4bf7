package org.edgewise.gradient.stages;

import org.edgewise.api.parameters.Parameter;
import org.edgewise.gradient.ProfileMetrics;

/**
 * Parameters of {@link MetricsStage}: the depth windows of the paper's Table 1, µm.
 *
 * @param edgeFromUm   edge point start
 * @param edgeToUm     edge point end
 * @param coreFromUm   core point start
 * @param coreToUm     core point end
 * @param regionFromUm comparison region start
 * @param regionToUm   comparison region end
 */
public record MetricsModel(
        @Parameter(label = "Edge from", unit = "µm", defaultValue = "0.25", min = 0, max = 100) double edgeFromUm,
        @Parameter(label = "Edge to", unit = "µm", defaultValue = "0.30", min = 0, max = 100) double edgeToUm,
        @Parameter(label = "Core from", unit = "µm", defaultValue = "1.95", min = 0, max = 100) double coreFromUm,
        @Parameter(label = "Core to", unit = "µm", defaultValue = "2.00", min = 0, max = 100) double coreToUm,
        @Parameter(label = "Region from", unit = "µm", defaultValue = "0.25", min = 0, max = 100)
        double regionFromUm,
        @Parameter(label = "Region to", unit = "µm", defaultValue = "2.00", min = 0, max = 100) double regionToUm) {

    /** @return the facade's settings */
    ProfileMetrics.Settings settings() {
        return new ProfileMetrics.Settings(edgeFromUm, edgeToUm, coreFromUm, coreToUm, regionFromUm, regionToUm);
    }
}
