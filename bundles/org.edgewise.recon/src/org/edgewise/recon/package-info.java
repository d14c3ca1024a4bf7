/**
 * Tomographic reconstruction for parallel beam: filtered back-projection, direct Fourier reconstruction by
 * gridding (gridrec), SIRT with a matched projector pair, sinogram stripe (ring) removal and slab-wise volume
 * reconstruction with bounded memory.
 * <p>
 * Geometry (see {@link org.edgewise.recon.ParallelBeamGeometry}): projections {@code [angle, row, column]}, the
 * rotation axis along the detector rows so row = z, volumes {@code [z, y, x]}; the ray at column {@code u}
 * follows {@code u - c = x·cos θ + y·sin θ} with {@code x, y} in voxels from the slice centre
 * {@code (n-1)/2}; angles in degrees. Input line integrals per pixel, output attenuation per voxel length;
 * divide by the pixel size in µm for 1/µm.
 * <pre>{@code
 * ParallelBeamGeometry geometry = ParallelBeamGeometry.uniform(360, 180, 512).withCenter(257.3);
 * FloatDataset slice = Reconstructions.fbp(sinogram, geometry, FbpOptions.DEFAULT.withFilter(FbpFilter.HANN));
 * FloatDataset muPerUm = Reconstructions.toAttenuationPerUm(slice, 0.049);
 *
 * // a volume larger than the heap: slab by slab from a lazy source into a sink
 * SlabReconstructor method = SlabReconstructor.fbp(new FilteredBackProjection(geometry, FbpOptions.DEFAULT));
 * new SlabwiseReconstruction(method, new RingRemoval(11), 32).run(source, sink, monitor);
 * }</pre>
 */
package org.edgewise.recon;
