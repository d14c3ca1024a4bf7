package org.edgewise.recon;

/**
 * A method that reconstructs a slab of independent slices; {@link FilteredBackProjection},
 * {@link FourierGridReconstruction} and {@link Sirt} are adapted by {@link #fbp}, {@link #gridding} and
 * {@link #sirt}.
 */
public interface SlabReconstructor {

    /** @return slice size {@code n} of the output */
    int size();

    /**
     * @param projections {@code [angle, row, column]} line integrals per pixel
     * @param rows number of rows
     * @return {@code [z, y, x]}, one slice per row
     */
    float[] reconstructSlab(float[] projections, int rows);

    /**
     * @param fbp filtered back-projection
     * @return the slab adapter
     */
    static SlabReconstructor fbp(FilteredBackProjection fbp) {
        return new SlabReconstructor() {
            @Override
            public int size() {
                return fbp.size();
            }

            @Override
            public float[] reconstructSlab(float[] projections, int rows) {
                return fbp.reconstructSlab(projections, rows);
            }
        };
    }

    /**
     * @param gridding direct Fourier reconstruction
     * @return the slab adapter
     */
    static SlabReconstructor gridding(FourierGridReconstruction gridding) {
        return new SlabReconstructor() {
            @Override
            public int size() {
                return gridding.size();
            }

            @Override
            public float[] reconstructSlab(float[] projections, int rows) {
                return gridding.reconstructSlab(projections, rows);
            }
        };
    }

    /**
     * @param sirt SIRT
     * @return the slab adapter
     */
    static SlabReconstructor sirt(Sirt sirt) {
        return new SlabReconstructor() {
            @Override
            public int size() {
                return sirt.size();
            }

            @Override
            public float[] reconstructSlab(float[] projections, int rows) {
                return sirt.reconstructSlab(projections, rows);
            }
        };
    }
}
