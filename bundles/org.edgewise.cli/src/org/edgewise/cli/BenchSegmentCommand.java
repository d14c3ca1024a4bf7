package org.edgewise.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.edgewise.segment.DistanceTransforms;
import org.edgewise.segment.Labelling;
import org.edgewise.segment.Thresholds;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise bench segment}: our exact EDT, 26-connected labelling and Otsu threshold against SciPy's
 * {@code distance_transform_edt}, {@code label} and scikit-image's {@code threshold_otsu} on the same synthetic
 * volume (overlapping balls plus noise), with the ratios and the differences of the results.
 */
@Command(name = "segment", sortOptions = false,
        description = { "Time our EDT, labelling and Otsu against SciPy/scikit-image (Debian python3-scipy,"
                + " python3-skimage) on the same N³ volume; prints the ratios and checks the results agree." })
final class BenchSegmentCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--size", defaultValue = "256", description = "Edge of the cubic volume (default ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--repeats", defaultValue = "3",
            description = "Runs of each of our algorithms; the best time counts (default ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--python-repeats", defaultValue = "1",
            description = "Runs of each reference algorithm; the best time counts (default ${DEFAULT-VALUE}).")
    private int pythonRepeats;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "Python with numpy, scipy and scikit-image (default ${DEFAULT-VALUE}).")
    private String python;

    static final String SCRIPT = String.join("\n",
            "import sys, time, json",
            "import numpy as np",
            "from scipy import ndimage",
            "import scipy, skimage",
            "from skimage.filters import threshold_otsu",
            "d, n, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])",
            "mask = np.fromfile(d + '/mask.u8', dtype=np.uint8).reshape(n, n, n)",
            "vol = np.fromfile(d + '/volume.f32', dtype=np.float32).reshape(n, n, n)",
            "def best(f):",
            "    ts = []",
            "    for _ in range(reps):",
            "        t = time.perf_counter(); r = f(); ts.append(time.perf_counter() - t)",
            "    return min(ts), r",
            "t_edt, edt = best(lambda: ndimage.distance_transform_edt(mask))",
            "ours = np.fromfile(d + '/edt.f32', dtype=np.float32).reshape(n, n, n).astype(np.float64)",
            "diff = np.abs(ours - edt)",
            "edt_max = float(diff.max()); edt_rel = float((diff / np.maximum(edt, 1)).max())",
            "del ours, diff, edt",
            "t_lab, (lab, count) = best(lambda: ndimage.label(mask, structure=np.ones((3, 3, 3), dtype=bool)))",
            "ourl = np.fromfile(d + '/labels.i32', dtype=np.int32).reshape(n, n, n)",
            "same = bool(np.array_equal(ourl, lab))",
            "del ourl, lab",
            "t_otsu, th = best(lambda: threshold_otsu(vol))",
            "print('RESULT ' + json.dumps({'edt_s': t_edt, 'edt_max_abs': edt_max, 'edt_max_rel': edt_rel,",
            "    'label_s': t_lab, 'label_count': int(count), 'labels_identical': same,",
            "    'otsu_s': t_otsu, 'otsu': float(th), 'scipy': scipy.__version__, 'skimage': skimage.__version__}))",
            "");

    @Override
    public Integer call() throws Exception {
        if (size < 8 || size > 1024) {
            throw new IllegalArgumentException("--size must lie in 8..1024, was " + size);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int n = size;
        err.printf(Locale.ROOT, "building a %d³ volume of overlapping balls with noise ...%n", n);
        err.flush();
        byte[] mask = balls(n, 17);
        float[] volume = noisy(mask, 0.25, 18);

        double tEdt = Double.POSITIVE_INFINITY;
        double tLabel = Double.POSITIVE_INFINITY;
        double tOtsu = Double.POSITIVE_INFINITY;
        float[] edt = null;
        int[] labels = new int[mask.length];
        int count = 0;
        double otsu = Double.NaN;
        for (int r = 0; r < repeats; r++) {
            edt = null; // let the previous result go before timing the next
            long t0 = System.nanoTime();
            edt = DistanceTransforms.edt(mask, n, n, n);
            long t1 = System.nanoTime();
            count = Labelling.label(mask, n, n, n, labels);
            long t2 = System.nanoTime();
            otsu = Thresholds.otsu(volume);
            long t3 = System.nanoTime();
            tEdt = Math.min(tEdt, (t1 - t0) / 1e9);
            tLabel = Math.min(tLabel, (t2 - t1) / 1e9);
            tOtsu = Math.min(tOtsu, (t3 - t2) / 1e9);
            err.printf(Locale.ROOT, "ours, run %d: EDT %.3f s, label %.3f s, Otsu %.3f s%n", r + 1, (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, (t3 - t2) / 1e9);
            err.flush();
        }

        Path work = Files.createTempDirectory("edgewise-bench-segment");
        String json;
        try {
            write(work.resolve("mask.u8"), ByteBuffer.wrap(mask));
            write(work.resolve("volume.f32"), floats(volume));
            write(work.resolve("edt.f32"), floats(edt));
            edt = null;
            write(work.resolve("labels.i32"), ints(labels));
            err.println("running SciPy / scikit-image (" + python + ") ...");
            err.flush();
            json = runPython(work, n, err);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        double pyEdt = number(json, "edt_s");
        double pyLabel = number(json, "label_s");
        double pyOtsu = number(json, "otsu_s");
        int pyCount = (int) number(json, "label_count");
        double pyThreshold = number(json, "otsu");
        boolean identical = json.contains("\"labels_identical\": true");

        out.printf(Locale.ROOT, "bench segment: %d³ voxels (%.0f%% foreground), %d processors, Java %s, SciPy %s,"
                + " scikit-image %s%n", n, 100.0 * foreground(mask) / mask.length,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), text(json, "scipy"),
                text(json, "skimage"));
        out.printf(Locale.ROOT, "best of %d (ours) and %d (reference) runs%n", repeats, pythonRepeats);
        out.printf(Locale.ROOT, "%-22s %10s %12s %9s  %s%n", "", "ours", "reference", "speed-up", "agreement");
        out.printf(Locale.ROOT, "%-22s %9.3fs %11.3fs %8.1f×  max |ours − scipy| = %.3g (relative %.3g)%n",
                "EDT (exact)", tEdt, pyEdt, pyEdt / tEdt, number(json, "edt_max_abs"), number(json, "edt_max_rel"));
        out.printf(Locale.ROOT, "%-22s %9.3fs %11.3fs %8.1f×  %d vs %d components, labels %s%n",
                "label (26-connected)", tLabel, pyLabel, pyLabel / tLabel, count, pyCount,
                identical ? "identical" : "DIFFERENT");
        out.printf(Locale.ROOT, "%-22s %9.3fs %11.3fs %8.1f×  threshold %.7g vs %.7g%n", "Otsu (256 bins)", tOtsu,
                pyOtsu, pyOtsu / tOtsu, otsu, pyThreshold);
        boolean agree = identical && count == pyCount && number(json, "edt_max_rel") < 1e-6
                && Math.abs(otsu - pyThreshold) <= 1e-5 * Math.max(1, Math.abs(pyThreshold));
        if (!agree) {
            err.println("edgewise bench segment: our results differ from the reference (see above)");
            return 1;
        }
        return 0;
    }

    /** Overlapping balls of radius 4–12% of the edge, about a third of the volume. */
    static byte[] balls(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] mask = new byte[n * n * n];
        int balls = 60;
        for (int b = 0; b < balls; b++) {
            double cz = random.nextDouble() * n;
            double cy = random.nextDouble() * n;
            double cx = random.nextDouble() * n;
            double r = n * (0.04 + 0.08 * random.nextDouble());
            int z0 = (int) Math.max(0, Math.floor(cz - r));
            int z1 = (int) Math.min(n - 1, Math.ceil(cz + r));
            int y0 = (int) Math.max(0, Math.floor(cy - r));
            int y1 = (int) Math.min(n - 1, Math.ceil(cy + r));
            int x0 = (int) Math.max(0, Math.floor(cx - r));
            int x1 = (int) Math.min(n - 1, Math.ceil(cx + r));
            for (int z = z0; z <= z1; z++) {
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        double d = (z - cz) * (z - cz) + (y - cy) * (y - cy) + (x - cx) * (x - cx);
                        if (d <= r * r) {
                            mask[(z * n + y) * n + x] = 1;
                        }
                    }
                }
            }
        }
        return mask;
    }

    static float[] noisy(byte[] mask, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[mask.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (mask[i] + sigma * (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5)
                    * 2);
        }
        return v;
    }

    private static long foreground(byte[] mask) {
        long c = 0;
        for (byte b : mask) {
            c += b;
        }
        return c;
    }

    private static ByteBuffer floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.nativeOrder());
        b.asFloatBuffer().put(values);
        return b;
    }

    private static ByteBuffer ints(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.nativeOrder());
        b.asIntBuffer().put(values);
        return b;
    }

    private static void write(Path file, ByteBuffer data) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            data.rewind();
            while (data.hasRemaining()) {
                channel.write(data);
            }
        }
    }

    private String runPython(Path work, int n, PrintWriter err) throws IOException, InterruptedException {
        Path script = work.resolve("bench_segment.py");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        Process process;
        try {
            process = new ProcessBuilder(List.of(python, script.toString(), work.toString(), Integer.toString(n),
                    Integer.toString(pythonRepeats))).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot start " + python + " (install python3-scipy and python3-skimage, or give"
                    + " --python): " + e.getMessage(), e);
        }
        try (OutputStream in = process.getOutputStream()) {
            // no input
        }
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                all.append(line).append('\n');
                if (line.startsWith("RESULT ")) {
                    result = line.substring(7);
                }
            }
        }
        int code = process.waitFor();
        if (code != 0 || result == null) {
            throw new IOException(python + " failed (exit " + code + "): " + all.toString().trim());
        }
        return result;
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-+0-9.eE]+|NaN|Infinity)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no '" + key + "' in the reference output " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String text(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
