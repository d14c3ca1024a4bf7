/**
 * The frame the four perspectives share and their ids, in pipeline order: Alignment, Reconstruction,
 * Segmentation, Gradient Analysis. The perspectives themselves live in the bundles {@code org.edgewise.ui.align},
 * {@code .recon}, {@code .segment} and {@code .gradient}.
 */
package org.edgewise.ui.perspectives;
