package org.edgewise.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path dir;

    @Test
    void csvHasHeaderLocaleFreeNumbersAndQuotedText() throws IOException {
        CsvTable table = new CsvTable("particle", "element", "depth_um", "note");
        table.addRow(1, "Ni", 0.25, null);
        table.addRow(2L, "Co", Double.NaN, "edge, \"outer\"");
        Path file = dir.resolve("t.csv");
        table.write(file);
        assertEquals("particle,element,depth_um,note\n1,Ni,0.25,\n2,Co,NaN,\"edge, \"\"outer\"\"\"\n",
                Files.readString(file));
        assertThrows(IllegalArgumentException.class, () -> table.addRow(1, 2));
    }
}
