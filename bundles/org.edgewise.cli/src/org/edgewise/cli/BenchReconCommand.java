package org.edgewise.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.edgewise.recon.internal.bench.ReconstructionBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edgewise bench recon}: our FBP and gridding on one slice against scikit-image's {@code iradon} and ctsim's
 * {@code pjrec} when installed ({@code apt-get install python3-skimage ctsim}), then a full volume, with ratios and
 * the relative RMS difference to scikit-image on the same analytic sinogram.
 */
@Command(name = "recon", sortOptions = false,
        description = "Time reconstruction against skimage iradon and ctsim pjrec (when installed) in the same run.")
final class BenchReconCommand implements Callable<Integer> {

    @Option(names = "--size", defaultValue = "512", description = "Slice size in pixels (default ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--angles", defaultValue = "360", description = "Projections over 180° (default ${DEFAULT-VALUE}).")
    private int angles;

    @Option(names = "--repeats", defaultValue = "10", description = "Timed repeats; the best is reported (default ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--volume", defaultValue = "512",
            description = "Edge of the volume reconstructed in full, 0 = skip (default ${DEFAULT-VALUE}).")
    private int volume;

    @Option(names = "--volume-method", defaultValue = "gridding",
            description = "gridding, fbp or both (default ${DEFAULT-VALUE}).")
    private String volumeMethod;

    @Option(names = "--slab", defaultValue = "32", description = "Rows per slab of the volume run (default ${DEFAULT-VALUE}).")
    private int slabRows;

    @Option(names = "--no-peers", description = "Do not run skimage and ctsim.")
    private boolean noPeers;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ReconstructionBenchmark.run(new ReconstructionBenchmark.Settings(size, angles, repeats, volume, angles, slabRows,
                !noPeers, volumeMethod), out);
        return 0;
    }
}
