package org.edgewise.gradient;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.Registration;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.physics.EnergyPair;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.segment.DepthMaps;
import org.edgewise.segment.ParticleMetrics;
import org.edgewise.segment.ParticleSegmentation;
import org.edgewise.segment.stages.ParticlesModel;

/**
 * The gradient analysis of one run from its six reconstructions in memory: the element pairs registered to the Ni
 * grid (the segmentation grid), Δμ per element, particles and their hull depth, depth statistics with the ratio and
 * the calibrated fraction, and the paper's Table 1 per particle. {@code edgewise analyze} runs the same steps as
 * stages of one pipeline ({@code org.edgewise.workflow.AnalyzeWorkflow}); this facade serves parameter studies that
 * repeat the statistics on volumes held in memory ({@code edgewise bench gradient}).
 * <pre>{@code
 * GradientAnalysis.Result r = GradientAnalysis.run(volumes, GradientAnalysis.Settings.defaults(), System.err::println);
 * }</pre>
 */
public final class GradientAnalysis {

    private GradientAnalysis() {
    }

    /**
     * One element's pair of reconstructions, each {@code [z, y, x]} in 1/µm with {@link PhysicalMetadata} (voxel size,
     * energy); the two share a grid (the pair registration puts the above-edge scan on the below-edge grid).
     *
     * @param below below the edge
     * @param above above the edge
     */
    public record PairVolumes(Dataset below, Dataset above) {
    }

    /**
     * @param segmentation the particle segmentation (on the Ni above-edge volume) and where depth zero lies
     * @param statistics   depth bins and the variance clusters
     * @param confidence   two-sided confidence level of every interval, e.g. 0.99
     * @param lithium      Li per formula unit for the calibration
     * @param metrics      Table-1 depth windows
     * @param reliable     reliable-region rule
     * @param register     whether the Mn and Co pairs are registered to the Ni grid (false: taken as they are)
     */
    public record Settings(ParticleSegmentation.Settings segmentation, DepthStatistics.Settings statistics, double confidence, double lithium, ProfileMetrics.Settings metrics,
            ReliableRegions.Settings reliable, boolean register) {

        /** @return the defaults of {@code edgewise analyze} */
        public static Settings defaults() {
            return new Settings(Parameters.defaults(ParticlesModel.class).settings(),
                    DepthStatistics.Settings.defaults(), 0.99, 1.0, ProfileMetrics.Settings.defaults(),
                    ReliableRegions.Settings.defaults(), true);
        }
    }

    /**
     * @param element      the registered element
     * @param registration the registration of its below-edge volume to the Ni below-edge volume
     */
    public record ElementRegistration(Element element, Registration.Result registration) {
    }

    /**
     * @param shape         {@code [z, y, x]}
     * @param voxelUm       voxel size, µm
     * @param pairs         the energy pairs of the files
     * @param registrations Mn and Co to the Ni grid
     * @param deltaMu       Δμ by {@code Element.ordinal()}, flat, 1/µm
     * @param labels        the particles (envelopes) from the segmentation, flat
     * @param surface       the hull depth
     * @param particles     shape metrics per particle
     * @param profiles      bin statistics per particle
     * @param rows          profile rows
     * @param metrics       Table 1
     * @param calibration   the calibration used for the fractions
     */
    public record Result(int[] shape, double voxelUm, List<EnergyPair> pairs, List<ElementRegistration> registrations,
            float[][] deltaMu, int[] labels, DepthMaps.Result surface, List<ParticleMetrics.Metrics> particles,
            List<DepthStatistics.Profile> profiles, List<ProfileRow> rows, List<ProfileMetrics.Metric> metrics,
            Calibration calibration) {
    }

