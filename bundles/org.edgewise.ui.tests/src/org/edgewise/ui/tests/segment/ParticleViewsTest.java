package org.edgewise.ui.tests.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.Tables;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.image.OrthoSliceViewer;
import org.edgewise.ui.image.SliceView;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.segment.HullDepthView;
import org.edgewise.ui.segment.ParticleTableView;
import org.edgewise.ui.tests.Ui;
import org.edgewise.ui.views.VolumeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Segmentation perspective's particle views on a known segmentation: two balls in a 30³ volume, their labels,
 * hulls, depth map and particle table as the segmentation step names them.
 */
class ParticleViewsTest {

    private static final int N = 30;
    private static final double VOXEL_UM = 0.2;
    /** Ball centres {z, y, x} in voxels and radii in voxels. */
    private static final int[][] CENTRES = { { 10, 9, 8 }, { 20, 21, 19 } };
    private static final int[] RADII = { 5, 6 };

    private IDatasetRegistry registry;

    @TempDir
    Path folder;

    @BeforeEach
    void segmentation() {
        registry = PlatformUI.getWorkbench().getService(IDatasetRegistry.class);
        registry.clear();
        float[] mu = new float[N * N * N];
        int[] labels = new int[mu.length];
        float[] depth = new float[mu.length];
        for (int z = 0, i = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++, i++) {
                    for (int p = 0; p < 2; p++) {
                        double r = Math.sqrt(sq(z - CENTRES[p][0]) + sq(y - CENTRES[p][1]) + sq(x - CENTRES[p][2]));
                        if (r <= RADII[p]) {
                            mu[i] = 0.05f;
                            labels[i] = p + 1;
                            depth[i] = (float) ((RADII[p] - r) * VOXEL_UM);
                        }
                    }
                }
            }
        }
        DatasetEntry volume = entry("volume", "ni_above", DataKind.VOLUME, DatasetFactory.createFromObject(
                FloatDataset.class, mu, N, N, N), "1/µm", null);
        DoubleDataset table = Tables.create(List.of(Column.of("particle", "label"), Column.of("voxels", "voxels"),
                Column.of("volume_um3", "µm³"), Column.of("equiv_diameter_um", "µm"), Column.of("feret_ratio", "1"),
                Column.of("centroid_z_um", "µm"), Column.of("centroid_y_um", "µm"), Column.of("centroid_x_um", "µm"),
                Column.of("cut_by_fov", "1")), 2);
        for (int p = 0; p < 2; p++) {
            Tables.set(table, p, "particle", p + 1);
            Tables.set(table, p, "volume_um3", 4.0 / 3 * Math.PI * Math.pow(RADII[p] * VOXEL_UM, 3));
            Tables.set(table, p, "equiv_diameter_um", 2 * RADII[p] * VOXEL_UM);
            Tables.set(table, p, "feret_ratio", 1.0);
            Tables.set(table, p, "centroid_z_um", CENTRES[p][0] * VOXEL_UM);
            Tables.set(table, p, "centroid_y_um", CENTRES[p][1] * VOXEL_UM);
            Tables.set(table, p, "centroid_x_um", CENTRES[p][2] * VOXEL_UM);
            Tables.set(table, p, "cut_by_fov", p == 1 ? 1 : 0);
        }
        DatasetEntry.Derivation step = new DatasetEntry.Derivation("edgewise.segment.particles",
                Map.of("method", "OTSU"), List.of(volume.id()));
        IntegerDataset labelData = DatasetFactory.createFromObject(IntegerDataset.class, labels, N, N, N);
        registry.put(volume);
        registry.putAll(List.of(entry("depth", "ni_above depth", DataKind.VOLUME, DatasetFactory.createFromObject(
                FloatDataset.class, depth, N, N, N), "µm", step),
                entry("hulls", "ni_above hulls", DataKind.LABELS, labelData, "label", step),
                entry("particles", "ni_above particles", DataKind.TABLE, table, "table", step),
                entry("labels", "ni_above labels", DataKind.LABELS, labelData, "label", step)));
    }

    private static DatasetEntry entry(String id, String name, DataKind kind, org.eclipse.january.dataset.Dataset data,
            String unit, DatasetEntry.Derivation step) {
        return new DatasetEntry(id, name, kind, data, null, Double.NaN, kind == DataKind.TABLE ? Double.NaN : VOXEL_UM,
                unit, step != null ? step : new DatasetEntry.FileOrigin(Path.of("/data/volumes.h5"), id));
    }

    private static double sq(double v) {
        return v * v;
    }

    @AfterEach
    void clear() {
        registry.clear();
        Ui.drain();
    }

    @Test
    void selectingARowSelectsTheParticleInTheOrthoslices() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(Perspectives.SEGMENTATION));
        ParticleTableView particles = (ParticleTableView) page.showView(ParticleTableView.ID);
        VolumeView volumes = (VolumeView) page.showView(VolumeView.ID);
        Ui.drain();
        Table table = particles.getViewer().getTable();
        assertEquals(2, table.getItemCount());
        assertEquals(List.of("1", "4.19", "2.000", "1.000", "no"), texts(table, 0));
        assertEquals(List.of("2", "7.24", "2.400", "1.000", "yes"), texts(table, 1));

        OrthoSliceViewer orthoslices = volumes.getViewer();
        page.activate(particles);
        particles.getViewer().setSelection(new StructuredSelection(particles.getViewer().getElementAt(1)), true);
        Ui.waitUntil(() -> !orthoslices.isRenderPending(), "the particle's slices");
        assertArrayEquals(CENTRES[1], orthoslices.getCursorVoxel(), "the cursor moved to particle 2's centroid");
        SliceView xy = orthoslices.getView(OrthoSliceViewer.Plane.XY);
        assertEquals(CENTRES[1][0], xy.getIndex());
        SliceView.Readout centre = xy.readout(CENTRES[1][2], CENTRES[1][1]);
        assertEquals(2, centre.label(), centre.text());

        Path csv = folder.resolve("particles.csv");
        particles.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("particle,volume_um3,equiv_diameter_um,feret_ratio,cut_by_fov", lines.get(0));
        assertTrue(lines.get(2).startsWith("2,7.238229"), lines.get(2));
        assertEquals(3, lines.size());
    }

    @Test
    void theDepthMapIsShownWithItsHullOutlines() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(Perspectives.SEGMENTATION));
        HullDepthView depth = (HullDepthView) page.showView(HullDepthView.ID);
        Ui.waitUntil(() -> !depth.getViewer().isRenderPending() && depth.getHulls() != null, "the depth map");
        assertEquals("ni_above hulls", depth.getHulls().name());
        depth.getViewer().setCursorVoxel(CENTRES[0]);
        Ui.waitUntil(() -> !depth.getViewer().isRenderPending(), "the first particle");
        SliceView xy = depth.getViewer().getView(OrthoSliceViewer.Plane.XY);
        SliceView.Readout inside = xy.readout(CENTRES[0][2] + 2, CENTRES[0][1]);
        assertEquals((float) ((RADII[0] - 2) * VOXEL_UM), inside.values()[0], 1e-6);
        assertTrue(inside.text().contains("µm  label 1"), inside.text());
        assertEquals(N, xy.getCanvas().getImageData().width);
    }

    private static List<String> texts(Table table, int row) {
        return java.util.stream.IntStream.range(0, table.getColumnCount()).mapToObj(c -> table.getItem(row).getText(c))
                .toList();
    }
}
