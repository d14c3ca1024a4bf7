package org.edgewise.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.Slice;
import org.eclipse.january.dataset.SliceND;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.TableMetadata;
import org.edgewise.api.tables.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchStackTest {

    @TempDir
    Path dir;

    /** Slab {@code start..start+n} of a stack with values {@code 100 i + 10 j + k}. */
    private static Dataset slab(Class<? extends Dataset> type, int start, int n) {
        Dataset values = DatasetFactory.zeros(type, n, 3, 4);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    values.set(100 * (start + i) + 10 * j + k, i, j, k);
                }
            }
        }
        return values;
    }

    @Test
    void integerLabelsComeBackAsIntegersWithTheFirstSlabsMetadata() throws Exception {
        ScratchStack stack = new ScratchStack(dir.resolve("labels.raw"), "labels", DataKind.LABELS);
        for (int start = 0; start < 6; start += 2) {
            Dataset slab = slab(IntegerDataset.class, start, 2);
            PhysicalMetadata.create(0.05, Double.NaN, "label").withProvenanceStep("slab" + start).attachTo(slab);
            stack.append(slab);
        }
        ILazyDataset lazy = stack.finish();
        assertArrayEquals(new int[] { 6, 3, 4 }, lazy.getShape());
        assertEquals(6 * 3 * 4 * Integer.BYTES, Files.size(dir.resolve("labels.raw")));
        Dataset all = DatasetUtils.sliceAndConvertLazyDataset(lazy);
        assertTrue(all instanceof IntegerDataset);
        assertEquals(523, all.getInt(5, 2, 3));
        Dataset stepped = DatasetUtils.convertToDataset(lazy.getSlice(
                new SliceND(lazy.getShape(), new Slice(1, 6, 2), new Slice(2, 3), new Slice(0, 4, 3))));
        assertArrayEquals(new int[] { 3, 1, 2 }, stepped.getShape());
        assertEquals(523, stepped.getInt(2, 0, 1));
        assertEquals(120, stepped.getInt(0, 0, 0));
        assertEquals(List.of("slab0"), PhysicalMetadata.of(lazy).provenance());
    }

    @Test
    void floatsStayFloat32AndProjectionAnglesAreConcatenated() throws Exception {
        ScratchStack stack = new ScratchStack(dir.resolve("p.raw"), "p", DataKind.PROJECTIONS);
        double[][] angles = { { 0, 30 }, { 60 } };
        int start = 0;
        for (double[] slabAngles : angles) {
            Dataset slab = slab(FloatDataset.class, start, slabAngles.length);
            PhysicalMetadata.create(0.05, 8.0, "1").withAnglesDeg(slabAngles, DataKind.PROJECTIONS).attachTo(slab);
            stack.append(slab);
            start += slabAngles.length;
        }
        ILazyDataset lazy = stack.finish();
        assertEquals(3 * 3 * 4 * Float.BYTES, Files.size(dir.resolve("p.raw")));
        assertArrayEquals(new double[] { 0, 30, 60 }, PhysicalMetadata.of(lazy).anglesDeg());
        Dataset last = DatasetUtils.convertToDataset(lazy.getSlice(new SliceND(lazy.getShape(), new Slice(2, 3))));
        assertTrue(last instanceof FloatDataset);
        assertEquals(213f, last.getFloat(0, 1, 3));
        assertArrayEquals(new double[] { 60 }, PhysicalMetadata.of(last).anglesDeg());
    }

    @Test
    void viewsAreWrittenAsTheirOwnValuesAndMismatchedSlabsAreRefused() throws Exception {
        ScratchStack stack = new ScratchStack(dir.resolve("v.raw"), "v", DataKind.VOLUME);
        Dataset big = slab(DoubleDataset.class, 0, 4);
        PhysicalMetadata.create(0.05, 8.0, "1/µm").attachTo(big);
        stack.append(big.getSliceView(new Slice(2, 4))); // a view whose buffer is the whole of 'big'
        Dataset wrong = DatasetFactory.zeros(DoubleDataset.class, 1, 3, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stack.append(wrong));
        assertTrue(e.getMessage().contains("[1, 3, 5]"), e.getMessage());
        Dataset back = DatasetUtils.sliceAndConvertLazyDataset(stack.finish());
        assertArrayEquals(new int[] { 2, 3, 4 }, back.getShape());
        assertEquals(200, back.getDouble(0, 0, 0), 0);
        assertEquals(323, back.getDouble(1, 2, 3), 0);
    }

    /** A table made slab by slab (one row per projection) keeps its column names, so it is still read by name. */
    @Test
    void tablesKeepTheirColumnNames() throws Exception {
        List<Column> columns = List.of(Column.of("clamped", ""), Column.of("outliers", ""));
        ScratchStack stack = new ScratchStack(dir.resolve("t.raw"), "t", DataKind.TABLE);
        for (int start = 0; start < 5; start += 2) {
            int rows = Math.min(2, 5 - start);
            Dataset slab = Tables.create(columns, rows, 8.3);
            for (int r = 0; r < rows; r++) {
                Tables.set(slab, r, "outliers", start + r);
            }
            stack.append(slab);
        }
        ILazyDataset lazy = stack.finish();
        assertEquals(List.of("clamped", "outliers"), TableMetadata.of(lazy).names());
        Dataset all = DatasetUtils.sliceAndConvertLazyDataset(lazy);
        assertArrayEquals(new double[] { 0, 1, 2, 3, 4 }, Tables.column(all, "outliers"));
        assertEquals(Tables.VALUE_UNIT, PhysicalMetadata.of(all).valueUnit());
    }
}
