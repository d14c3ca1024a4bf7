package org.edgewise.cli;

import java.io.PrintWriter;
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
 * This build simulates the dataset (six Data Exchange scans and {@code truth.json}) and prints the truth that the
 * analysis must recover: the paper's edge (0.25–0.30 µm) and core (1.95–2.00 µm) ratios per element and particle.
 * The analysis stages (alignment, reconstruction, segmentation, depth statistics) join the demo as they land.
 */
@Command(name = "demo", sortOptions = false,
        description = "Run the end-to-end demo on a built-in simulated dataset (this build: simulate it and show"
                + " the truth the analysis must recover).")
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
        out.println();
        out.println("Next: the analysis stages are not in this build yet. Inspect the scans with h5py or Fiji,");
        out.println("list the pipeline stages with './edgewise stages', or open the workbench with './edgewise gui'.");
        return 0;
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
