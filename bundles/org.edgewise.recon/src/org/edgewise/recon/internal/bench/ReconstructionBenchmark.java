package org.edgewise.recon.internal.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.edgewise.recon.internal.phantom.AnalyticPhantom;
import org.edgewise.recon.FbpOptions;
import org.edgewise.recon.FilteredBackProjection;
import org.edgewise.recon.FourierGridReconstruction;
import org.edgewise.recon.ParallelBeamGeometry;
import org.edgewise.recon.ProjectionSource;
import org.edgewise.recon.SlabReconstructor;
import org.edgewise.recon.SlabwiseReconstruction;

/**
 * Times Edgewise FBP against the peers installed on the machine, in the same run: scikit-image's
 * {@code iradon} (Debian {@code python3-skimage}, run through {@code /usr/bin/python3}) and ctsim's
 * {@code pjrec} (Debian {@code ctsim}).
 * <p>
 * The sinogram is the modified Shepp-Logan phantom with exact line integrals ({@link AnalyticPhantom}), not
 * produced by our projector. skimage reconstructs the very same sinogram (exchanged as raw little-endian float32);
 * its convention {@code t = x·cos θ - y·sin θ} with the centre at pixel {@code N//2} is matched by passing
 * {@code -θ} and by comparing against our reconstruction on an {@code (N+1)²} grid (centre {@code N/2}) cropped
 * to {@code N²}. ctsim simulates and reconstructs its own Shepp-Logan sinogram of the same size ({@code phm2pj},
 * then {@code pjrec} with rfftw filtering, zero padding 1, linear interpolation); it is timed as a process (wall
 * time) and by its own "Run time" line. Every timing is the best of {@code repeats} runs after one warm-up run.
 * <p>
 * Usage: {@code ReconstructionBenchmark [--size N] [--angles M] [--repeats R] [--volume V] [--volume-angles A]
 * [--slab ROWS] [--volume-method gridding|fbp|both] [--no-peers]}; {@code --volume 0} skips the volume run.
 * Both Edgewise methods are timed on the slice: FBP ({@link FilteredBackProjection}) and direct Fourier
 * reconstruction by gridding ({@link FourierGridReconstruction}).
 */
public final class ReconstructionBenchmark {

    /** Benchmark settings. */
    public record Settings(int size, int angles, int repeats, int volumeSize, int volumeAngles, int slabRows,
            boolean peers, String volumeMethod) {

        /** The default: 512² from 360 angles, 512³ volume from 360 projections by gridding. */
        public static final Settings DEFAULT = new Settings(512, 360, 10, 512, 360, 32, true, "gridding");
    }

    private ReconstructionBenchmark() {
    }

    /**
     * Command-line entry point.
     *
     * @param args see the class comment
     * @throws Exception when a peer fails in an unexpected way
     */
    public static void main(String[] args) throws Exception {
        Settings s = Settings.DEFAULT;
        int size = s.size();
        int angles = s.angles();
        int repeats = s.repeats();
        int volume = s.volumeSize();
        int volumeAngles = -1;
        int slab = s.slabRows();
        boolean peers = true;
        String volumeMethod = s.volumeMethod();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--angles" -> angles = Integer.parseInt(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--volume" -> volume = Integer.parseInt(args[++i]);
                case "--volume-angles" -> volumeAngles = Integer.parseInt(args[++i]);
                case "--slab" -> slab = Integer.parseInt(args[++i]);
                case "--no-peers" -> peers = false;
                case "--volume-method" -> volumeMethod = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        run(new Settings(size, angles, repeats, volume, volumeAngles < 0 ? angles : volumeAngles, slab, peers,
                volumeMethod), System.out);
    }

