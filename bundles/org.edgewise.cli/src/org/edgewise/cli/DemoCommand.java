package org.edgewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.edgewise.core.RuntimeInfo;
import org.edgewise.physics.phantom.Architecture;
import org.edgewise.physics.phantom.SimulationSettings;
import org.edgewise.physics.phantom.Simulator;
import org.edgewise.physics.phantom.TruthProfiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise demo}: the end-to-end run on a built-in simulated dataset.
 * <p>
 * It simulates the dataset (six Data Exchange scans and {@code truth.json}) into {@code --out}, runs
 * {@code edgewise analyze} on it into {@code --out/analysis}, and prints the recovered Table-1 rows (edge and core
 * points, core − edge; ratio and calibrated fraction) next to the truth, and where the report is.
 */
@Command(name = "demo", sortOptions = false,
        description = "Run the end-to-end demo on a built-in simulated dataset: simulate, analyze, and compare the"
                + " recovered Table 1 with the truth.",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = { ExitCodes.OK, ExitCodes.RUN, ExitCodes.USAGE,
            ExitCodes.INPUT, ExitCodes.OUTPUT, ExitCodes.CANCELLED }, footer = { "",
                "The analysis is 'edgewise analyze' into --out/analysis: its failures and exit codes are analyze's.",
                ExitCodes.VERBOSE })
final class DemoCommand implements Callable<Integer> {

