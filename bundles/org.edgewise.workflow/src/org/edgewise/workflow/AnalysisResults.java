package org.edgewise.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.Tables;
import org.edgewise.gradient.Calibration;
import org.edgewise.gradient.ProfileMetrics;
import org.edgewise.gradient.ProfileRow;
import org.edgewise.gradient.ProfileTables;
import org.edgewise.physics.EnergyPair;
import org.edgewise.segment.stages.ParticlesStage;

/**
 * An analysis run read back from its results file: what the analysis files and the report are written from.
 * Volumes are flat {@code [z, y, x]} on the Ni grid.
 *
 * @param plan                 the analysis that ran
 * @param shape                {@code [z, y, x]}
 * @param voxelUm              voxel size, µm
 * @param pairs                the energy pairs
 * @param calibration          the calibration of the fractions
 * @param particleTable        the shape metrics ({@link ParticlesStage#PARTICLE_COLUMNS}), one row per particle
 * @param particles            per particle its geometry and whole-particle means
 * @param rows                 the depth profiles
 * @param metrics              the Table-1 metrics
 * @param scans                per scan name (e.g. {@code ni_above}) its energy, keV
 * @param alignments           per scan name its alignment table ({@code AlignmentTables.ALIGNMENT}), when aligned
 * @param pairRegistrations    per scan name of an above-edge scan its pair registration table, when registered
 * @param elementRegistrations per registered element its table of {@code edgewise.gradient.register-element}
 * @param deltaMu              Δμ by {@link Element#ordinal()}, 1/µm
 * @param hulls                the label of the hull holding each voxel, 0 outside
 * @param depthUm              depth below the hull, µm
 * @param fractions            calibrated fraction maps by {@link Element#ordinal()} (NaN outside the hulls)
 */
