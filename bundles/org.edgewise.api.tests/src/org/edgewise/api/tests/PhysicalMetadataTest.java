package org.edgewise.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.Maths;
import org.eclipse.january.dataset.Slice;
import org.eclipse.january.dataset.SliceND;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;
import org.junit.jupiter.api.Test;

class PhysicalMetadataTest {

    /** 4 projections of 2 × 3 pixels, angles 0, 45, 90, 135 degrees. */
    private static Dataset projections() {
        Dataset data = DatasetFactory.createRange(DoubleDataset.class, 24).reshape(4, 2, 3);
        PhysicalMetadata.create(0.049, 8.353, "counts").withAnglesDeg(new double[] { 0, 45, 90, 135 },
                DataKind.PROJECTIONS).withProvenanceStep("input:scan").attachTo(data);
        return data;
    }

    @Test
    void valuesAreKept() {
        PhysicalMetadata metadata = PhysicalMetadata.of(projections());
        assertEquals(0.049, metadata.pixelSizeUm());
        assertEquals(8.353, metadata.energyKev());
        assertEquals("counts", metadata.valueUnit());
        assertEquals(List.of("input:scan"), metadata.provenance());
        assertArrayEquals(new double[] { 0, 45, 90, 135 }, metadata.anglesDeg());
    }

    @Test
    void slicingAlongTheAngleAxisSlicesTheAngles() {
        Dataset slice = projections().getSlice(new Slice(1, 3));
        PhysicalMetadata metadata = PhysicalMetadata.of(slice);
        assertArrayEquals(new double[] { 45, 90 }, metadata.anglesDeg());
        assertEquals(0.049, metadata.pixelSizeUm());
        assertArrayEquals(new double[] { 90 }, PhysicalMetadata.of(slice.getSliceView(new Slice(1, 2))).anglesDeg());
        Dataset view = projections().getSliceView(new Slice(1, 3));
        assertArrayEquals(new double[] { 45, 90 }, PhysicalMetadata.of(view).anglesDeg());
        assertArrayEquals(new double[] { 90, 135 },
                PhysicalMetadata.of(projections().getSliceView(new Slice(2, 4)).getSliceView(new Slice(0, 2)))
                        .anglesDeg());
    }

    @Test
    void lazySlicesAndSteppedViewsKeepTheMetadata() throws Exception {
        Dataset data = projections();
        IDataset lazySlice = data.getSlice(new SliceND(data.getShape(), new Slice(0, 4, 2)));
        assertArrayEquals(new double[] { 0, 90 }, PhysicalMetadata.of(lazySlice).anglesDeg());
        Dataset rowView = data.getSliceView(new Slice(0, 4), new Slice(1, 2), new Slice(0, 3));
        assertArrayEquals(new double[] { 0, 45, 90, 135 }, PhysicalMetadata.of(rowView).anglesDeg());
        assertEquals("counts", PhysicalMetadata.of(rowView).valueUnit());
    }

    @Test
    void arithmeticDropsItSoStagesMustCarryItOver() {
        Dataset doubled = Maths.multiply(projections(), 2);
        assertFalse(PhysicalMetadata.find(doubled).isPresent());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhysicalMetadata.of(doubled));
        assertTrue(e.getMessage().contains("bare array"), e.getMessage());
    }

    @Test
    void copiesChangeOneThingAndLeaveTheOriginal() {
        PhysicalMetadata original = PhysicalMetadata.create(0.05, 7.7, "1/µm");
        PhysicalMetadata binned = original.withPixelSizeUm(0.1).withProvenanceStep("edgewise.core.bin");
        assertEquals(0.05, original.pixelSizeUm());
        assertEquals(List.of(), original.provenance());
        assertEquals(0.1, binned.pixelSizeUm());
        assertEquals(7.7, binned.energyKev());
        assertEquals(List.of("edgewise.core.bin"), binned.provenance());
    }

    @Test
    void sinogramAnglesLieOnAxisOne() {
        Dataset sinograms = DatasetFactory.zeros(DoubleDataset.class, 2, 3, 5);
        PhysicalMetadata.create(0.05, 8.0, "1").withAnglesDeg(new double[] { 0, 60, 120 }, DataKind.SINOGRAMS)
                .attachTo(sinograms);
        Dataset oneRow = sinograms.getSlice(new Slice(1, 2));
        assertArrayEquals(new double[] { 0, 60, 120 }, PhysicalMetadata.of(oneRow).anglesDeg());
        Dataset twoAngles = sinograms.getSlice(new Slice(0, 2), new Slice(1, 3));
        assertArrayEquals(new double[] { 60, 120 }, PhysicalMetadata.of(twoAngles).anglesDeg());
    }

    @Test
    void impossibleValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PhysicalMetadata.create(0, 8, "counts"));
        assertThrows(IllegalArgumentException.class, () -> PhysicalMetadata.create(0.05, -1, "counts"));
        assertThrows(IllegalArgumentException.class,
                () -> PhysicalMetadata.create(0.05, 8, "1/µm").withAnglesDeg(new double[] { 0 }, DataKind.VOLUME));
        assertTrue(Double.isNaN(PhysicalMetadata.create(Double.NaN, Double.NaN, "1").pixelSizeUm()));
    }
}
