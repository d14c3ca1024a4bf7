package org.edgewise.ui.tests.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Locale;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.edgewise.ui.image.ColourMap;
import org.edgewise.ui.image.DisplayRange;
import org.edgewise.ui.image.FloatSlice;
import org.edgewise.ui.image.ImageCanvas;
import org.edgewise.ui.image.OrthoSliceViewer;
import org.edgewise.ui.image.SliceRenderer;
import org.edgewise.ui.image.SliceView;
import org.edgewise.ui.image.StackAxes;
import org.edgewise.ui.image.StackSlicer;
import org.edgewise.ui.tests.Ui;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * How fast the canvas shows slices of a 512³ float volume (512 MB). Not part of the normal test run (it prints
 * times and asserts only correctness): {@code EDGEWISE_BENCH=1 xvfb-run -a ./mvnw -o verify -pl ...
 * -Dtest=CanvasSpeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; results in docs/benchmarks.md.
 */
@EnabledIfEnvironmentVariable(named = "EDGEWISE_BENCH", matches = "1")
class CanvasSpeedBenchmark {

    private static final int N = 512;

    /**
     * The Reconstruction perspective's preview (read one row, normalise, reconstruct) on the first scan of each
     * folder in {@code EDGEWISE_BENCH_SCANS} (comma-separated), default parameters, best and median of 10 after one
     * warm-up.
     */
    @Test
    void previewSliceOfRealSizedScans() throws Exception {
        String folders = System.getenv("EDGEWISE_BENCH_SCANS");
        if (folders == null || folders.isBlank()) {
            return;
        }
        for (String folder : folders.split(",")) {
            java.util.List<org.edgewise.ui.data.DatasetEntry> scans = new org.edgewise.ui.data.DatasetLoader(1L << 32)
                    .open(java.nio.file.Path.of(folder.trim()), line -> { });
            org.edgewise.ui.data.DatasetEntry scan = scans.get(0);
            org.edgewise.ui.recon.ReconstructionPreview preview = org.edgewise.ui.recon.ReconstructionPreview.of(scan);
            var model = org.edgewise.api.parameters.Parameters.defaults(
                    org.edgewise.recon.stages.ReconstructModel.class);
            preview.slice(preview.rows() / 2, model, new org.eclipse.january.IMonitor.Stub());
            double[] millis = new double[10];
            for (int k = 0; k < millis.length; k++) {
                long start = System.nanoTime();
                preview.slice(preview.rows() / 2 + k, model, new org.eclipse.january.IMonitor.Stub());
                millis[k] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "BENCH preview %s (%s): best %.0f ms, median %.0f ms%n", scan.name(),
                    scan.shapeText(), millis[0], millis[millis.length / 2]);
        }
    }

    @Test
    void slicesOf512CubedVolume() throws Exception {
        float[] values = new float[N * N * N];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 9973) * 1e-4f;
        }
        FloatDataset volume = DatasetFactory.createFromObject(FloatDataset.class, values, N, N, N);

        // off the display thread: read one slice and colour it into an ImageData, per axis
        for (int axis = 0; axis < 3; axis++) {
            double[] millis = new double[40];
            for (int k = 0; k < millis.length; k++) {
                long start = System.nanoTime();
                FloatSlice slice = StackSlicer.floats(volume, axis, (k * 37) % N);
                int[] rgb = SliceRenderer.colourMap(slice, ColourMap.VIRIDIS, new DisplayRange(0, 1));
                SliceRenderer.toImageData(rgb, slice.width(), slice.height());
                millis[k] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "BENCH worker: axis %d slice+colour+ImageData median %.1f ms, max %.1f ms%n",
                    axis, millis[millis.length / 2], millis[millis.length - 1]);
        }

        Shell shell = Ui.shell(1100, 1000);
        shell.open();
        try {
            OrthoSliceViewer viewer = new OrthoSliceViewer(shell, SWT.NONE);
            shell.layout(true, true);
            long start = System.nanoTime();
            viewer.setVolume(volume, StackAxes.volume(0.1, "1/µm"));
            Ui.waitUntil(() -> !viewer.isRenderPending(), "first slices");
            System.out.printf(Locale.ROOT, "BENCH first three orthoslices incl. automatic range: %.0f ms%n",
                    (System.nanoTime() - start) / 1e6);

            // step the cursor 100 times and wait for all three planes each time (latency of one step)
            start = System.nanoTime();
            for (int step = 0; step < 100; step++) {
                viewer.setCursorVoxel(new int[] { (step * 5) % N, (step * 3) % N, (step * 7) % N });
                Ui.waitUntil(() -> !viewer.isRenderPending(), "step");
            }
            System.out.printf(Locale.ROOT, "BENCH cursor step, three 512×512 planes re-rendered and painted: %.1f ms"
                    + " per step%n", (System.nanoTime() - start) / 1e6 / 100);

            // a slider drag: 300 index changes as fast as events arrive; the display thread must stay responsive,
            // so measure the longest time one pass of the event loop takes, and how many frames were shown
            SliceView xy = viewer.getView(OrthoSliceViewer.Plane.XY);
            int[] frames = { 0 };
            xy.addRenderListener(() -> frames[0]++);
            long longestEventLoopPassNanos = 0;
            start = System.nanoTime();
            for (int step = 0; step < 300; step++) {
                xy.setIndex(step % N);
                long pass = System.nanoTime();
                Ui.display().readAndDispatch();
                longestEventLoopPassNanos = Math.max(longestEventLoopPassNanos, System.nanoTime() - pass);
            }
            Ui.waitUntil(() -> !viewer.isRenderPending(), "drag end");
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "BENCH drag: 300 index changes in %.2f s, %d frames shown (%.0f per s),"
                    + " longest display-thread pass %.1f ms%n", seconds, frames[0], frames[0] / seconds,
                    longestEventLoopPassNanos / 1e6);

            // on the display thread: turning one 512×512 ImageData into an image and painting it
            ImageCanvas canvas = xy.getCanvas();
            var data = canvas.getImageData();
            double[] millis = new double[30];
            for (int k = 0; k < millis.length; k++) {
                long t = System.nanoTime();
                canvas.setImageData(data);
                canvas.update();
                millis[k] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "BENCH display thread: Image from ImageData + paint, median %.1f ms,"
                    + " max %.1f ms%n", millis[15], millis[29]);
            assertEquals(N, canvas.getImageData().width);
            assertEquals(values[(int) ((long) xy.getIndex() * N * N + 7 * N + 9)], xy.readout(9, 7).values()[0]);
        } finally {
            shell.dispose();
        }
    }
}
