package org.edgewise.ui.tests.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.edgewise.ui.image.ColourMap;
import org.edgewise.ui.image.DisplayRange;
import org.edgewise.ui.image.ImageCanvas;
import org.edgewise.ui.image.ImageViewer;
import org.edgewise.ui.image.LabelColours;
import org.edgewise.ui.image.OrthoSliceViewer;
import org.edgewise.ui.image.SliceRenderer;
import org.edgewise.ui.image.SliceView;
import org.edgewise.ui.image.StackAxes;
import org.edgewise.ui.tests.Ui;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image canvas as a user drives it: slider, pointer, clicks, zoom, range, export. */
class ImageViewerTest {

    private static final int NZ = 40;
    private static final int NY = 30;
    private static final int NX = 20;
    private static final double VOXEL_UM = 0.5;

    private Shell shell;

    @TempDir
    Path folder;

    /** µ(z, y, x) = 0.001·(900 z + 30 y + x) 1/µm: every voxel has its own value. */
    static FloatDataset volume() {
        float[] values = new float[NZ * NY * NX];
        for (int z = 0, i = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    values[i++] = 0.001f * (900 * z + 30 * y + x);
                }
            }
        }
        return DatasetFactory.createFromObject(FloatDataset.class, values, NZ, NY, NX);
    }

    static float mu(int z, int y, int x) {
        return 0.001f * (900 * z + 30 * y + x);
    }

    @BeforeEach
    void openShell() {
        shell = Ui.shell(700, 600);
        shell.open();
    }

    @AfterEach
    void closeShell() {
        shell.dispose();
    }

    static void hover(ImageCanvas canvas, int column, int row) {
        Point point = canvas.screenPointOf(column, row);
        Event event = new Event();
        event.x = point.x;
        event.y = point.y;
        canvas.notifyListeners(SWT.MouseMove, event);
    }

    static void click(ImageCanvas canvas, int column, int row) {
        Point point = canvas.screenPointOf(column, row);
        Event event = new Event();
        event.x = point.x;
        event.y = point.y;
        event.button = 1;
        canvas.notifyListeners(SWT.MouseDown, event);
        canvas.notifyListeners(SWT.MouseUp, event);
    }

    static int rgbAt(ImageData image, int column, int row) {
        RGB rgb = image.palette.getRGB(image.getPixel(column, row));
        return (rgb.red << 16) | (rgb.green << 8) | rgb.blue;
    }

    static int grey(float value, DisplayRange range) {
        double position = (value - range.min()) / (range.max() - range.min()) * 255 + 0.5;
        return ColourMap.GRAY.rgb((int) Math.max(0, Math.min(255, position)));
    }

    @Test
    void aVolumeSliceShowsItsPixelsReadoutInMicrometresAndFollowsTheSlider() throws Exception {
        ImageViewer viewer = new ImageViewer(shell, SWT.NONE);
        shell.layout(true, true);
        viewer.setStack(volume(), StackAxes.volume(VOXEL_UM, "1/µm"), 0);
        SliceView view = viewer.getSliceView();
        Ui.waitUntil(() -> !view.isRenderPending(), "the middle slice");

        ImageData image = view.getCanvas().getImageData();
        assertEquals(NX, image.width, "columns are x");
        assertEquals(NY, image.height, "rows are y");
        assertEquals(NZ / 2, viewer.getSlider().getSelection());
        assertEquals("z 10.000 µm  (21 / 40)", viewer.getSliceText());

        hover(view.getCanvas(), 7, 11);
        assertEquals("x 3.500 µm, y 5.500 µm, z 10.000 µm  [20, 11, 7]  value 18.33700 1/µm",
                viewer.getReadoutText());
        DisplayRange range = view.getRange(0);
        // the automatic range: 0.5th to 99.5th percentile of the whole (uniformly spread) volume
        assertEquals(0.005 * mu(NZ - 1, NY - 1, NX - 1), range.min(), 0.05);
        assertEquals(0.995 * mu(NZ - 1, NY - 1, NX - 1), range.max(), 0.05);
        assertEquals(grey(mu(20, 11, 7), range), rgbAt(image, 7, 11));
        assertEquals(range.min(), Double.parseDouble(viewer.getControls().getMinText().getText()), 1e-3);

        viewer.getSlider().setSelection(5);
        viewer.getSlider().notifyListeners(SWT.Selection, new Event());
        Ui.waitUntil(() -> !view.isRenderPending(), "slice 5");
        hover(view.getCanvas(), 7, 11);
        assertTrue(viewer.getReadoutText().contains("z 2.500 µm  [5, 11, 7]  value 4.83700 1/µm"),
                viewer.getReadoutText());
        assertEquals(grey(mu(5, 11, 7), range), rgbAt(view.getCanvas().getImageData(), 7, 11));

        // a typed range: everything above 1 1/µm is white
        viewer.getControls().setRange(new DisplayRange(0, 1));
        Ui.waitUntil(() -> !view.isRenderPending(), "the new range");
        assertEquals(0xffffff, rgbAt(view.getCanvas().getImageData(), 7, 11));
        viewer.getControls().autoRange();
        Ui.waitUntil(() -> !view.isRenderPending(), "the automatic range again");
        assertEquals(range, view.getRange(0));
    }

    @Test
    void zoomKeepsThePointUnderThePointerAndExportWritesWhatIsShown() throws Exception {
        ImageViewer viewer = new ImageViewer(shell, SWT.NONE);
        shell.layout(true, true);
        viewer.setStack(volume(), StackAxes.volume(VOXEL_UM, "1/µm"), 0);
        ImageCanvas canvas = viewer.getSliceView().getCanvas();
        Ui.waitUntil(() -> !viewer.getSliceView().isRenderPending(), "the slice");

        Point anchor = canvas.screenPointOf(13, 4);
        double zoom = canvas.getZoom();
        canvas.zoomAbout(2.5, anchor.x, anchor.y);
        assertEquals(2.5 * zoom, canvas.getZoom(), 1e-9);
        assertArrayEquals(new int[] { 13, 4 }, canvas.imagePixelAt(anchor.x, anchor.y));
        canvas.pan(-40, 25);
        assertArrayEquals(new int[] { 13, 4 }, canvas.imagePixelAt(anchor.x - 40, anchor.y + 25));

        Path png = folder.resolve("canvas.png");
        canvas.exportPng(png);
        ImageData exported = new ImageLoader().load(png.toString())[0];
        assertEquals(canvas.getClientArea().width, exported.width);
        assertEquals(canvas.getClientArea().height, exported.height);
        Point shown = canvas.screenPointOf(13, 4);
        DisplayRange range = viewer.getSliceView().getRange(0);
        assertEquals(grey(mu(NZ / 2, 4, 13), range), rgbAt(exported, shown.x, shown.y),
                "the exported view holds the voxel where the canvas draws it");

        Path whole = folder.resolve("viewer.png");
        viewer.exportPng(whole);
        ImageData withBar = new ImageLoader().load(whole.toString())[0];
        assertTrue(withBar.width > canvas.getClientArea().width, "image and colour bar: " + withBar.width);
    }

    @Test
    void projectionsSlideAlongTheAngleAndSinogramsAlongTheRow() {
        ImageViewer viewer = new ImageViewer(shell, SWT.NONE);
        shell.layout(true, true);
        double[] angles = new double[NZ];
        for (int a = 0; a < NZ; a++) {
            angles[a] = 4.5 * a;
        }
        viewer.setStack(volume(), StackAxes.projections(angles, 0.25, "counts"), 1);
        SliceView view = viewer.getSliceView();
        Ui.waitUntil(() -> !view.isRenderPending(), "the sinogram");
        assertEquals(NX, view.getCanvas().getImageData().width, "columns are detector columns");
        assertEquals(NZ, view.getCanvas().getImageData().height, "rows are angles");
        assertEquals("row 3.750 µm  (16 / 30)", viewer.getSliceText());
        hover(view.getCanvas(), 2, 10);
        assertTrue(viewer.getReadoutText().startsWith("column 0.500 µm, row 3.750 µm, angle 45.000°  [10, 15, 2]"),
                viewer.getReadoutText());
        assertTrue(viewer.getReadoutText().endsWith("value 9.45200 counts"), viewer.getReadoutText());
    }

    @Test
    void orthoslicesShareOneCursorAndDrawLabelsWithTheirColours() {
        OrthoSliceViewer viewer = new OrthoSliceViewer(shell, SWT.NONE);
        shell.layout(true, true);
        viewer.setVolume(volume(), StackAxes.volume(VOXEL_UM, "1/µm"));
        Ui.waitUntil(() -> !viewer.isRenderPending(), "three slices");
        assertArrayEquals(new int[] { NZ / 2, NY / 2, NX / 2 }, viewer.getCursorVoxel());

        SliceView xy = viewer.getView(OrthoSliceViewer.Plane.XY);
        SliceView xz = viewer.getView(OrthoSliceViewer.Plane.XZ);
        SliceView yz = viewer.getView(OrthoSliceViewer.Plane.YZ);
        click(xy.getCanvas(), 7, 11);
        Ui.waitUntil(() -> !viewer.isRenderPending(), "the linked slices");
        assertArrayEquals(new int[] { NZ / 2, 11, 7 }, viewer.getCursorVoxel());
        assertEquals(11, xz.getIndex(), "XZ shows the slice through y = 11");
        assertEquals(7, yz.getIndex(), "YZ shows the slice through x = 7");
        assertEquals(NX, xz.getCanvas().getImageData().width);
        assertEquals(NZ, xz.getCanvas().getImageData().height);
        assertEquals(NY, yz.getCanvas().getImageData().width);
        hover(yz.getCanvas(), 3, 31);
        assertTrue(viewer.getReadoutText().startsWith("x 3.500 µm, y 1.500 µm, z 15.500 µm  [31, 3, 7]"),
                viewer.getReadoutText());

        click(yz.getCanvas(), 25, 2);
        assertArrayEquals(new int[] { 2, 25, 7 }, viewer.getCursorVoxel());
        assertEquals(2, xy.getIndex());

        // a particle: label 3 fills a 4 × 4 × 4 block around the cursor
        int[] labels = new int[NZ * NY * NX];
        for (int z = 0; z < 4; z++) {
            for (int y = 23; y < 27; y++) {
                for (int x = 5; x < 9; x++) {
                    labels[(z * NY + y) * NX + x] = 3;
                }
            }
        }
        viewer.setLabels(DatasetFactory.createFromObject(IntegerDataset.class, labels, NZ, NY, NX));
        viewer.setOverlay(SliceRenderer.OverlayMode.FILL, 1.0);
        viewer.getControls().setRange(new DisplayRange(0, 100));
        Ui.waitUntil(() -> !viewer.isRenderPending(), "the labels");
        assertEquals(LabelColours.rgb(3), rgbAt(xy.getCanvas().getImageData(), 7, 25), "inside the particle");
        assertEquals(grey(mu(2, 10, 10), new DisplayRange(0, 100)), rgbAt(xy.getCanvas().getImageData(), 10, 10),
                "outside it");
        hover(xy.getCanvas(), 6, 24);
        assertTrue(viewer.getReadoutText().endsWith("label 3"), viewer.getReadoutText());
    }

    @Test
    void threeElementsMakeOneRgbCompositeWithAReadoutPerChannel() {
        ImageViewer viewer = new ImageViewer(shell, SWT.NONE);
        shell.layout(true, true);
        FloatDataset ni = volume();
        FloatDataset mn = DatasetFactory.zeros(FloatDataset.class, NZ, NY, NX);
        FloatDataset co = DatasetFactory.ones(FloatDataset.class, NZ, NY, NX);
        mn.set(1f, NZ / 2, 3, 4);
        viewer.setComposite(ni, mn, co, new String[] { "Ni", "Mn", "Co" }, StackAxes.volume(VOXEL_UM, "1/µm"), 0);
        SliceView view = viewer.getSliceView();
        Ui.waitUntil(() -> !view.isRenderPending(), "the composite");
        view.setRange(0, new DisplayRange(0, mu(NZ - 1, NY - 1, NX - 1)));
        view.setRange(1, new DisplayRange(0, 1));
        view.setRange(2, new DisplayRange(0, 2));
        Ui.waitUntil(() -> !view.isRenderPending(), "the composite ranges");
        int rgb = rgbAt(view.getCanvas().getImageData(), 4, 3);
        assertEquals(0xff, (rgb >> 8) & 0xff, "Mn is full green there");
        assertEquals(0x80, rgb & 0xff, "Co is half blue everywhere");
        assertEquals(0, (rgbAt(view.getCanvas().getImageData(), 5, 3) >> 8) & 0xff, "no Mn next to it");
        hover(view.getCanvas(), 4, 3);
        assertTrue(viewer.getReadoutText().endsWith("Ni 18.09400 1/µm  Mn 1.00000 1/µm  Co 1.00000 1/µm"),
                viewer.getReadoutText());
    }
}
