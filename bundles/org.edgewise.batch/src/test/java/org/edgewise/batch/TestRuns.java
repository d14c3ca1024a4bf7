package org.edgewise.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

/** Small inputs for batch tests: folders with a {@code volume.h5} of balls, and a broken one. */
final class TestRuns {

    private TestRuns() {
    }

    /**
     * Writes {@code dir/volume.h5} with {@code /volume} [z, y, x] = [size, size, size]: background 0.1 1/µm and balls
     * of value 1 at the given centres.
     *
     * @param radiusVoxels the balls' radius, voxels
     * @param centres      ball centres {z, y, x}, voxels
     */
    static Path balls(Path dir, int size, double radiusVoxels, List<int[]> centres) throws IOException {
        Files.createDirectories(dir);
        float[][][] volume = new float[size][size][size];
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    volume[z][y][x] = 0.1f;
                    for (int[] c : centres) {
                        double d2 = Math.pow(z - c[0], 2) + Math.pow(y - c[1], 2) + Math.pow(x - c[2], 2);
                        if (d2 <= radiusVoxels * radiusVoxels) {
                            volume[z][y][x] = 1f;
                        }
                    }
                }
            }
        }
        try (WritableHdfFile hdf = HdfFile.write(dir.resolve("volume.h5"))) {
            hdf.putDataset("volume", volume);
        }
        return dir;
    }

    /** A folder whose volume.h5 is not an HDF5 file. */
    static Path broken(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("volume.h5"), "this is not HDF5\n");
        return dir;
    }
}
