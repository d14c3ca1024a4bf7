package org.edgewise.recon;

import java.io.IOException;

/**
 * Delivers blocks of detector rows of a projection stack, so a volume can be reconstructed slab by slab with
 * bounded memory (a lazily read HDF5 dataset, a memory-mapped file, a simulator).
 */
public interface ProjectionSource {

    /** @return number of projections */
    int angleCount();

    /** @return detector height in rows (the volume's z extent) */
    int rows();

    /** @return detector width in columns */
    int columns();

    /**
     * Reads rows {@code row0 .. row0+rowCount-1} of every projection.
     *
     * @param row0 first row
     * @param rowCount number of rows
     * @return {@code [angle, row, column]} line integrals per pixel, a new array of
     *         {@code angleCount·rowCount·columns} values
     * @throws IOException when the data cannot be read
     */
    float[] read(int row0, int rowCount) throws IOException;

    /**
     * A source backed by an array in memory.
     *
     * @param projections {@code [angle, row, column]} (not copied)
     * @param angles number of projections
     * @param rows detector height
     * @param columns detector width
     * @return the source
     */
    static ProjectionSource of(float[] projections, int angles, int rows, int columns) {
        ParallelProjector.checkLength(projections, angles * rows * columns, "projections");
        return new ProjectionSource() {
            @Override
            public int angleCount() {
                return angles;
            }

            @Override
            public int rows() {
                return rows;
            }

            @Override
            public int columns() {
                return columns;
            }

            @Override
            public float[] read(int row0, int rowCount) {
                float[] out = new float[angles * rowCount * columns];
                for (int a = 0; a < angles; a++) {
                    System.arraycopy(projections, (a * rows + row0) * columns, out, a * rowCount * columns,
                            rowCount * columns);
                }
                return out;
            }
        };
    }
}