record AnalysisResults(AnalyzeWorkflow.Plan plan, int[] shape, double voxelUm, List<EnergyPair> pairs,
        Calibration calibration, Dataset particleTable, List<Analysis.Particle> particles, List<ProfileRow> rows,
        List<ProfileMetrics.Metric> metrics, Map<String, Double> scans, Map<String, Dataset> alignments,
        Map<String, Dataset> pairRegistrations, Map<Element, Dataset> elementRegistrations, float[][] deltaMu,
        int[] hulls, float[] depthUm, float[][] fractions) {

    /**
     * @param plan        the analysis that ran
     * @param resultsFile its results file
     * @param pairs       its energy pairs
     * @return the run's results
     * @throws IOException if a result cannot be read
     */
    static AnalysisResults read(AnalyzeWorkflow.Plan plan, Path resultsFile, List<EnergyPair> pairs)
            throws IOException {
        List<ProfileRow> rows = ProfileTables.profileRows(StandardIo.readResult(resultsFile, plan.profiles()));
        List<ProfileMetrics.Metric> metrics = ProfileTables.metricRows(StandardIo.readResult(resultsFile,
                plan.metrics()));
        Calibration calibration = Calibration.of(pairs, plan.parameters().profiles().lithium());
        Dataset table = StandardIo.readResult(resultsFile, plan.segmentation().particles());
        List<Analysis.Particle> particles = new ArrayList<>();
        for (int i = 0; i < Tables.rows(table); i++) {
            int label = (int) Tables.get(table, i, "particle");
            double[] mean = wholeParticleMean(rows, label);
            particles.add(new Analysis.Particle(label, Tables.get(table, i, "volume_um3"),
                    Tables.get(table, i, "equiv_diameter_um"), Tables.get(table, i, "feret_ratio"),
                    Tables.get(table, i, "cut_by_fov") != 0, Calibration.ratios(mean), calibration.fractions(mean)));
        }
        Map<String, Double> scans = new LinkedHashMap<>();
        Map<String, Dataset> alignments = new LinkedHashMap<>();
        Map<String, Dataset> pairRegistrations = new LinkedHashMap<>();
        for (EnergyPair p : pairs) {
            scans.put(AnalyzeWorkflow.volumeName(p.element(), false), p.belowKev());
            scans.put(AnalyzeWorkflow.volumeName(p.element(), true), p.aboveKev());
        }
        if (plan.reconstruction() != null && plan.reconstruction().alignment() != null) {
            for (AlignWorkflow.AlignedScan s : plan.reconstruction().alignment().scans()) {
                alignments.put(s.scan().name(), StandardIo.readResult(resultsFile, s.alignment()));
                if (s.registration() != null) {
                    pairRegistrations.put(s.scan().name(), StandardIo.readResult(resultsFile, s.registration()));
                }
            }
        } else if (plan.volumesFile() != null) {
            // the tables that edgewise reconstruct stored next to its volumes, when it aligned the scans
            for (String scan : scans.keySet()) {
                Dataset alignment = optional(plan.volumesFile(), scan + "_alignment.alignment");
                if (alignment != null) {
                    alignments.put(scan, alignment);
                }
                Dataset registration = optional(plan.volumesFile(), scan + "_registration.registration");
                if (registration != null) {
                    pairRegistrations.put(scan, registration);
                }
            }
        }
        Map<Element, Dataset> elementRegistrations = new EnumMap<>(Element.class);
        for (Map.Entry<Element, String> r : plan.registrations().entrySet()) {
            elementRegistrations.put(r.getKey(), StandardIo.readResult(resultsFile, r.getValue()));
        }
        Dataset depth = StandardIo.readResult(resultsFile, plan.segmentation().depth());
        float[][] deltaMu = new float[3][];
        float[][] fractions = new float[3][];
        for (Element e : Element.values()) {
            deltaMu[e.ordinal()] = FlatArrays.floats(StandardIo.readResult(resultsFile, plan.deltaMu().get(e)));
            fractions[e.ordinal()] = FlatArrays.floats(StandardIo.readResult(resultsFile, plan.maps().get(
                    org.edgewise.gradient.stages.CompositionMapsStage.fraction(e))));
        }
        return new AnalysisResults(plan, FlatArrays.volumeShape(depth), PhysicalMetadata.of(depth).pixelSizeUm(),
                List.copyOf(pairs), calibration, table, particles, rows, metrics, scans, alignments, pairRegistrations,
                elementRegistrations, deltaMu, FlatArrays.ints(StandardIo.readResult(resultsFile,
                        plan.segmentation().hulls())), FlatArrays.floats(depth), fractions);
    }

    /** @return the pair registration table of an element's above-edge scan, or null */
    Dataset pairRegistration(Element element) {
        return pairRegistrations.get(AnalyzeWorkflow.volumeName(element, true));
    }

    /**
     * The paper's particle average: the mean Δμ of each element over every voxel of the particle's hull (the bins
     * weighted by their voxels).
     *
     * @return by {@link Element#ordinal()}, 1/µm; NaN when the particle has no profile
     */
    static double[] wholeParticleMean(List<ProfileRow> rows, int label) {
        double[] sum = new double[3];
        long[] n = new long[3];
        for (ProfileRow r : rows) {
            if (r.particle() == label && Double.isFinite(r.intensity().value())) {
                sum[r.element().ordinal()] += r.n() * r.intensity().value();
                n[r.element().ordinal()] += r.n();
            }
        }
        double[] mean = new double[3];
        for (int e = 0; e < 3; e++) {
            mean[e] = n[e] > 0 ? sum[e] / n[e] : Double.NaN;
        }
        return mean;
    }

    /**
     * A value of a table written by a stage whose columns are known (by the column's position, so that tables
     * stored without column names are read too).
     */
    static double value(Dataset table, List<Column> columns, String name, int row) {
        if (Tables.has(table, name)) {
            return Tables.get(table, row, name);
        }
        int index = columns.stream().map(Column::name).toList().indexOf(name);
        return table.getDouble(row, index);
    }

    private static Dataset optional(Path file, String name) {
        try {
            return StandardIo.readResult(file, name);
        } catch (IOException e) {
            return null; // not in this file (e.g. scans that were aligned by edgewise align)
        }
    }
}
