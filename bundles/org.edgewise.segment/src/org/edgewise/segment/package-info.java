/**
 * Segmentation and particle geometry on flat primitive volumes {@code [z, y, x]}: thresholds, binary morphology,
 * labelling, watershed separation, exact Euclidean distance transforms, convex hulls, depth maps and shape metrics.
 * <pre>{@code
 * byte[] mask = Thresholds.above(values, Thresholds.otsu(values));
 * int[] labels = new int[mask.length];
 * int n = Watersheds.separate(Morphology.fillHoles(mask, nz, ny, nx), nz, ny, nx, 4.0, labels);
 * List<ParticleMetrics.Metrics> metrics = ParticleMetrics.measure(labels, mask, nz, ny, nx, n, voxelUm);
 * }</pre>
 */
package org.edgewise.segment;
