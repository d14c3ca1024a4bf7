package org.edgewise.gradient.stages;

import org.eclipse.january.IMonitor;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.gradient.ProfileMetrics;
import org.edgewise.gradient.ProfileTables;

/**
 * {@code edgewise.gradient.metrics}: the paper's Table 1 per particle, element and quantity from a profile table:
 * edge and core points, core − edge, the highest value in the comparison region and max − min, with intervals; a
 * table of {@link ProfileTables#METRIC_COLUMNS}.
 */
public final class MetricsStage implements IStage<MetricsModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.gradient.metrics";

    /** Input port: a profile table of {@code edgewise.gradient.profiles}. */
    public static final String PROFILES = "profiles";
    /** Output port: the metrics table ({@link ProfileTables#METRIC_COLUMNS}). */
    public static final String METRICS = "metrics";

    @Override
    public StageOutput apply(StageInput input, MetricsModel model, IMonitor monitor) throws StageException {
        try {
            return StageOutput.of(METRICS, ProfileTables.metrics(ProfileMetrics.compute(
                    ProfileTables.profileRows(input.get(PROFILES)), model.settings())));
        } catch (IllegalArgumentException e) {
            throw new StageException(ID + ": " + e.getMessage());
        }
    }
}