    /** Depth bins that the paper's Table 1 compares, µm (edge and core points). */
    static final double EDGE_DEPTH_UM = 0.275;
    static final double CORE_DEPTH_UM = 1.975;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", defaultValue = "edgewise-demo", paramLabel = "DIR",
            description = "Output folder (default ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--preset", defaultValue = "63ni", description = "63ni, 80ni or 86ni (default ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--size", defaultValue = "128", description = "Detector rows = columns (default ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--angles", defaultValue = "180", description = "Projections over 180° (default ${DEFAULT-VALUE}).")
    private int angles;

    @Option(names = "--no-analysis", description = "Only simulate and print the truth.")
    private boolean noAnalysis;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuntimeInfo info = RuntimeInfo.current();
        out.printf(Locale.ROOT, "Edgewise %s demo: preset %s, %d×%d detector, %d angles%n", info.edgewiseVersion(),
                preset, size, size, angles);
        SimulationSettings settings = new SimulationSettings(Architecture.preset(preset), size, angles, 2e4, 2, 7, 0,
                0.5, 3, 0.003, false, 1, false);
        Simulator.Result result = Simulator.run(settings, this.out, line -> {
            err.println("  " + line);
            err.flush();
        });
        out.println("Wrote " + result.files().size() + " scans and " + Simulator.TRUTH_FILE + " to "
                + result.directory().toAbsolutePath());
        if (!noAnalysis) {
            return analyse(result, out, err);
        }
        out.println();
        out.println("Truth the analysis must recover (paper's ratio Δμ_El / ΣΔμ, Table 1 depths):");
        out.println("particle  volume_um3  feret_ratio  element  edge(0.25-0.30um)  core(1.95-2.00um)  core-edge");
        for (Simulator.ParticleTruth particle : result.truth().particles()) {
            TruthProfiles.Bin edge = nearest(particle.profile(), EDGE_DEPTH_UM);
            TruthProfiles.Bin core = nearest(particle.profile(), CORE_DEPTH_UM);
            for (String element : List.of("Ni", "Mn", "Co")) {
                double edgeRatio = ratio(edge, element);
                double coreRatio = ratio(core, element);
                out.printf(Locale.ROOT, "%8d  %10.1f  %11.2f  %7s  %17.4f  %17.4f  %9.4f%n", particle.id(),
                        particle.volumeUm3(), particle.feretRatio(), element, edgeRatio, coreRatio,
                        coreRatio - edgeRatio);
            }
        }
        return 0;
    }

    /** Runs {@code edgewise analyze} on the simulated scans, then prints the recovered Table 1 next to the truth. */
    private int analyse(Simulator.Result result, PrintWriter out, PrintWriter err) throws IOException {
        Path analysis = this.out.resolve("analysis");
        out.println();
        out.println("Analysing the six scans (edgewise analyze " + result.directory() + " --out " + analysis + ") ...");
        out.flush();
        int status = EdgewiseCommand.execute(new String[] { "analyze", result.directory().toString(), "--out",
            analysis.toString() }, new PrintWriter(new java.io.StringWriter()), err);
        if (status != 0) {
            return status;
        }
        List<String> particles = Files.readAllLines(analysis.resolve("particles.csv"));
        List<String> header = List.of(particles.get(0).split(","));
        List<String> metrics = Files.readAllLines(analysis.resolve("metrics.csv"));
        List<String> metricHeader = List.of(metrics.get(0).split(","));
        double voxelUm = result.truth().voxelUm();
        out.println();
        out.println("Recovered Table 1 (paper's ratio Δμ_El/ΣΔμ and calibrated atomic fraction, 99 % CI) vs truth:");
        out.println("particle (truth)  element  quantity   edge 0.25-0.30um (truth)      core 1.95-2.00um (truth)"
                + "      core-edge (truth)");
        for (String line : particles.subList(1, particles.size())) {
            String[] f = line.split(",");
            double[] centroidUm = { Double.parseDouble(f[header.indexOf("centroid_z_um")]),
                Double.parseDouble(f[header.indexOf("centroid_y_um")]),
                Double.parseDouble(f[header.indexOf("centroid_x_um")]) };
            Simulator.ParticleTruth truth = result.truth().particles().stream()
                    .min(Comparator.comparingDouble(p -> distanceUm(p, centroidUm, voxelUm))).orElseThrow();
            String label = f[header.indexOf("particle")];
            for (String m : metrics.subList(1, metrics.size())) {
                String[] g = m.split(",");
                if (!g[metricHeader.indexOf("particle")].equals(label)) {
                    continue;
                }
                String element = g[metricHeader.indexOf("element")];
                String quantity = g[metricHeader.indexOf("quantity")];
                double edge = Double.parseDouble(g[metricHeader.indexOf("edge_value")]);
                double core = Double.parseDouble(g[metricHeader.indexOf("core_value")]);
                double trueEdge = value(nearest(truth.profile(), EDGE_DEPTH_UM), element, quantity);
                double trueCore = value(nearest(truth.profile(), CORE_DEPTH_UM), element, quantity);
                out.printf(Locale.ROOT, "%4s (%d)  %11s  %-8s  %.4f ± %.4f (%.4f)      %.4f ± %.4f (%.4f)      %+.4f"
                        + " (%+.4f)%n", label, truth.id(), element, quantity, edge,
                        Double.parseDouble(g[metricHeader.indexOf("edge_ci")]), trueEdge, core,
                        Double.parseDouble(g[metricHeader.indexOf("core_ci")]), trueCore, core - edge,
                        trueCore - trueEdge);
            }
        }
        out.println();
        out.println("The report: " + analysis.resolve("report.html").toAbsolutePath());
        out.println("All results: " + analysis.toAbsolutePath() + " (particles.csv, profiles.csv, metrics.csv, results.h5,"
                + " provenance.json)");
        return 0;
    }

    /** Distance between a measured centroid {z, y, x} (µm from the volume corner) and a true particle's centre. */
    private static double distanceUm(Simulator.ParticleTruth truth, double[] centroidUm, double voxelUm) {
        double sum = 0;
        for (int axis = 0; axis < 3; axis++) {
            double difference = truth.centreVoxel()[axis] * voxelUm - centroidUm[axis];
            sum += difference * difference;
        }
        return Math.sqrt(sum);
    }

    /** @return the truth bin whose centre lies nearest {@code depthUm} */
    static TruthProfiles.Bin nearest(List<TruthProfiles.Bin> profile, double depthUm) {
        return profile.stream()
                .min(Comparator.comparingDouble(bin -> Math.abs(0.5 * (bin.depthLowUm() + bin.depthHighUm()) - depthUm)))
                .orElseThrow(() -> new IllegalStateException("the simulated particle has an empty depth profile"));
    }

    static double value(TruthProfiles.Bin bin, String element, String quantity) {
        if (quantity.equals("ratio")) {
            return ratio(bin, element);
        }
        return switch (element) {
        case "Ni" -> bin.fractionNi();
        case "Mn" -> bin.fractionMn();
        case "Co" -> bin.fractionCo();
        default -> throw new IllegalArgumentException(element);
        };
    }

    static double ratio(TruthProfiles.Bin bin, String element) {
        return switch (element) {
        case "Ni" -> bin.ratioNi();
        case "Mn" -> bin.ratioMn();
        case "Co" -> bin.ratioCo();
        default -> throw new IllegalArgumentException(element);
        };
    }
}
