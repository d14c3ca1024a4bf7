package org.edgewise.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;

/**
 * Boxes and binned copies read by hyperslab against the whole volume held in memory, from a contiguous volume
 * written by jhdf ({@link ResultsFile}, the {@code volumes.h5} of {@code edgewise reconstruct}) and from a chunked
 * float32 volume written by the HDF5 library.
 */
class VolumeRegionReaderTest {

    private static final int NZ = 21;
    private static final int NY = 37;
    private static final int NX = 45;

    @TempDir
    Path dir;

    /** A value per voxel that tells z, y and x apart. */
    private static float[] volume() {
        float[] v = new float[NZ * NY * NX];
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    v[(z * NY + y) * NX + x] = (float) (z * 1.5 + y * 0.01 - x * 0.25 + Math.sin(x * y + z));
                }
            }
        }
        return v;
    }

    private Path jhdfFile(float[] v) throws Exception {
        Path file = dir.resolve("volumes.h5");
        FloatDataset data = DatasetFactory.createFromObject(FloatDataset.class, v, NZ, NY, NX);
        ResultsFile.write(file, List.of(new ResultsFile.Volume("ni_above", data, 0.05, "1/um", "test")), "{}");
        return file;
    }

    private Path chunkedFile(float[] v) throws Exception {
        DataExchangeStreamWriter.nativeLibrary();
        Path file = dir.resolve("chunked.h5");
        long f = H5.H5Fcreate(file.toString(), HDF5Constants.H5F_ACC_TRUNC, HDF5Constants.H5P_DEFAULT,
                HDF5Constants.H5P_DEFAULT);
        long space = H5.H5Screate_simple(3, new long[] { NZ, NY, NX }, null);
        long creation = H5.H5Pcreate(HDF5Constants.H5P_DATASET_CREATE);
        H5.H5Pset_chunk(creation, 3, new long[] { 16, 16, 32 });
        long d = H5.H5Dcreate(f, "/volume", HDF5Constants.H5T_IEEE_F32LE, space, HDF5Constants.H5P_DEFAULT,
                creation, HDF5Constants.H5P_DEFAULT);
        H5.H5Dwrite_float(d, HDF5Constants.H5T_NATIVE_FLOAT, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL,
                HDF5Constants.H5P_DEFAULT, v);
        H5.H5Dclose(d);
        H5.H5Pclose(creation);
        H5.H5Sclose(space);
        H5.H5Fclose(f);
        return file;
    }

    @Test
    void boxesAndBinnedCopiesMatchTheWholeVolumeInBothLayouts() throws Exception {
        float[] v = volume();
        for (Object[] source : new Object[][] { { jhdfFile(v), "/entry/ni_above/data" },
            { chunkedFile(v), "/volume" } }) {
            try (VolumeRegionReader in = VolumeRegionReader.open((Path) source[0], (String) source[1])) {
                assertArrayEquals(new int[] { NZ, NY, NX }, in.shape());
                assertArrayEquals(v, in.read(new int[3], in.shape()));
                int[] origin = { 3, 17, 5 };
                int[] size = { 14, 20, 33 }; // across chunk borders
                float[] box = in.read(origin, size);
                for (int z = 0; z < size[0]; z++) {
                    for (int y = 0; y < size[1]; y++) {
                        for (int x = 0; x < size[2]; x++) {
                            assertEquals(v[((z + origin[0]) * NY + y + origin[1]) * NX + x + origin[2]],
                                    box[(z * size[1] + y) * size[2] + x], 0f);
                        }
                    }
                }
                assertArrayEquals(v, in.readBinned(1));
                for (int f : new int[] { 2, 3, 5 }) {
                    int[] b = in.binnedShape(f);
                    assertArrayEquals(new int[] { NZ / f, NY / f, NX / f }, b);
                    float[] binned = in.readBinned(f);
                    for (int z = 0; z < b[0]; z++) {
                        for (int y = 0; y < b[1]; y++) {
                            for (int x = 0; x < b[2]; x++) {
                                double sum = 0;
                                for (int i = 0; i < f * f * f; i++) {
                                    sum += v[((z * f + i / (f * f)) * NY + y * f + (i / f) % f) * NX + x * f
                                            + i % f];
                                }
                                assertEquals(sum / (f * f * f), binned[(z * b[1] + y) * b[2] + x], 1e-5,
                                        "f " + f + " at " + z + ", " + y + ", " + x);
                            }
                        }
                    }
                }
                DataFileException outside = assertThrows(DataFileException.class, () -> in.read(new int[] { 10, 0,
                    0 }, new int[] { 12, 1, 1 }));
                assertTrue(outside.getMessage().contains(source[0].toString()), outside.getMessage());
            }
        }
        DataFileException missing = assertThrows(DataFileException.class, () -> VolumeRegionReader.open(
                jhdfFile(v), "/entry/co_above/data"));
        assertTrue(missing.getMessage().contains("co_above"), missing.getMessage());
    }
}
