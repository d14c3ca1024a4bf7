package org.edgewise.gradient.stages;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.gradient.Calibration;
import org.edgewise.gradient.DepthStatistics;
import org.edgewise.gradient.PairMetadata;
import org.edgewise.gradient.ProfileRow;
import org.edgewise.gradient.ProfileTables;
import org.edgewise.gradient.Profiles;
import org.edgewise.gradient.ReliableRegions;
import org.edgewise.physics.EnergyPair;

/**
 * {@code edgewise.gradient.profiles}: depth profiles per particle and element from the three Δμ volumes, the hulls
 * and the depth map: mean Δμ, the paper's ratio and the calibrated fraction per depth bin with their confidence
 * intervals (effective sample size from clusters, {@link DepthStatistics}) and the reliable region; a table of
 * {@link ProfileTables#PROFILE_COLUMNS}.
 */
public final class ProfilesStage implements IStage<ProfilesModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.gradient.profiles";

    /** Input port: Δμ of Ni (1/µm), with its energy pair. */
    public static final String NI = "ni";
    /** Input port: Δμ of Mn. */
    public static final String MN = "mn";
    /** Input port: Δμ of Co. */
    public static final String CO = "co";
    /** Input port: the hulls (the label whose hull holds each voxel). */
    public static final String HULLS = "hulls";
    /** Input port: depth below the hull, µm. */
    public static final String DEPTH = "depth";
    /** Output port: the profile table ({@link ProfileTables#PROFILE_COLUMNS}). */
    public static final String PROFILES = "profiles";

    /** @return the input port of an element's Δμ: {@link #NI}, {@link #MN} or {@link #CO} */
    public static String port(Element element) {
        return element.symbol().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public StageOutput apply(StageInput input, ProfilesModel model, IMonitor monitor) throws StageException {
        Dataset hulls = input.get(HULLS);
        Dataset depth = input.get(DEPTH);
        Dataset[] deltaMu = new Dataset[3];
        List<EnergyPair> pairs = new ArrayList<>();
        float[][] values = new float[3][];
        for (Element e : Element.values()) {
            deltaMu[e.ordinal()] = input.get(port(e));
            try {
                pairs.add(PairMetadata.pairOf(deltaMu[e.ordinal()]));
            } catch (IllegalArgumentException x) {
                throw new StageException(x.getMessage());
            }
            values[e.ordinal()] = FlatArrays.floats(deltaMu[e.ordinal()]);
        }
        int[] s = GradientStages.sameShape(deltaMu[0], deltaMu[1], deltaMu[2], hulls, depth);
        List<DepthStatistics.Profile> profiles = DepthStatistics.compute(values, FlatArrays.ints(hulls),
                FlatArrays.floats(depth), s[0], s[1], s[2], GradientStages.voxelUm(depth),
                new DepthStatistics.Settings(model.binUm(), model.clusterVoxels(), (s[1] - 1) / 2.0
                        + model.axisOffsetYVoxels(), (s[2] - 1) / 2.0 + model.axisOffsetXVoxels(),
                        model.resolutionVoxels()));
        ReliableRegions.Settings reliable = ReliableRegions.Settings.defaults();
        double voxelUm = GradientStages.voxelUm(depth);
        List<ProfileRow> rows = Profiles.rows(profiles, Calibration.of(pairs, model.lithium()), model.confidence(),
                new ReliableRegions.Settings(model.tolerance(), reliable.minVoxels(), reliable.plateauFromUm(),
                        reliable.plateauToUm()), model.resolutionVoxels() * voxelUm
                        / (model.binUm() > 0 ? model.binUm() : voxelUm));
        if (rows.isEmpty()) {
            throw new StageException(ID + ": '" + hulls.getName() + "' holds no particle");
        }
        return StageOutput.of(PROFILES, ProfileTables.profiles(rows));
    }
}
