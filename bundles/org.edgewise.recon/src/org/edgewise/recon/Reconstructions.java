package org.edgewise.recon;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

import org.eclipse.january.DatasetException;
import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.edgewise.api.datasets.FlatArrays;

/**
 * January entry points of the reconstruction library: datasets in, {@link FloatDataset}s out. Axes, geometry and
 * units are those of {@link ParallelBeamGeometry} and {@link FilteredBackProjection}: sinograms
 * {@code [angle, column]}, projections {@code [angle, row, column]}, slices {@code [y, x]}, volumes
 * {@code [z, y, x]}, input line integrals per pixel, output attenuation per voxel length (see
 * {@link #toAttenuationPerUm}).
 */
public final class Reconstructions {

    private Reconstructions() {
    }

    /**
     * Filtered back-projection of one sinogram.
     *
     * @param sinogram {@code [angle, column]} line integrals per pixel
     * @param geometry scan geometry (angles in degrees, centre, shifts)
     * @param options filter, padding, size
     * @return {@code [y, x]} attenuation per voxel length
     */
    public static FloatDataset fbp(IDataset sinogram, ParallelBeamGeometry geometry, FbpOptions options) {
        checkShape(sinogram, geometry.angleCount(), geometry.columns());
        FilteredBackProjection fbp = new FilteredBackProjection(geometry, options);
        int n = fbp.size();
        return FlatArrays.wrap(fbp.reconstructSlice(FlatArrays.floats(sinogram)), n, n);
    }

    /**
     * Direct Fourier reconstruction (gridding) of one sinogram: the fast alternative to {@link #fbp} with the
     * same geometry, filters and units.
     *
     * @param sinogram {@code [angle, column]} line integrals per pixel
     * @param geometry scan geometry (angles in degrees, centre, shifts)
     * @param options filter, padding, size
     * @return {@code [y, x]} attenuation per voxel length
     */
    public static FloatDataset gridding(IDataset sinogram, ParallelBeamGeometry geometry, FbpOptions options) {
        checkShape(sinogram, geometry.angleCount(), geometry.columns());
        FourierGridReconstruction gridding = new FourierGridReconstruction(geometry, options);
        int n = gridding.size();
        return FlatArrays.wrap(gridding.reconstructSlice(FlatArrays.floats(sinogram)), n, n);
    }

    /**
     * SIRT of one sinogram.
     *
     * @param sinogram {@code [angle, column]} line integrals per pixel
     * @param geometry scan geometry
     * @param options iterations, relaxation, non-negativity, size
     * @param monitor progress (one unit per iteration) and cancel, or {@code null}
     * @return {@code [y, x]} attenuation per voxel length
     */
    public static FloatDataset sirt(IDataset sinogram, ParallelBeamGeometry geometry, SirtOptions options,
            IMonitor monitor) {
        checkShape(sinogram, geometry.angleCount(), geometry.columns());
        Sirt sirt = new Sirt(geometry, options);
        int n = sirt.size();
        return FlatArrays.wrap(sirt.reconstructSlice(FlatArrays.floats(sinogram), monitor).slice(), n, n);
    }

    /**
     * Reconstructs a whole volume slab by slab and assembles it in memory (use
     * {@link SlabwiseReconstruction} with your own sink for volumes larger than the heap).
     *
     * @param projections {@code [angle, row, column]}, possibly lazy (only one slab is read at a time)
     * @param method the per-slab method, e.g. {@code SlabReconstructor.fbp(new FilteredBackProjection(...))}
     * @param ringRemoval stripe suppression, or {@code null}
     * @param slabRows rows per slab
     * @param monitor progress (one unit per slab) and cancel, or {@code null}
     * @return {@code [z, y, x]}
     * @throws IOException when the projections cannot be read
     */
    public static FloatDataset reconstructVolume(ILazyDataset projections, SlabReconstructor method,
            RingRemoval ringRemoval, int slabRows, IMonitor monitor) throws IOException {
        ProjectionSource source = source(projections);
        VolumeSink.ArraySink sink = VolumeSink.inMemory(source.rows(), method.size());
        new SlabwiseReconstruction(method, ringRemoval, slabRows).run(source, sink, monitor);
        return FlatArrays.wrap(sink.volume(), source.rows(), method.size(), method.size());
    }

    /**
     * Converts attenuation per voxel length to 1/µm.
     *
     * @param reconstruction a slice or volume from this package
     * @param pixelSizeUm voxel (detector pixel) size in µm
     * @return μ in 1/µm ({@code reconstruction / pixelSizeUm}), a new dataset
     */
    public static FloatDataset toAttenuationPerUm(IDataset reconstruction, double pixelSizeUm) {
        if (!(pixelSizeUm > 0) || !Double.isFinite(pixelSizeUm)) {
            throw new IllegalArgumentException("pixel size must be positive, was " + pixelSizeUm + " µm");
        }
        float[] data = FlatArrays.floats(reconstruction);
        float scale = (float) (1 / pixelSizeUm);
        for (int i = 0; i < data.length; i++) {
            data[i] *= scale;
        }
        return FlatArrays.wrap(data, reconstruction.getShape());
    }

    /**
     * A projection source reading slabs from a (lazy) dataset {@code [angle, row, column]}.
     *
     * @param projections the dataset; HDF5-backed lazy datasets are read one slab at a time
     * @return the source
     */
    public static ProjectionSource source(ILazyDataset projections) {
        Objects.requireNonNull(projections, "projections");
        int[] shape = projections.getShape();
        if (shape.length != 3) {
            throw new IllegalArgumentException(
                    "projections must be [angle, row, column], shape was " + Arrays.toString(shape));
        }
        return new ProjectionSource() {
            @Override
            public int angleCount() {
                return shape[0];
            }

            @Override
            public int rows() {
                return shape[1];
            }

            @Override
            public int columns() {
                return shape[2];
            }

            @Override
            public float[] read(int row0, int rowCount) throws IOException {
                try {
                    IDataset slab = projections.getSlice(new int[] {0, row0, 0},
                            new int[] {shape[0], row0 + rowCount, shape[2]}, null);
                    return FlatArrays.floats(slab);
                } catch (DatasetException e) {
                    throw new IOException("cannot read projection rows " + row0 + ".." + (row0 + rowCount - 1), e);
                }
            }
        };
    }

    private static void checkShape(IDataset sinogram, int angles, int columns) {
        Objects.requireNonNull(sinogram, "sinogram");
        int[] shape = sinogram.getShape();
        if (shape.length != 2 || shape[0] != angles || shape[1] != columns) {
            throw new IllegalArgumentException("sinogram must be [angle, column] = [" + angles + ", " + columns
                    + "], shape was " + Arrays.toString(shape));
        }
    }
}
