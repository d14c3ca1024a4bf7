package org.edgewise.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgewise.api.stages.DataKind;
import org.junit.jupiter.api.Test;

class DataKindTest {

    @Test
    void axisOrderFollowsTheConventions() {
        assertEquals(List.of("angle", "row", "column"), DataKind.PROJECTIONS.axes());
        assertEquals(List.of("row", "angle", "column"), DataKind.SINOGRAMS.axes());
        assertEquals(List.of("z", "y", "x"), DataKind.VOLUME.axes());
        assertEquals(3, DataKind.LABELS.rank());
        assertEquals(2, DataKind.TABLE.rank());
        assertTrue(DataKind.LABELS.isInteger());
        assertTrue(DataKind.MASK.isInteger());
        assertFalse(DataKind.VOLUME.isInteger());
    }

    @Test
    void idsAreLowercaseAndReadBackInAnyCase() {
        assertEquals("projections", DataKind.PROJECTIONS.id());
        assertEquals(DataKind.VOLUME, DataKind.fromId("Volume"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataKind.fromId("voxels"));
        assertTrue(e.getMessage().contains("'voxels'") && e.getMessage().contains("volume"), e.getMessage());
    }
}
