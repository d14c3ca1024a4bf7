package org.edgewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.Element;
import org.edgewise.gradient.DepthStatistics;
import org.edgewise.gradient.GradientAnalysis;
import org.edgewise.gradient.ProfileMetrics;
import org.edgewise.gradient.ProfileRow;
import org.edgewise.gradient.Profiles;
import org.edgewise.physics.phantom.Architecture;
import org.edgewise.physics.phantom.Ellipsoids;
import org.edgewise.physics.phantom.SimulationSettings;
import org.edgewise.physics.phantom.Simulator;
import org.edgewise.segment.DepthMaps;
import org.edgewise.segment.ParticleMetrics;
import org.edgewise.segment.ParticleSegmentation;
import org.edgewise.workflow.FieldComparison;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise bench gradient}: the gradient analysis of a simulated run against its {@code truth.json}. It
 * simulates and reconstructs (or takes a folder that already holds them), runs the analysis with the given surface
 * and statistics parameters, and prints per particle and element the mean absolute error of the ratio and the
 * fraction over the comparison region, the share of reliable bins whose 99 % interval holds the truth, the core −
 * edge errors and the mean depth error of the hull. The truth is read from {@code truth.json} alone (written by the
 * simulator from the phantom's exact geometry), never from the analysis.
 */
@Command(name = "gradient", sortOptions = false,
        description = { "Simulate (or reuse) a run, analyse it and compare the depth profiles and Table-1 values"
                + " with truth.json (errors, CI coverage, depth bias)." })
final class BenchGradientCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "Work folder: DIR/sim (scans, truth.json) and DIR/recon/volumes.h5 are made when missing.")
    private Path dir;

    @Option(names = "--preset", defaultValue = "63ni", description = "63ni, 80ni or 86ni (default ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--size", defaultValue = "128", description = "Detector size (default ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--flux", defaultValue = "2e4", description = "Counts per pixel (default ${DEFAULT-VALUE}).")
    private double flux;

    @Option(names = "--touching", defaultValue = "0", description = "Simulate a touching pair (overlap, µm).")
    private double touchingUm;

    @Option(names = "--true-lithium", defaultValue = "1", description = "Li per formula unit of the simulated material.")
    private double lithiumTrue;

    @Option(names = "--energy-error-ev", defaultValue = "0", description = "True minus stated energy, eV.")
    private double energyErrorEv;

    @Option(names = "--subsamples", defaultValue = "1", description = "Rays per pixel edge in the simulation.")
    private int subsamples;

    @Option(names = "--energy-scaled-pixel", description = "Pixel size proportional to the energy (TXM).")
    private boolean energyScaled;

    @Option(names = "--surface-level", defaultValue = "0.5",
            description = "Surface level between background and material, 0..1; NaN = Otsu labels as they are.")
    private double surfaceLevel;

    @Option(names = "--dilate-um", defaultValue = "0", description = "Dilation before the hull, µm.")
    private double dilateUm;

    @Option(names = "--depth-offset", defaultValue = "" + DepthMaps.DEFAULT_DEPTH_OFFSET_VOXELS, split = ",",
            description = "Depth offset(s), voxels; a list compares several on the same reconstruction.")
    private double[] depthOffsets;

    @Option(names = "--cluster", defaultValue = "" + DepthStatistics.DEFAULT_CLUSTER_VOXELS, split = ",",
            description = "Cluster edge(s) for the variance, voxels (1 = independent voxels); a list compares.")
    private int[] clusters;

    private double depthOffset;
    private int cluster;

    @Option(names = "--resolution", defaultValue = "" + DepthStatistics.DEFAULT_RESOLUTION_VOXELS, split = ",",
            description = "σ of the depth error in the curvature term, voxels (0 = off); a list compares.")
    private double[] resolutions;

    private double resolution;

    @Option(names = "--lithium", defaultValue = "1.0", description = "Li per formula unit in the calibration.")
    private double lithium;

    @Option(names = "--no-register", description = "Do not register the Mn and Co pairs to the Ni grid.")
    private boolean noRegister;

    @Option(names = "--misses", description = "Print every reliable bin whose interval misses the truth.")
    private boolean misses;

    @Option(names = "--summary", paramLabel = "CSV", description = "Append one line per particle and element here.")
    private Path summary;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path sim = dir.resolve("sim");
        Path volumesFile = dir.resolve("recon").resolve("volumes.h5");
        if (!Files.exists(sim.resolve(Simulator.TRUTH_FILE))) {
            SimulationSettings settings = new SimulationSettings(Architecture.preset(preset), size, 180, flux, 2,
                    seed, 0, 0.5, 3, 0.003, energyScaled, subsamples, false);
            Simulator.run(settings, new Simulator.Variations(touchingUm, lithiumTrue, energyErrorEv / 1000), sim,
                    line -> err.println("  " + line));
        }
        if (!Files.exists(volumesFile)) {
            int status = EdgewiseCommand.execute(new String[] { "reconstruct", sim.toString(), "--out",
                volumesFile.getParent().toString() }, out, err);
            if (status != 0) {
                return status;
            }
        }
        Map<Element, GradientAnalysis.PairVolumes> volumes = readVolumes(volumesFile);
        JsonNode truth = new ObjectMapper().readTree(sim.resolve(Simulator.TRUTH_FILE).toFile());
        GradientAnalysis.Result first = null;
        float[] niAbove = null;
        for (double offset : depthOffsets) {
            DepthMaps.Result surface = null;
            for (int c : clusters) {
                for (double res : resolutions) {
                    resolution = res;
                    depthOffset = offset;
                    cluster = c;
                    GradientAnalysis.Settings defaults = GradientAnalysis.Settings.defaults();
                    ParticleSegmentation.Settings s = defaults.segmentation();
                    DepthMaps.Surface where = new DepthMaps.Surface(surfaceLevel, dilateUm, offset);
                    GradientAnalysis.Settings settings = new GradientAnalysis.Settings(
                            new ParticleSegmentation.Settings(s.threshold(), s.openRadiusUm(), s.minVolumeUm3(),
                                    s.hUm(), where),
                            new DepthStatistics.Settings(0, c, Double.NaN, Double.NaN, resolution), 0.99, lithium,
                            defaults.metrics(), defaults.reliable(), !noRegister);
                    long start = System.nanoTime();
                    GradientAnalysis.Result r;
                    if (first == null) {
                        r = GradientAnalysis.run(volumes, settings, line -> err.println("  " + line));
                        first = r;
                        surface = r.surface();
                        niAbove = org.edgewise.api.datasets.FlatArrays.floats(volumes.get(Element.NI).above());
                    } else {
                        int[] sh = first.shape();
                        if (surface == null) {
                            surface = DepthMaps.compute(niAbove, first.labels(),
                                    java.util.Arrays.stream(first.labels()).max().orElse(0), sh[0], sh[1],
                                    sh[2], first.voxelUm(), where);
                        }
                        r = GradientAnalysis.analyse(sh, first.voxelUm(), first.pairs(), first.registrations(),
                                first.deltaMu(), first.labels(), surface, first.particles(), settings);
                    }
                    out.printf(Locale.ROOT, "%nsurface level %s, depth offset %.2f voxel, cluster %d, resolution %.2f"
                            + " voxel: analysis %.1f s%n", surfaceLevel, offset, c, resolution,
                            (System.nanoTime() - start) / 1e9);
                    compare(r, truth, out);
                }
            }
        }
        return 0;
    }

    private static void misses(PrintWriter out, ProfileRow row, double trueRatio, double trueFraction) {
        out.printf(Locale.ROOT, "    miss p%d %s depth %.3f n %d n_eff %.0f: ratio %.4f ± %.4f (truth %.4f, %+.1f se),"
                + " fraction %.4f ± %.4f (truth %.4f, %+.1f se)%n", row.particle(), row.element().symbol(),
                row.depthUm(), row.n(), row.nEff(), row.ratio().value(), row.ratio().halfWidth(), trueRatio,
                (row.ratio().value() - trueRatio) / row.ratio().standardError(), row.fraction().value(),
                row.fraction().halfWidth(), trueFraction,
                (row.fraction().value() - trueFraction) / row.fraction().standardError());
    }

    static Map<Element, GradientAnalysis.PairVolumes> readVolumes(Path file) throws IOException {
        Map<Element, GradientAnalysis.PairVolumes> volumes = new EnumMap<>(Element.class);
        for (Element e : Element.values()) {
            String name = e.symbol().toLowerCase(Locale.ROOT);
            volumes.put(e, new GradientAnalysis.PairVolumes(load(file, name + "_below"), load(file, name + "_above")));
        }
        return volumes;
    }

    private static Dataset load(Path file, String name) throws IOException {
        Dataset d = org.edgewise.io.ResultsFile.readDataset(file, name);
        d.setName(name);
        return d;
    }

    private void compare(GradientAnalysis.Result r, JsonNode truth, PrintWriter out) throws IOException {
        double voxel = r.voxelUm();
        JsonNode particles = truth.get("particles");
        // offset of our grid against the truth's: mean centroid difference of the matched particles (voxels)
        double[] offset = new double[3];
        List<int[]> matches = new ArrayList<>();
        for (ParticleMetrics.Metrics m : r.particles()) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int p = 0; p < particles.size(); p++) {
                JsonNode c = particles.get(p).get("centreVoxel");
                double d = 0;
                for (int a = 0; a < 3; a++) {
                    double diff = m.centroidUm()[a] / voxel - c.get(a).asDouble();
                    d += diff * diff;
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = p;
                }
            }
            matches.add(new int[] { m.label(), best });
            for (int a = 0; a < 3; a++) {
                offset[a] += (m.centroidUm()[a] / voxel - particles.get(best).get("centreVoxel").get(a).asDouble())
                        / r.particles().size();
            }
        }
        out.printf(Locale.ROOT, "grid offset vs truth (z, y, x): %.3f %.3f %.3f voxels%n", offset[0], offset[1],
                offset[2]);
        out.println("particle element  mae_ratio mae_fraction cover_ratio cover_fraction dCE_ratio_err dCE_fraction_err"
                + " depth_bias_um reliable_bins");
        double worstMae = 0;
        double worstDce = 0;
        double neffShare = 0;
        int neffRows = 0;
        for (ProfileRow row : r.rows()) {
            if (row.reliable()) {
                neffShare += row.nEff() / row.n();
                neffRows++;
            }
        }
        int covered = 0;
        int total = 0;
        for (int[] match : matches) {
            JsonNode t = particles.get(match[1]);
            double bias = depthBias(r, match[0], t, offset, voxel);
            for (Element element : Profiles.ELEMENTS) {
                List<ProfileRow> rows = Profiles.select(r.rows(), match[0], element);
                double[] mae = new double[2];
                int inRegion = 0;
                int[] cover = new int[2];
                int reliable = 0;
                for (ProfileRow row : rows) {
                    double tr = FieldComparison.truthAt(t, "ratio" + element.symbol(), row.depthUm());
                    double tf = FieldComparison.truthAt(t, "fraction" + element.symbol(), row.depthUm());
                    if (row.depthUm() >= 0.25 && row.depthUm() <= 2.0) {
                        mae[0] += Math.abs(row.ratio().value() - tr);
                        mae[1] += Math.abs(row.fraction().value() - tf);
                        inRegion++;
                    }
                    if (row.reliable()) {
                        reliable++;
                        cover[0] += row.ratio().covers(tr) ? 1 : 0;
                        cover[1] += row.fraction().covers(tf) ? 1 : 0;
                        if (misses && (!row.ratio().covers(tr) || !row.fraction().covers(tf))) {
                            misses(out, row, tr, tf);
                        }
                    }
                }
                mae[0] /= inRegion;
                mae[1] /= inRegion;
                double[] dce = new double[2];
                for (ProfileMetrics.Metric m : r.metrics()) {
                    if (m.particle() == match[0] && m.element() == element) {
                        String key = (m.quantity() == ProfileRow.Quantity.RATIO ? "ratio" : "fraction")
                                + element.symbol();
                        double trueDce = truthPoint(t, key, 1.95, 2.0) - truthPoint(t, key, 0.25, 0.30);
                        dce[m.quantity().ordinal()] = m.coreMinusEdge().value() - trueDce;
                    }
                }
                worstMae = Math.max(worstMae, Math.max(mae[0], mae[1]));
                worstDce = Math.max(worstDce, Math.max(Math.abs(dce[0]), Math.abs(dce[1])));
                covered += cover[0] + cover[1];
                total += 2 * reliable;
                String line = String.format(Locale.ROOT, "%8d %7s  %9.4f %12.4f %6d/%-4d %9d/%-4d %13.4f %16.4f %13.4f %d",
                        match[0], element.symbol(), mae[0], mae[1], cover[0], reliable, cover[1], reliable, dce[0],
                        dce[1], bias, reliable);
                out.println(line);
                if (summary != null) {
                    String csv = String.format(Locale.ROOT, "%s,%d,%s,%d,%s,%.4f,%.4f,%.3f,%d,%d,%d,%d,%.5f,%.5f,%.5f,%.4f%n",
                            preset, seed, dir, match[0], element.symbol(), surfaceLevel, dilateUm, depthOffset,
                            cluster, cover[0], cover[1], reliable, mae[0], mae[1], Math.max(Math.abs(dce[0]),
                                    Math.abs(dce[1])), bias);
                    Files.writeString(summary, csv, java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                }
            }
        }
        out.printf(Locale.ROOT, "worst MAE %.4f (target 0.01, aim 0.005); worst |D core-edge error| %.4f (target 0.01);"
                + " coverage %d/%d = %.1f %% (target >= 90 %%); mean n_eff/n %.3f%n", worstMae, worstDce, covered,
                total, 100.0 * covered / Math.max(1, total), neffShare / Math.max(1, neffRows));
        for (ProfileMetrics.Metric m : r.metrics()) {
            if (m.quantity() == ProfileRow.Quantity.RATIO) {
                out.printf(Locale.ROOT, "  p%d %s ratio edge %.4f ± %.4f core %.4f ± %.4f%n", m.particle(),
                        m.element().symbol(), m.edge().value(), m.edge().halfWidth(), m.core().value(),
                        m.core().halfWidth());
            }
        }
    }

    /** Truth at a Table-1 point: the bins whose centres lie in the window, else the nearest. */
    private static double truthPoint(JsonNode particle, String key, double from, double to) {
        JsonNode bins = particle.get("profile");
        double sum = 0;
        double weight = 0;
        double nearest = Double.NaN;
        double nearestDistance = Double.POSITIVE_INFINITY;
        for (JsonNode bin : bins) {
            double c = 0.5 * (bin.get("depthLowUm").asDouble() + bin.get("depthHighUm").asDouble());
            double w = bin.get("samples").asDouble();
            if (c >= from && c <= to) {
                sum += w * bin.get(key).asDouble();
                weight += w;
            }
            if (Math.abs(c - 0.5 * (from + to)) < nearestDistance) {
                nearestDistance = Math.abs(c - 0.5 * (from + to));
                nearest = bin.get(key).asDouble();
            }
        }
        return weight > 0 ? sum / weight : nearest;
    }

    /** Mean (our depth − exact depth) over the particle's hull voxels whose exact depth lies in 0.25–2 µm, µm. */
    private static double depthBias(GradientAnalysis.Result r, int label, JsonNode particle, double[] offset,
            double voxel) {
        int[] s = r.shape();
        double[] centre = new double[3];
        double[] axes = new double[3];
        double[] rot = new double[9];
        for (int a = 0; a < 3; a++) {
            centre[a] = particle.get("centreVoxel").get(a).asDouble() + offset[a];
            axes[a] = particle.get("semiAxesUm").get(a).asDouble();
        }
        for (int k = 0; k < 9; k++) {
            rot[k] = particle.get("rotation").get(k).asDouble();
        }
        double sum = 0;
        long n = 0;
        int[] hulls = r.surface().hulls();
        float[] depth = r.surface().depthUm();
        for (int z = 0; z < s[0]; z++) {
            for (int y = 0; y < s[1]; y++) {
                for (int x = 0; x < s[2]; x++) {
                    int i = (z * s[1] + y) * s[2] + x;
                    if (hulls[i] != label) {
                        continue;
                    }
                    // world offset from the centre, µm: (x, y, z) axes; rotation maps local to world
                    double wx = (x - centre[2]) * voxel;
                    double wy = (y - centre[1]) * voxel;
                    double wz = (z - centre[0]) * voxel;
                    double lx = rot[0] * wx + rot[3] * wy + rot[6] * wz;
                    double ly = rot[1] * wx + rot[4] * wy + rot[7] * wz;
                    double lz = rot[2] * wx + rot[5] * wy + rot[8] * wz;
                    double exact = Ellipsoids.depthBelowSurface(lx, ly, lz, axes[0], axes[1], axes[2]);
                    if (exact >= 0.25 && exact <= 2.0) {
                        sum += depth[i] - exact;
                        n++;
                    }
                }
            }
        }
        return n > 0 ? sum / n : Double.NaN;
    }
}
