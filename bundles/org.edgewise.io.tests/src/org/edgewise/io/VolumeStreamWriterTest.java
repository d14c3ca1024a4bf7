package org.edgewise.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;

class VolumeStreamWriterTest {

    // more than one chunk along every axis (16 × 128 × 128), with remainders
    private static final int SLICES = 37;
    private static final int HEIGHT = 131;
    private static final int WIDTH = 133;
    private static final double VOXEL_UM = 0.0487;

    @TempDir
    Path dir;

    /** A value per voxel that tells volume, z, y and x apart. */
    private static float value(int volume, int z, int y, int x) {
        return volume * 1000f + z * 3.25f + y * 0.125f - x * 0.0625f;
    }

    private static float[] slab(int volume, int z0, int slices) {
        float[] out = new float[slices * HEIGHT * WIDTH];
        int i = 0;
        for (int z = z0; z < z0 + slices; z++) {
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    out[i++] = value(volume, z, y, x);
                }
            }
        }
        return out;
    }

    private static VolumeStreamWriter.Volume volume(String name, double energyKev) {
        return new VolumeStreamWriter.Volume(name, SLICES, HEIGHT, WIDTH, VOXEL_UM, energyKev, "1/µm",
                List.of("input:" + name, "edgewise.recon.reconstruct"), "μ of " + name);
    }

    @Test
    void slabsWrittenOneByOneReadBackWholeWithTheirMetadata() throws IOException {
        Path file = dir.resolve("volumes.h5");
        try (VolumeStreamWriter out = VolumeStreamWriter.create(file, "{\"run\":\"test\"}")) {
            out.beginVolume(volume("ni_below", 8.313));
            for (int z0 = 0; z0 < SLICES; z0 += 10) { // slabs of 10: not on the 16-slice chunk boundaries
                out.writeSlab(z0, Math.min(10, SLICES - z0), slab(0, z0, Math.min(10, SLICES - z0)));
            }
            out.beginVolume(volume("ni_above", 8.363));
            out.writeSlab(20, SLICES - 20, slab(1, 20, SLICES - 20)); // out of order
            out.writeSlab(0, 20, slab(1, 0, 20));
            out.commit();
        }
        assertEquals(List.of("ni_above", "ni_below"), ResultsFile.volumeNames(file)); // by name
        for (int v = 0; v < 2; v++) {
            String name = v == 0 ? "ni_below" : "ni_above";
            ResultsFile.Volume read = ResultsFile.read(file, name);
            assertArrayEquals(new int[] { SLICES, HEIGHT, WIDTH }, read.data().getShape());
            float[] values = (float[]) DatasetUtils.cast(FloatDataset.class, read.data()).getBuffer();
            assertArrayEquals(slab(v, 0, SLICES), values, 0f);
            assertEquals(VOXEL_UM, read.voxelSizeUm(), 0);
            assertEquals("1/µm", read.units());
            assertEquals("μ of " + name, read.description());
            PhysicalMetadata metadata = PhysicalMetadata.of(read.data());
            assertEquals(v == 0 ? 8.313 : 8.363, metadata.energyKev(), 0);
            assertEquals(List.of("input:" + name, "edgewise.recon.reconstruct"), metadata.provenance());
            assertEquals(DataKind.VOLUME, ResultsFile.kind(file, name));
        }
        assertEquals("{\"run\":\"test\"}", ResultsFile.readProvenance(file));
        try (HdfFile hdf = new HdfFile(file)) {
            io.jhdf.api.Dataset data = (io.jhdf.api.Dataset) hdf.getByPath("/entry/ni_above/data");
            assertEquals(float.class, data.getJavaType());
            assertEquals("ni_below", hdf.getByPath("/entry").getAttribute("default").getData());
            assertArrayEquals(new String[] { "z", "y", "x" },
                    (String[]) hdf.getByPath("/entry/ni_above").getAttribute("axes").getData());
            double[] x = (double[]) ((io.jhdf.api.Dataset) hdf.getByPath("/entry/ni_above/x")).getData();
            assertEquals(WIDTH, x.length);
            assertEquals(10 * VOXEL_UM, x[10], 1e-12);
        }
        assertTrue(onlyTarget(file));
    }

    @Test
    void closedWithoutCommitOrWithAMissingSliceLeavesNothing() throws IOException {
        Path file = dir.resolve("volumes.h5");
        try (VolumeStreamWriter out = VolumeStreamWriter.create(file, null)) {
            out.beginVolume(volume("co_below", 7.7));
            out.writeSlab(0, 16, slab(0, 0, 16));
        }
        assertFalse(Files.exists(file));
        try (VolumeStreamWriter out = VolumeStreamWriter.create(file, null)) {
            out.beginVolume(volume("co_below", 7.7));
            out.writeSlab(0, 16, slab(0, 0, 16));
            DataFileException missing = assertThrows(DataFileException.class, out::commit);
            assertTrue(missing.getMessage().contains("slice 16 was never written"), missing.getMessage());
        }
        assertFalse(Files.exists(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    private boolean onlyTarget(Path file) throws IOException {
        try (Stream<Path> left = Files.list(dir)) {
            return left.toList().equals(List.of(file));
        }
    }
}
