package org.edgewise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.edgewise.physics.phantom.Architecture;
import org.edgewise.physics.phantom.FieldSettings;
import org.edgewise.physics.phantom.FieldSimulator;
import org.edgewise.physics.phantom.FieldSpec;
import org.edgewise.physics.phantom.ProfileModel;
import org.edgewise.physics.phantom.SimulationSettings;
import org.edgewise.physics.phantom.Simulator;
import org.edgewise.physics.phantom.TabulatedProfile;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise simulate}: a dual-energy TXM run of simulated cathode particles, written as six Data Exchange
 * files plus {@code truth.json}; with {@code --field}, a full-size field of many particles ({@link FieldSimulator}).
 */
@Command(name = "simulate", sortOptions = false,
        description = { "Simulate a dual-energy TXM run (Mn, Co, Ni below/above their K edges) of cathode particles"
                + " with a known composition gradient: six Data Exchange HDF5 files and truth.json." })
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    static final class Composition {
        @Option(names = "--preset", paramLabel = "NAME",
                description = "Gradient architecture of the paper: 63ni, 80ni or 86ni (default 63ni); with --field a"
                        + " comma-separated list to mix, e.g. 63ni,80ni,86ni.")
        String preset;

        @Option(names = "--profile", paramLabel = "CSV",
                description = "User-defined profile: CSV with header depth_um,ni,mn,co.")
        Path profile;
    }

    @ArgGroup(exclusive = true)
    private Composition composition = new Composition();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    private Path out;

    @Option(names = "--field", description = "A large field of many particles (sizes, shapes, orientations and"
            + " architectures drawn at random; some touching, some cut by the field's edges), streamed to disk.")
    private boolean field;

    @Option(names = "--size", description = "Detector columns (default 128, with --field 1224); rows too without"
            + " --field.")
    private Integer size;

    @Option(names = "--rows", description = "Detector rows with --field (default: columns × 2048/2448, 1024 for 1224).")
    private Integer rows;

    @Option(names = "--angles", description = "Projections over 180° (default 180, with --field 721).")
    private Integer angles;

    @Option(names = "--flux", defaultValue = "2e4",
            description = "Incident counts per pixel at the beam centre (default ${DEFAULT-VALUE}).")
    private double flux;

    @Option(names = "--particles", description = "Number of particles (default 2, with --field 24).")
    private Integer particles;

    @Option(names = "--diameter", defaultValue = "5.5", paramLabel = "UM",
            description = "With --field: median particle diameter, µm (default ${DEFAULT-VALUE}; 12 %% log spread).")
    private double diameterUm;

    @Option(names = "--touching", defaultValue = "0.3", paramLabel = "SHARE",
            description = "With --field: share of particles placed touching a neighbour (default ${DEFAULT-VALUE}).")
    private double touching;

    @Option(names = "--gzip", defaultValue = "0", paramLabel = "LEVEL",
            description = "With --field: gzip level of the projections, 0 (none, default) to 9.")
    private int gzip;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--pixel-size", defaultValue = "0", paramLabel = "UM",
            description = "Pixel size at the lowest energy, µm (default: the smallest that fits the particles; with"
                    + " --field, a 50 µm wide field).")
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

    @Option(names = "--touching-um", defaultValue = "0", paramLabel = "UM",
            description = "Without --field: move the second particle to touch the first, overlapping by this much, µm"
                    + " (default: apart).")
    private double touchingUm;

    @Option(names = "--lithium", defaultValue = "1", paramLabel = "L",
            description = "Li per formula unit of the material, e.g. 1.07 (default ${DEFAULT-VALUE}).")
    private double lithium;

    @Option(names = "--energy-error-ev", defaultValue = "0", paramLabel = "EV",
            description = "True beam energy minus the energy written to the files, eV (default ${DEFAULT-VALUE}).")
    private double energyErrorEv;

    @Override
    public Integer call() throws Exception {
        List<ProfileModel> models = new ArrayList<>();
        if (composition.profile != null) {
            models.add(TabulatedProfile.read(composition.profile));
        } else {
            for (String name : (composition.preset == null ? "63ni" : composition.preset).split(",")) {
                models.add(Architecture.preset(name));
            }
        }
        if (field) {
            return simulateField(models);
        }
        if (models.size() > 1) {
            throw new ParameterException(spec.commandLine(), "mixing presets needs --field");
        }
        ProfileModel profile = models.get(0);
        int side = size == null ? 128 : size;
        int angleCount = angles == null ? 180 : angles;
        int particleCount = particles == null ? 2 : particles;
        SimulationSettings settings = new SimulationSettings(profile, side, angleCount, flux, particleCount, seed,
                pixelSizeUm, jitterPx, centreOffsetPx, magnificationError, energyScaledPixel, subsamples, float32);
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Simulator.Result result = Simulator.run(settings, new Simulator.Variations(touchingUm, lithium,
                energyErrorEv / 1000), out, line -> {
            err.println(line);
            err.flush();
        });
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "Simulated %d scans of %d×%d×%d (%s, %d particle(s), seed %d) in %.1f s%n",
                result.files().size(), angleCount, side, side, profile.name(), particleCount, seed,
                (System.nanoTime() - start) / 1e9);
        o.println("Wrote " + result.directory().toAbsolutePath() + " (" + Simulator.TRUTH_FILE + " holds the truth)");
        return 0;
    }

    private int simulateField(List<ProfileModel> models) throws Exception {
        if (float32) {
            throw new ParameterException(spec.commandLine(), "--float32 is not available with"
                    + " --field (counts are written as uint16)");
        }
        int columns = size == null ? 1224 : size;
        int detectorRows = rows == null ? (int) Math.round(columns * 2048.0 / 2448) : rows;
        FieldSpec paperLike = FieldSpec.paperLike(models, particles == null ? 24 : particles);
        FieldSpec fieldSpec = new FieldSpec(paperLike.particles(), models, diameterUm, paperLike.diameterSpread(),
                paperLike.feretRatioMin(), paperLike.feretRatioMax(), paperLike.porosity(), paperLike.shellStepUm(),
                touching, paperLike.maxOverlap(), paperLike.gap());
        FieldSettings settings = new FieldSettings(fieldSpec, columns, detectorRows, angles == null ? 721 : angles,
                flux, seed, pixelSizeUm, jitterPx, centreOffsetPx, magnificationError, energyScaledPixel, subsamples,
                gzip);
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        FieldSimulator.Result result = FieldSimulator.run(settings, out, line -> {
            err.println(line);
            err.flush();
        });
        spec.commandLine().getOut().printf(Locale.ROOT,
                "Simulated %d scans of %d×%d×%d (field of %d particles, %s, seed %d) in %.1f s%nWrote %s (%s holds"
                        + " the truth)%n", result.files().size(), settings.angles(), detectorRows, columns,
                result.field().particles().size(), result.field().phantom().profileName(), seed,
                (System.nanoTime() - start) / 1e9, result.directory().toAbsolutePath(), Simulator.TRUTH_FILE);
        return 0;
    }
}
