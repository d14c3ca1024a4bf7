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
import org.edgewise.workflow.SegmentationReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise demo}: the end-to-end run on a built-in simulated dataset.
 * <p>
 * It simulates the dataset (six Data Exchange scans and {@code truth.json}), reconstructs every scan with automatic
 * alignment ({@code edgewise reconstruct}), segments the particles ({@code edgewise segment}) and compares their
 * volume and Feret ratio with the truth; it prints the true edge (0.25–0.30 µm) and core (1.95–2.00 µm) ratios that
 * the depth statistics, still to come, must recover. Every step writes its files under {@code --out}.
 */
@Command(name = "demo", sortOptions = false,
        description = "Run the end-to-end demo on a built-in simulated dataset: simulate, align and reconstruct,"
                + " segment, and compare with the truth.")
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
        if (!noAnalysis) {
            int status = analyse(result, out, err);
            if (status != 0) {
                return status;
            }
        }
        out.println();
        out.println("Next: depth statistics and elemental ratios per particle are not in this build yet. Inspect the");
        out.println("files with h5py or Fiji, list the stages with './edgewise stages', or run './edgewise gui'.");
        return 0;
    }

    /** Reconstructs and segments the simulated scans, then compares each found particle with the nearest true one. */
    private int analyse(Simulator.Result result, PrintWriter out, PrintWriter err) throws IOException {
        Path volumes = this.out.resolve("recon");
        Path segmentation = this.out.resolve("segmentation");
        out.println();
        out.println("Aligning and reconstructing the six scans (edgewise reconstruct) ...");
        int status = EdgewiseCommand.execute(new String[] { "reconstruct", result.directory().toString(), "--out",
                volumes.toString() }, out, err);
        if (status != 0) {
            return status;
        }
        out.println("Segmenting the particles (edgewise segment) ...");
        status = EdgewiseCommand.execute(new String[] { "segment", volumes.resolve("volumes.h5").toString(), "--out",
                segmentation.toString() }, out, err);
        if (status != 0) {
            return status;
        }
        out.println();
        out.println("Particles found against the truth:");
        out.println("particle  volume_um3 (truth)  feret_ratio (truth)  matched_truth");
        double voxelUm = result.truth().voxelUm();
        List<String> lines = Files.readAllLines(segmentation.resolve(SegmentationReport.PARTICLES_FILE));
        List<String> header = List.of(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            java.util.function.ToDoubleFunction<String> column = name -> Double.parseDouble(fields[header.indexOf(
                    name)]);
            double[] centroidUm = { column.applyAsDouble("centroid_z_um"), column.applyAsDouble("centroid_y_um"),
                column.applyAsDouble("centroid_x_um") };
            Simulator.ParticleTruth truth = result.truth().particles().stream()
                    .min(Comparator.comparingDouble(p -> distanceUm(p, centroidUm, voxelUm))).orElseThrow();
            out.printf(Locale.ROOT, "%8s  %9.2f (%6.2f)  %10.3f (%6.3f)  %13d%n", fields[header.indexOf("particle")],
                    column.applyAsDouble("volume_um3"), truth.volumeUm3(), column.applyAsDouble("feret_ratio"),
                    truth.feretRatio(), truth.id());
        }
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

    static double ratio(TruthProfiles.Bin bin, String element) {
        return switch (element) {
        case "Ni" -> bin.ratioNi();
        case "Mn" -> bin.ratioMn();
        case "Co" -> bin.ratioCo();
        default -> throw new IllegalArgumentException(element);
        };
    }
}
