package org.edgewise.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.TableMetadata;
import org.edgewise.api.tables.Tables;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.io.CsvTable;
import org.edgewise.io.ResultsFile;
import org.edgewise.segment.stages.ParticlesStage;

/**
 * The files of {@code edgewise segment}, written from a finished run of a {@link SegmentWorkflow} plan:
 * <ul>
 * <li>{@code segmentation.h5}: {@code /volumes/labels} (particles 1..n, envelopes with holes filled),
 * {@code /volumes/grown} (when the particles grow: the labels after the growth), {@code /volumes/hulls},
 * {@code /volumes/depth} (µm), {@code /volumes/solid} (material mask), each with {@code voxel_size_um}, {@code units},
 * {@code axes} ({@link ResultsFile}); {@code /provenance} holds the run's provenance record;</li>
 * <li>{@code particles.csv}: one row per particle, the columns of {@link ParticlesStage#PARTICLE_COLUMNS};</li>
 * <li>{@code provenance.json}: the run's provenance record.</li>
 * </ul>
 */
public final class SegmentationReport {

    /** The segmentation volumes. */
    public static final String SEGMENTATION_FILE = "segmentation.h5";
    /** The particle table. */
    public static final String PARTICLES_FILE = "particles.csv";

    private SegmentationReport() {
    }

    /**
     * One particle's shape.
     *
     * @param label              its label
     * @param voxels             envelope voxels
     * @param volumeUm3          envelope volume, µm³
     * @param solidVolumeUm3     material volume, µm³
     * @param equivDiameterUm    equivalent-sphere diameter, µm
     * @param feretMinUm         minimum Feret diameter, µm
     * @param feretMaxOrthUm     largest Feret diameter orthogonal to it, µm
     * @param feretRatio         their ratio
     * @param centroidUm         centroid {z, y, x}, µm from the centre of voxel [0, 0, 0]
     * @param cutByFieldOfView   whether the particle touches a face of the volume
     */
    public record Particle(int label, long voxels, double volumeUm3, double solidVolumeUm3, double equivDiameterUm,
            double feretMinUm, double feretMaxOrthUm, double feretRatio, double[] centroidUm,
            boolean cutByFieldOfView) {
    }

    /**
     * @param volume      the segmented volume's name
     * @param shape       its shape {@code [z, y, x]}
     * @param voxelSizeUm its voxel size, µm
     * @param threshold   the threshold used, in the volume's unit
     * @param particles   the particles in label order
     */
    public record Summary(String volume, int[] shape, double voxelSizeUm, double threshold,
            List<Particle> particles) {
    }

    /**
     * Reads a finished run's results and writes the files into {@code out}.
     *
     * @param plan the plan that was run
     * @param run  the run's files (its results file is read, not moved or changed)
     * @param out  the folder to write into
     * @return what was found
     * @throws IOException if a result cannot be read or a file cannot be written
     */
    public static Summary write(SegmentWorkflow.Plan plan, RunResult run, Path out) throws IOException {
        SegmentWorkflow.Segmentation s = plan.segmentation();
        Path results = run.resultsFile();
        Dataset labels = StandardIo.readResult(results, s.labels());
        double voxel = PhysicalMetadata.of(labels).pixelSizeUm();
        List<ResultsFile.Volume> volumes = new ArrayList<>();
        volumes.add(new ResultsFile.Volume("labels", labels, voxel, "label",
                "particles 1..n (envelopes, holes filled), 0 = background"));
        if (plan.model().dilateUm() > 0) {
            volumes.add(new ResultsFile.Volume("grown", StandardIo.readResult(results, s.grown()),
                    voxel, "label", "particles at the surface level grown by " + plan.model().dilateUm()
                            + " um (nearest particle), whose hulls were taken"));
        }
        volumes.add(new ResultsFile.Volume("hulls", StandardIo.readResult(results, s.hulls()), voxel,
                "label", "label of the convex hull holding each voxel, 0 = outside every hull"));
        volumes.add(new ResultsFile.Volume("depth", StandardIo.readResult(results, s.depth()), voxel,
                "um", String.format(java.util.Locale.ROOT, "depth below the particle's convex-hull surface (surface"
                        + " level %s, depth offset %s voxel), 0 outside", plan.model().surfaceLevel(),
                        plan.model().depthOffsetVoxels())));
        volumes.add(new ResultsFile.Volume("solid", StandardIo.readResult(results, s.solid()), voxel,
                "1", "material mask after thresholding and opening (pores are 0)"));
        ResultsFile.write(out.resolve(SEGMENTATION_FILE), volumes, run.provenance().toJson());

        Dataset table = named(StandardIo.readResult(results, s.particles()),
                ParticlesStage.PARTICLE_COLUMNS);
        List<Particle> particles = new ArrayList<>();
        CsvTable csv = new CsvTable(ParticlesStage.PARTICLE_COLUMNS.stream().map(Column::name)
                .toArray(String[]::new));
        for (int row = 0; row < Tables.rows(table); row++) {
            Particle p = particle(table, row);
            particles.add(p);
            csv.addRow(p.label(), p.voxels(), p.volumeUm3(), p.solidVolumeUm3(), p.equivDiameterUm(), p.feretMinUm(),
                    p.feretMaxOrthUm(), p.feretRatio(), p.centroidUm()[0], p.centroidUm()[1], p.centroidUm()[2],
                    p.cutByFieldOfView());
        }
        csv.write(out.resolve(PARTICLES_FILE));
        Files.copy(run.provenanceFile(), out.resolve(run.provenanceFile().getFileName().toString()));
        Dataset threshold = named(StandardIo.readResult(results, s.threshold()),
                List.of(Column.of(ParticlesStage.THRESHOLD_COLUMN, ""), Column.of(
                        ParticlesStage.SURFACE_THRESHOLD_COLUMN, "")));
        return new Summary(plan.volume(), labels.getShape(), voxel, Tables.get(threshold, 0,
                ParticlesStage.THRESHOLD_COLUMN), particles);
    }

    private static Particle particle(Dataset table, int row) {
        return new Particle((int) Tables.get(table, row, "particle"), (long) Tables.get(table, row, "voxels"),
                Tables.get(table, row, "volume_um3"), Tables.get(table, row, "solid_volume_um3"),
                Tables.get(table, row, "equiv_diameter_um"), Tables.get(table, row, "feret_min_um"),
                Tables.get(table, row, "feret_max_orth_um"), Tables.get(table, row, "feret_ratio"),
                new double[] { Tables.get(table, row, "centroid_z_um"), Tables.get(table, row, "centroid_y_um"),
                    Tables.get(table, row, "centroid_x_um") }, Tables.get(table, row, "cut_by_fov") != 0);
    }

    /** A table read back from a results file carries no column names; these are its stage's. */
    private static Dataset named(Dataset table, List<Column> columns) {
        return Tables.has(table, columns.get(0).name()) ? table : TableMetadata.of(columns).attachTo(table);
    }
}
