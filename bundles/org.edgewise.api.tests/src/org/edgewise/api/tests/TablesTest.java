package org.edgewise.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.Slice;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.TableMetadata;
import org.edgewise.api.tables.Tables;
import org.junit.jupiter.api.Test;

class TablesTest {

    private static Dataset shifts() {
        Dataset table = Tables.create(List.of(Column.of("angle_deg", "deg"), Column.of("shift_row_px", "px"),
                Column.of("shift_col_px", "px")), 3, 8.353);
        for (int r = 0; r < 3; r++) {
            Tables.set(table, r, "angle_deg", 60.0 * r);
            Tables.set(table, r, "shift_row_px", 0.5 * r);
            Tables.set(table, r, "shift_col_px", -r);
        }
        return table;
    }

    @Test
    void columnsAreReadByName() {
        Dataset table = shifts();
        assertArrayEquals(new double[] { 0, 0.5, 1 }, Tables.column(table, "shift_row_px"));
        assertEquals(-2, Tables.get(table, 2, "shift_col_px"));
        assertArrayEquals(new double[] { 60, 0.5, -1 }, Tables.row(table, 1));
        assertEquals("px", TableMetadata.of(table).unit("shift_col_px"));
        assertEquals(8.353, PhysicalMetadata.of(table).energyKev());
        assertEquals(Tables.VALUE_UNIT, PhysicalMetadata.of(table).valueUnit());
        assertTrue(Tables.has(table, "angle_deg"));
        assertFalse(Tables.has(table, "angle_rad"));
    }

    @Test
    void rowSlicesKeepTheColumns() {
        Dataset rows = shifts().getSlice(new Slice(1, 3), null);
        assertEquals(2, Tables.rows(rows));
        assertArrayEquals(new double[] { 60, 120 }, Tables.column(rows, "angle_deg"));
    }

    @Test
    void unknownColumnsAndBareTablesAreNamedInTheError() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Tables.column(shifts(), "shift_z_px"));
        assertTrue(unknown.getMessage().contains("shift_z_px") && unknown.getMessage().contains("shift_col_px"),
                unknown.getMessage());
        Dataset bare = org.eclipse.january.dataset.DatasetFactory.zeros(2, 2);
        assertThrows(IllegalArgumentException.class, () -> Tables.column(bare, "x"));
        assertThrows(IllegalArgumentException.class, () -> TableMetadata.of(List.of(Column.of("a", ""),
                Column.of("a", ""))));
    }
}
