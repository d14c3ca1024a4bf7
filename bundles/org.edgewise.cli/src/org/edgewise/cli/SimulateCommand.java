package org.edgewise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.edgewise.physics.phantom.Architecture;
import org.edgewise.physics.phantom.ProfileModel;
import org.edgewise.physics.phantom.SimulationSettings;
import org.edgewise.physics.phantom.Simulator;
import org.edgewise.physics.phantom.TabulatedProfile;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise simulate}: a dual-energy TXM run of simulated cathode particles, written as six Data Exchange
 * files plus {@code truth.json}.
 */
@Command(name = "simulate", sortOptions = false,
        description = { "Simulate a dual-energy TXM run (Mn, Co, Ni below/above their K edges) of cathode particles"
                + " with a known composition gradient: six Data Exchange HDF5 files and truth.json." })
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    static final class Composition {
        @Option(names = "--preset", paramLabel = "NAME",
                description = "Gradient architecture of the paper: 63ni, 80ni or 86ni (default 63ni).")
        String preset;

        @Option(names = "--profile", paramLabel = "CSV",
                description = "User-defined profile: CSV with header depth_um,ni,mn,co.")
        Path profile;
    }

    @ArgGroup(exclusive = true)
    private Composition composition = new Composition();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    private Path out;

    @Option(names = "--size", defaultValue = "128", description = "Detector rows = columns (default ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--angles", defaultValue = "180", description = "Projections over 180° (default ${DEFAULT-VALUE}).")
    private int angles;

    @Option(names = "--flux", defaultValue = "2e4",
            description = "Incident counts per pixel at the beam centre (default ${DEFAULT-VALUE}).")
    private double flux;

    @Option(names = "--particles", defaultValue = "2", description = "Number of particles (default ${DEFAULT-VALUE}).")
    private int particles;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--pixel-size", defaultValue = "0", paramLabel = "UM",
            description = "Pixel size at the lowest energy, µm (default: the smallest that fits the particles).")
    private double pixelSizeUm;

    @Option(names = "--jitter", defaultValue = "0.5", paramLabel = "PX",
            description = "σ of the per-projection stage jitter, pixels (default ${DEFAULT-VALUE}).")
    private double jitterPx;

    @Option(names = "--centre-offset", defaultValue = "3", paramLabel = "PX",
            description = "Largest rotation-centre offset per scan, pixels (default ${DEFAULT-VALUE}).")
    private double centreOffsetPx;

    @Option(names = "--magnification-error", defaultValue = "0.003",
            description = "Largest per-scan magnification error, fraction (default ${DEFAULT-VALUE}).")
    private double magnificationError;

    @Option(names = "--energy-scaled-pixel", description = "Pixel size proportional to the energy, as at a TXM.")
    private boolean energyScaledPixel;

    @Option(names = "--subsamples", defaultValue = "1",
            description = "Rays per pixel along each direction, 1–4 (default ${DEFAULT-VALUE}).")
    private int subsamples;

    @Option(names = "--float32", description = "Store float32 counts instead of uint16.")
    private boolean float32;

    @Option(names = "--touching", defaultValue = "0", paramLabel = "UM",
            description = "Move the second particle to touch the first, overlapping by this much, µm (default: apart).")
    private double touchingUm;

    @Option(names = "--lithium", defaultValue = "1", paramLabel = "L",
            description = "Li per formula unit of the material, e.g. 1.07 (default ${DEFAULT-VALUE}).")
    private double lithium;

    @Option(names = "--energy-error-ev", defaultValue = "0", paramLabel = "EV",
            description = "True beam energy minus the energy written to the files, eV (default ${DEFAULT-VALUE}).")
    private double energyErrorEv;

    @Override
    public Integer call() throws Exception {
        ProfileModel profile = composition.profile != null ? TabulatedProfile.read(composition.profile)
                : Architecture.preset(composition.preset == null ? "63ni" : composition.preset);
        SimulationSettings settings = new SimulationSettings(profile, size, angles, flux, particles, seed, pixelSizeUm,
                jitterPx, centreOffsetPx, magnificationError, energyScaledPixel, subsamples, float32);
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Simulator.Result result = Simulator.run(settings, new Simulator.Variations(touchingUm, lithium,
                energyErrorEv / 1000), out, line -> {
            err.println(line);
            err.flush();
        });
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "Simulated %d scans of %d×%d×%d (%s, %d particle(s), seed %d) in %.1f s%n",
                result.files().size(), angles, size, size, profile.name(), particles, seed,
                (System.nanoTime() - start) / 1e9);
        o.println("Wrote " + result.directory().toAbsolutePath() + " (" + Simulator.TRUTH_FILE + " holds the truth)");
        return 0;
    }
}
