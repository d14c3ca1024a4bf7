/**
 * The image canvas for January datasets: slices of 3-D stacks (projections with an angle slider, sinograms,
 * orthoslices XY/XZ/YZ with a linked cursor) with colour maps, a colour bar, a display range from the histogram,
 * zoom and pan, label overlays, RGB composites, a readout in µm with the value's unit, and PNG export.
 * <p>
 * Only the visible slice is read and rendered, on a worker thread ({@link org.edgewise.ui.image.StackSlicer},
 * {@link org.edgewise.ui.image.SliceRenderer}, neither of which needs a display); the display thread only turns the
 * pixels into an image.
 * <pre>{@code
 * OrthoSliceViewer viewer = new OrthoSliceViewer(parent, SWT.NONE);
 * viewer.setVolume(volume, StackAxes.volume(voxelUm, "1/µm")); // [z, y, x]
 * viewer.setLabels(labels);                                     // same shape, 0 = background
 * viewer.setCursorVoxel(new int[] { z, y, x });
 * }</pre>
 */
package org.edgewise.ui.image;
