package org.edgewise.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.BooleanDataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    @TempDir
    Path dir;

    @Test
    void volumesRoundTripWithVoxelSizeUnitsAndProvenance() throws IOException {
        float[] mu = new float[2 * 3 * 4];
        int[] labels = new int[2 * 3 * 4];
        boolean[] mask = new boolean[2 * 3 * 4];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = 0.01f * i - 0.05f;
            labels[i] = i % 3;
            mask[i] = i % 2 == 0;
        }
        Path file = dir.resolve("results.h5");
        String provenance = "{\"inputs\":[{\"path\":\"scan_01.h5\"}],\"unit\":\"µm\"}";
        ResultsFile.write(file, List.of(
                new ResultsFile.Volume("mu_ni_above", DatasetFactory.createFromObject(FloatDataset.class, mu, 2, 3, 4),
                        0.049, "1/um", "reconstruction at 8.353 keV"),
                new ResultsFile.Volume("labels", DatasetFactory.createFromObject(IntegerDataset.class, labels, 2, 3, 4),
                        0.049, "label", "particles"),
                new ResultsFile.Volume("mask", DatasetFactory.createFromObject(BooleanDataset.class, mask, 2, 3, 4),
                        0.049, "", "material")), provenance);
        assertEquals(provenance, ResultsFile.readProvenance(file));
        assertEquals(List.of("labels", "mask", "mu_ni_above"), ResultsFile.volumeNames(file).stream().sorted().toList());
        ResultsFile.Volume back = ResultsFile.read(file, "mu_ni_above");
        assertEquals(0.049, back.voxelSizeUm(), 0);
        assertEquals("1/um", back.units());
        assertEquals("reconstruction at 8.353 keV", back.description());
        assertArrayEquals(new int[] { 2, 3, 4 }, back.data().getShape());
        assertEquals(mu[23], back.data().getFloat(1, 2, 3), 0);
        assertEquals(labels[17], ResultsFile.read(file, "labels").data().getInt(1, 1, 1));
        assertEquals(1, ResultsFile.read(file, "mask").data().getInt(0, 0, 0));
        assertEquals(0, ResultsFile.read(file, "mask").data().getInt(0, 0, 1));
        DataFileException e = assertThrows(DataFileException.class, () -> ResultsFile.read(file, "nothing"));
        assertTrue(e.getMessage().contains("results.h5: /volumes/nothing: is missing"), e.getMessage());
    }
}
