package org.edgewise.recon;

import java.io.IOException;

/** Receives reconstructed slabs in order of increasing z (an HDF5 writer, a file, memory). */
public interface VolumeSink {

    /**
     * Takes one slab.
     *
     * @param z0 index of the slab's first slice in the volume
     * @param slices number of slices in the slab
     * @param size slice size {@code n}
     * @param slab {@code [z, y, x]} with {@code slices·n·n} values; the sink may keep the array
     * @throws IOException when the slab cannot be stored
     */
    void write(int z0, int slices, int size, float[] slab) throws IOException;

    /**
     * A sink that assembles the volume in memory.
     *
     * @param slices volume depth
     * @param size slice size
     * @return the sink; {@link ArraySink#volume()} is {@code [z, y, x]}
     */
    static ArraySink inMemory(int slices, int size) {
        return new ArraySink(slices, size);
    }

    /** A sink that assembles the whole volume in one array. */
    final class ArraySink implements VolumeSink {
        private final float[] volume;
        private final int size;

        ArraySink(int slices, int size) {
            this.volume = new float[Math.multiplyExact(slices, Math.multiplyExact(size, size))];
            this.size = size;
        }

        @Override
        public void write(int z0, int slices, int n, float[] slab) {
            if (n != size) {
                throw new IllegalArgumentException("slab slices are " + n + " wide, the volume " + size);
            }
            System.arraycopy(slab, 0, volume, z0 * size * size, slices * size * size);
        }

        /** @return the volume {@code [z, y, x]} */
        public float[] volume() {
            return volume;
        }
    }
}
