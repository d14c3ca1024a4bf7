/**
 * January metadata that travels with every Edgewise dataset: pixel or voxel size (µm), energy (keV), projection
 * angles (degrees), value unit and the provenance chain.
 * <pre>{@code
 * Dataset projections = ...;                                   // [angle, row, column], counts
 * PhysicalMetadata.create(0.049, 8.353, "counts")
 *         .withAnglesDeg(thetaDeg, DataKind.PROJECTIONS)
 *         .attachTo(projections);
 * Dataset first10 = projections.getSlice(new Slice(0, 10));    // metadata and the first 10 angles come along
 * double pixelUm = PhysicalMetadata.of(first10).pixelSizeUm(); // 0.049
 * }</pre>
 */
package org.edgewise.api.metadata;
