package org.edgewise.segment.stages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.Tables;
import org.edgewise.segment.ParticleMetrics;
import org.edgewise.segment.ParticleSegmentation;

/**
 * {@code edgewise.segment.particles}: the whole particle chain of {@link ParticleSegmentation} on a volume
 * {@code [z, y, x]}: threshold, opening, hole filling, removal of small objects, watershed separation, then where
 * depth zero lies ({@link org.edgewise.segment.DepthMaps}: the particles at a surface level, optional growth, convex
 * hulls, depth below the hull with an explicit offset) and shape metrics. Outputs: {@code labels} (particles 1..n,
 * envelopes with holes filled), {@code grown} (the particles whose hulls were taken: at the surface level, after the
 * growth), {@code hulls} (the label whose hull holds each voxel), {@code depth} (µm below the hull surface, 0
 * outside), {@code solid} (material mask after
 * thresholding and opening), {@code particles} (a table, one row per particle, columns {@link #PARTICLE_COLUMNS}) and
 * {@code threshold} (a table [1, 2]: the threshold that found the particles and the grey value of the surface level,
 * in the unit of the volume).
 */
public final class ParticlesStage implements IStage<ParticlesModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.segment.particles";

    /** Input port: the volume, e.g. μ in 1/µm. */
    public static final String VOLUME = "volume";
    /** Output port: particles 1..n. */
    public static final String LABELS = "labels";
    /** Output port: the particles whose hulls were taken (at the surface level, after the growth). */
    public static final String GROWN = "grown";
    /** Output port: hull interiors. */
    public static final String HULLS = "hulls";
    /** Output port: depth below the hull, µm. */
    public static final String DEPTH = "depth";
    /** Output port: material mask. */
    public static final String SOLID = "solid";
    /** Output port: shape metrics per particle. */
    public static final String PARTICLES = "particles";
    /** Output port: the threshold used. */
    public static final String THRESHOLD = "threshold";

    /** Columns of the particles table (the {@code particles.csv} of {@code edgewise segment}). */
    public static final List<Column> PARTICLE_COLUMNS = List.of(Column.of("particle", "label"),
            Column.of("voxels", "voxels"), Column.of("volume_um3", "µm³"), Column.of("solid_volume_um3", "µm³"),
            Column.of("equiv_diameter_um", "µm"), Column.of("feret_min_um", "µm"),
            Column.of("feret_max_orth_um", "µm"), Column.of("feret_ratio", "1"), Column.of("centroid_z_um", "µm"),
            Column.of("centroid_y_um", "µm"), Column.of("centroid_x_um", "µm"), Column.of("cut_by_fov", "1"));
    /** Column of the threshold table: the threshold that found the particles. */
    public static final String THRESHOLD_COLUMN = "threshold";
    /** Column of the threshold table: the grey value of the surface level (NaN: the particles as found). */
    public static final String SURFACE_THRESHOLD_COLUMN = "surface_threshold";

    @Override
    public StageOutput apply(StageInput input, ParticlesModel model, IMonitor monitor) throws StageException {
        Dataset volume = input.get(VOLUME);
        int[] s = FlatArrays.volumeShape(volume);
        double voxelUm = Stages.voxelUm(volume);
        ParticleSegmentation.Result r;
        try {
            r = ParticleSegmentation.run(FlatArrays.floats(volume), s[0], s[1], s[2], voxelUm, model.settings());
        } catch (IllegalArgumentException e) {
            throw new StageException(ID + ": cannot segment volume '" + volume.getName() + "': " + e.getMessage(), e);
        }
        PhysicalMetadata metadata = PhysicalMetadata.of(volume);
        Map<String, Dataset> out = new LinkedHashMap<>();
        out.put(LABELS, Stages.labels(r.labels(), s, volume));
        out.put(GROWN, Stages.labels(r.grown(), s, volume));
        out.put(HULLS, Stages.labels(r.hulls(), s, volume));
        out.put(DEPTH, Stages.micrometres(r.depthUm(), s, volume));
        out.put(SOLID, Stages.mask(r.solid(), s, volume));
        out.put(PARTICLES, particles(r.metrics(), metadata.energyKev()));
        DoubleDataset threshold = Tables.create(List.of(Column.of(THRESHOLD_COLUMN, metadata.valueUnit()),
                Column.of(SURFACE_THRESHOLD_COLUMN, metadata.valueUnit())), 1, metadata.energyKev());
        Tables.set(threshold, 0, THRESHOLD_COLUMN, r.threshold());
        Tables.set(threshold, 0, SURFACE_THRESHOLD_COLUMN, r.surfaceThreshold());
        out.put(THRESHOLD, threshold);
        return new StageOutput(out);
    }

    private static DoubleDataset particles(List<ParticleMetrics.Metrics> metrics, double energyKev) {
        DoubleDataset table = Tables.create(PARTICLE_COLUMNS, metrics.size(), energyKev);
        for (int i = 0; i < metrics.size(); i++) {
            ParticleMetrics.Metrics m = metrics.get(i);
            double[] row = { m.label(), m.voxels(), m.volumeUm3(), m.solidVolumeUm3(), m.equivDiameterUm(),
                m.feretMinUm(), m.feretMaxOrthUm(), m.feretRatio(), m.centroidUm()[0], m.centroidUm()[1],
                m.centroidUm()[2], m.cutByFieldOfView() ? 1 : 0 };
            for (int c = 0; c < row.length; c++) {
                table.set(row[c], i, c);
            }
        }
        return table;
    }
}
