/**
 * The Gradient Analysis perspective: depth profiles with confidence bands, data density, line scans and the metrics table per particle. It runs the headless gradient analysis as jobs and shares its results
 * through the dataset registry.
 */
package org.edgewise.ui.gradient;
