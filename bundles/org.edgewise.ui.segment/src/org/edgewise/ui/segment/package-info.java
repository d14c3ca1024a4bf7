/**
 * The Segmentation perspective: threshold histogram, labels over the orthoslices, the particle table, hull outlines and depth maps. It runs the headless {@code org.edgewise.segment} steps as jobs and shares its results
 * through the dataset registry.
 */
package org.edgewise.ui.segment;
