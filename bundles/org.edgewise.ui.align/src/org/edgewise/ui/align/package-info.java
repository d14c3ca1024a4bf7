/**
 * The Alignment perspective: projections before and after alignment, shifts against angle, the rotation centre and the pair registration. It runs the headless {@code org.edgewise.align} steps as jobs and shares its results
 * through the dataset registry.
 */
package org.edgewise.ui.align;