    /**
     * Runs the benchmark and prints a report.
     *
     * @param settings sizes and repeats
     * @param out where the report goes
     * @throws IOException when the scratch files cannot be written
     * @throws InterruptedException when interrupted while waiting for a peer
     */
    public static void run(Settings settings, PrintStream out) throws IOException, InterruptedException {
        int n = settings.size();
        int angles = settings.angles();
        out.printf(Locale.ROOT, "Edgewise reconstruction benchmark: %d² slice from %d angles over 180°%n", n, angles);
        out.printf(Locale.ROOT, "machine: %d cores (availableProcessors), Java %s (%s), max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "load average at start: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        // rotation axis at column n/2 like skimage; the phantom is centred on the axis
        ParallelBeamGeometry geometry = ParallelBeamGeometry.uniform(angles, 180, n).withCenter(n / 2);
        AnalyticPhantom phantom = AnalyticPhantom.sheppLogan(n / 2.0, 1);
        float[] sinogram = phantom.sinogram(geometry, 0);

        FilteredBackProjection fbp = new FilteredBackProjection(geometry, FbpOptions.DEFAULT);
        long t0 = System.nanoTime();
        float[] ours = fbp.reconstructSlice(sinogram);
        double cold = (System.nanoTime() - t0) / 1e9;
        double best = Double.MAX_VALUE;
        double bestDirect = Double.MAX_VALUE;
        for (int r = 0; r < Math.max(1, settings.repeats()); r++) {
            t0 = System.nanoTime();
            ours = fbp.reconstructSlice(sinogram);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            fbp.reconstructSliceDirect(sinogram);
            bestDirect = Math.min(bestDirect, (System.nanoTime() - t0) / 1e9);
        }
        float[] truth = phantom.slice(n, 0, 4);
        out.printf(Locale.ROOT, "edgewise fbp (ramp, grid-symmetry path %s): best %.4f s of %d (first call %.3f s); "
                + "direct path %.4f s%n", fbp.usesGridSymmetry() ? "on" : "off", best, settings.repeats(), cold,
                bestDirect);
        out.printf(Locale.ROOT, "edgewise fbp rms error vs phantom (circle r=%.0f): %.4f%n", 0.95 * n / 2,
                rms(ours, truth, n, 0.95 * n / 2));
        FourierGridReconstruction gridding = new FourierGridReconstruction(geometry, FbpOptions.DEFAULT);
        t0 = System.nanoTime();
        float[] gridded = gridding.reconstructSlice(sinogram);
        double coldGrid = (System.nanoTime() - t0) / 1e9;
        double bestGrid = Double.MAX_VALUE;
        for (int r = 0; r < Math.max(1, settings.repeats()); r++) {
            t0 = System.nanoTime();
            gridded = gridding.reconstructSlice(sinogram);
            bestGrid = Math.min(bestGrid, (System.nanoTime() - t0) / 1e9);
        }
        out.printf(Locale.ROOT, "edgewise gridding (ramp, Kaiser-Bessel W=4, grid %d²): best %.4f s of %d (first call "
                + "%.3f s); rms error vs phantom %.4f; relative rms difference to fbp %.4f%n", gridding.gridSize(),
                bestGrid, settings.repeats(), coldGrid, rms(gridded, truth, n, 0.95 * n / 2),
                rms(gridded, ours, n, 0.95 * n / 2) / rms(ours, new float[n * n], n, 0.95 * n / 2));
        double[] times = {best, bestGrid};

        List<String> summary = new ArrayList<>();
        if (settings.peers()) {
            Path dir = Files.createTempDirectory("edgewise-bench");
            try {
                skimage(settings, geometry, phantom, sinogram, times, dir, out, summary);
                ctsim(settings, times, dir, out, summary);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
        if (settings.volumeSize() > 0) {
            volume(settings, out, summary);
        }
        out.println("summary:");
        for (String line : summary) {
            out.println("  " + line);
        }
    }

    private static void skimage(Settings settings, ParallelBeamGeometry geometry, AnalyticPhantom phantom,
            float[] sinogram, double[] ours, Path dir, PrintStream out, List<String> summary)
            throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) {
            out.println("skimage: /usr/bin/python3 not found, skipped");
            return;
        }
        int n = settings.size();
        int angles = settings.angles();
        Path sino = dir.resolve("sino.f32");
        Path rec = dir.resolve("skimage.f32");
        writeFloats(sino, sinogram);
        String script = String.join("\n",
                "import sys, time, numpy as np",
                "from skimage.transform import iradon",
                "n, m, reps = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])",
                "s = np.fromfile(sys.argv[4], dtype='<f4').reshape(m, n).T.astype(np.float64)",
                // our t = x cos + y sin equals skimage's t = x cos - y sin at -theta
                "theta = -np.arange(m) * 180.0 / m",
                "r = iradon(s, theta=theta, filter_name='ramp', interpolation='linear', circle=True)",
                "best = 1e9",
                "for i in range(reps):",
                "    t = time.perf_counter()",
                "    r = iradon(s, theta=theta, filter_name='ramp', interpolation='linear', circle=True)",
                "    best = min(best, time.perf_counter() - t)",
                "r.astype('<f4').tofile(sys.argv[5])",
                "import skimage",
                "print('skimage', skimage.__version__, 'best', best)");
        Process process = new ProcessBuilder(python.toString(), "-c", script, Integer.toString(n),
                Integer.toString(angles), Integer.toString(Math.max(1, settings.repeats())), sino.toString(),
                rec.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            out.println("skimage: not available (" + output.strip().replace('\n', ' ') + ")");
            return;
        }
        Matcher m = Pattern.compile("skimage (\\S+) best (\\S+)").matcher(output);
        if (!m.find()) {
            out.println("skimage: unexpected output " + output);
            return;
        }
        double time = Double.parseDouble(m.group(2));
        float[] theirs = readFloats(rec, n * n);
        // our slices on skimage's grid: (n+1)² has its centre at n/2 like skimage; crop to n²
        float[] bigTruth = phantom.slice(n + 1, 0, 4);
        float[] truth2 = crop(bigTruth, n);
        double radius = 0.95 * n / 2;
        float[] fbp2 = crop(new FilteredBackProjection(geometry, FbpOptions.DEFAULT.withSize(n + 1))
                .reconstructSlice(sinogram), n);
        float[] grid2 = crop(new FourierGridReconstruction(geometry, FbpOptions.DEFAULT.withSize(n + 1))
                .reconstructSlice(sinogram), n);
        double norm = rmsAbout(theirs, new float[n * n], n, radius);
        double diffFbp = rmsAbout(fbp2, theirs, n, radius) / norm;
        double diffGrid = rmsAbout(grid2, theirs, n, radius) / norm;
        out.printf(Locale.ROOT, "skimage %s iradon (ramp, linear, circle): best %.4f s of %d (in-process timing)%n",
                m.group(1), time, settings.repeats());
        out.printf(Locale.ROOT, "rms error vs phantom on skimage's grid: skimage %.4f, edgewise fbp %.4f, "
                + "edgewise gridding %.4f%n", rmsAbout(theirs, truth2, n, radius), rmsAbout(fbp2, truth2, n, radius),
                rmsAbout(grid2, truth2, n, radius));
        out.printf(Locale.ROOT, "relative rms difference to skimage on the same sinogram: fbp %.2e, gridding %.4f%n",
                diffFbp, diffGrid);
        summary.add(String.format(Locale.ROOT, "vs skimage iradon (%.4f s): fbp %.1fx faster (%.4f s, rel. rms diff "
                + "%.1e), gridding %.1fx faster (%.4f s, rel. rms diff %.3f)", time, time / ours[0], ours[0], diffFbp,
                time / ours[1], ours[1], diffGrid));
    }

    private static float[] crop(float[] big, int n) {
        float[] out = new float[n * n];
        for (int y = 0; y < n; y++) {
            System.arraycopy(big, y * (n + 1), out, y * n, n);
        }
        return out;
    }

    private static void ctsim(Settings settings, double[] ours, Path dir, PrintStream out, List<String> summary)
            throws IOException, InterruptedException {
        Path phm2pj = Path.of("/usr/bin/phm2pj");
        Path pjrec = Path.of("/usr/bin/pjrec");
        if (!Files.isExecutable(phm2pj) || !Files.isExecutable(pjrec)) {
            out.println("ctsim: phm2pj/pjrec not found, skipped");
            return;
        }
        int n = settings.size();
        Path pj = dir.resolve("sl.pj");
        Path image = dir.resolve("out.if");
        Process sim = new ProcessBuilder(phm2pj.toString(), pj.toString(), Integer.toString(n),
                Integer.toString(settings.angles()), "--phantom", "shepp-logan", "--rotangle", "0.5")
                .redirectErrorStream(true).start();
        String simOut = new String(sim.getInputStream().readAllBytes());
        if (!sim.waitFor(5, TimeUnit.MINUTES) || sim.exitValue() != 0) {
            out.println("ctsim: phm2pj failed: " + simOut);
            return;
        }
        double bestWall = Double.MAX_VALUE;
        double bestRun = Double.MAX_VALUE;
        for (int r = 0; r <= Math.max(1, settings.repeats()); r++) {
            long t0 = System.nanoTime();
            Process rec = new ProcessBuilder(pjrec.toString(), pj.toString(), image.toString(), Integer.toString(n),
                    Integer.toString(n), "--filter-method", "rfftw", "--zeropad", "1", "--verbose")
                    .redirectErrorStream(true).start();
            String recOut = new String(rec.getInputStream().readAllBytes());
            if (!rec.waitFor(5, TimeUnit.MINUTES) || rec.exitValue() != 0) {
                out.println("ctsim: pjrec failed: " + recOut);
                return;
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            Matcher m = Pattern.compile("Run time: (\\S+) seconds").matcher(recOut);
            if (r > 0) {
                bestWall = Math.min(bestWall, wall);
                if (m.find()) {
                    bestRun = Math.min(bestRun, Double.parseDouble(m.group(1)));
                }
            }
        }
        out.printf(Locale.ROOT, "ctsim pjrec (rfftw, zeropad 1, linear): best wall %.4f s, best own 'Run time' %.4f s "
                + "of %d%n", bestWall, bestRun, settings.repeats());
        summary.add(String.format(Locale.ROOT, "vs ctsim pjrec (wall %.4f s, own run time %.4f s): fbp %.1fx / %.1fx, "
                + "gridding %.1fx / %.1fx faster", bestWall, bestRun, bestWall / ours[0], bestRun / ours[0],
                bestWall / ours[1], bestRun / ours[1]));
    }

    private static void volume(Settings settings, PrintStream out, List<String> summary) throws IOException {
        int n = settings.volumeSize();
        int angles = settings.volumeAngles();
        ParallelBeamGeometry geometry = ParallelBeamGeometry.uniform(angles, 180, n);
        // a Shepp-Logan cylinder: every detector row has the same exact sinogram (FBP cost does not depend on it)
        float[] sinogram = AnalyticPhantom.sheppLogan(n / 2.0, 1).sinogram(geometry, 0);
        ProjectionSource source = new ProjectionSource() {
            @Override
            public int angleCount() {
                return angles;
            }

            @Override
            public int rows() {
                return n;
            }

            @Override
            public int columns() {
                return n;
            }

            @Override
            public float[] read(int row0, int rowCount) {
                float[] block = new float[angles * rowCount * n];
                for (int a = 0; a < angles; a++) {
                    for (int r = 0; r < rowCount; r++) {
                        System.arraycopy(sinogram, a * n, block, (a * rowCount + r) * n, n);
                    }
                }
                return block;
            }
        };
        String method = settings.volumeMethod();
        List<String> methods = method.equals("both") ? List.of("gridding", "fbp") : List.of(method);
        for (String name : methods) {
            SlabReconstructor reconstructor = switch (name) {
                case "fbp" -> SlabReconstructor.fbp(new FilteredBackProjection(geometry, FbpOptions.DEFAULT));
                case "gridding" -> SlabReconstructor.gridding(new FourierGridReconstruction(geometry,
                        FbpOptions.DEFAULT));
                default -> throw new IllegalArgumentException("volume method must be gridding, fbp or both: " + name);
            };
            double[] checksum = new double[1];
            SlabwiseReconstruction run = new SlabwiseReconstruction(reconstructor, null, settings.slabRows());
            long t0 = System.nanoTime();
            run.run(source, (z0, slices, size, slab) -> checksum[0] += slab[(slices / 2 * size + size / 2) * size
                    + size / 2], null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "edgewise %s volume %d³ from %d projections, slabs of %d rows: %.2f s wall "
                    + "(%.1f ms per slice, max heap %d MB, checksum of slab centres %.3f)%n", name, n, angles, settings.slabRows(),
                    seconds, 1000 * seconds / n, Runtime.getRuntime().maxMemory() >> 20, checksum[0]);
            summary.add(String.format(Locale.ROOT, "%s volume %d³ from %d projections: %.2f s (heap limit %d MB)", name,
                    n, angles, seconds, Runtime.getRuntime().maxMemory() >> 20));
        }
    }

    private static double rms(float[] a, float[] b, int n, double radius) {
        return rmsAbout(a, b, n, radius);
    }

    /** RMS of {@code a - b} over pixels within {@code radius} of the centre {@code (n-1)/2}. */
    private static double rmsAbout(float[] a, float[] b, int n, double radius) {
        double vc = (n - 1) / 2.0;
        double sum = 0;
        long count = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double dx = x - vc;
                double dy = y - vc;
                if (dx * dx + dy * dy <= radius * radius) {
                    double d = a[y * n + x] - b[y * n + x];
                    sum += d * d;
                    count++;
                }
            }
        }
        return Math.sqrt(sum / count);
    }

    private static void writeFloats(Path path, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        Files.write(path, buffer.array());
    }

    private static float[] readFloats(Path path, int count) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length != 4L * count) {
            throw new IOException(path + " has " + bytes.length + " bytes, expected " + 4L * count);
        }
        float[] values = new float[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