    /**
     * @param volumes  the six reconstructions by element
     * @param settings what to do
     * @param progress receives one line per stage
     * @return the analysis
     */
    public static Result run(Map<Element, PairVolumes> volumes, Settings settings, Consumer<String> progress) {
        for (Element e : Element.values()) {
            if (!volumes.containsKey(e)) {
                throw new IllegalArgumentException("no " + e.symbol() + " pair among the volumes");
            }
        }
        Dataset reference = volumes.get(Element.NI).below();
        int[] shape = FlatArrays.volumeShape(reference);
        double voxelUm = PhysicalMetadata.of(reference).pixelSizeUm();
        // the particles first: they are found on the Ni above-edge volume, which needs no registration
        float[] niAbove = FlatArrays.floats(volumes.get(Element.NI).above());
        ParticleSegmentation.Result seg = ParticleSegmentation.run(niAbove, shape[0], shape[1], shape[2], voxelUm,
                settings.segmentation());
        progress.accept("segment: " + seg.count() + " particle(s)");
        if (seg.count() == 0) {
            throw new IllegalArgumentException("no particle found in the Ni above-edge volume");
        }
        List<EnergyPair> pairs = new ArrayList<>();
        Map<Element, float[][]> onGrid = new EnumMap<>(Element.class);
        List<ElementRegistration> registrations = new ArrayList<>();
        for (Element e : Element.values()) {
            PairVolumes pair = volumes.get(e);
            pairs.add(new EnergyPair(e, PhysicalMetadata.of(pair.below()).energyKev(),
                    PhysicalMetadata.of(pair.above()).energyKev()));
            float[] below = FlatArrays.floats(pair.below());
            float[] above = FlatArrays.floats(pair.above());
            if (e != Element.NI && settings.register()) {
                Registration.Result r = ElementRegistrations.toReference(reference, pair.below(), seg.labels(),
                        seg.count());
                registrations.add(new ElementRegistration(e, r));
                double k = r.scale() * r.nominalScale();
                below = ElementalMaps.resample(below, shape[0], shape[1], shape[2], r.shiftPx(), k);
                above = ElementalMaps.resample(above, shape[0], shape[1], shape[2], r.shiftPx(), k);
                progress.accept("register " + e.symbol() + " → Ni grid: " + r.describe());
            }
            onGrid.put(e, new float[][] { below, above });
        }
        float[][] deltaMu = new float[3][];
        for (Element e : Element.values()) {
            deltaMu[e.ordinal()] = ElementalMaps.difference(onGrid.get(e)[1], onGrid.get(e)[0]);
        }
        progress.accept("differential volumes Δμ of Ni, Mn and Co on the Ni grid");
        DepthMaps.Result surface = new DepthMaps.Result(seg.grown(), seg.hulls(), seg.depthUm(),
                seg.surfaceThreshold());
        DepthMaps.Surface where = settings.segmentation().surface();
        progress.accept(String.format(java.util.Locale.ROOT, "hull depth: surface level %s, dilation %s µm, depth"
                + " offset %s voxel", where.level(), where.dilateUm(), where.offsetVoxels()));
        Result result = analyse(shape, voxelUm, pairs, registrations, deltaMu, seg.labels(), surface, seg.metrics(),
                settings);
        progress.accept("depth statistics (" + result.rows().size() + " profile rows, cluster "
                + settings.statistics().clusterVoxels() + " voxels) and Table-1 metrics");
        return result;
    }

    /** The statistics part alone, from Δμ volumes and a hull depth already computed (a rerun with other windows). */
    public static Result analyse(int[] shape, double voxelUm, List<EnergyPair> pairs,
            List<ElementRegistration> registrations, float[][] deltaMu, int[] labels, DepthMaps.Result surface,
            List<ParticleMetrics.Metrics> particles, Settings settings) {
        List<DepthStatistics.Profile> profiles = DepthStatistics.compute(deltaMu, surface.hulls(), surface.depthUm(),
                shape[0], shape[1], shape[2], voxelUm, settings.statistics());
        Calibration calibration = Calibration.of(pairs, settings.lithium());
        List<ProfileRow> rows = Profiles.rows(profiles, calibration, settings.confidence(), settings.reliable(),
                settings.statistics().resolutionBins(voxelUm));
        List<ProfileMetrics.Metric> metrics = ProfileMetrics.compute(rows, settings.metrics());
        return new Result(shape, voxelUm, pairs, registrations, deltaMu, labels, surface, particles, profiles, rows,
                metrics, calibration);
    }
}
