/**
 * The Reconstruction perspective: reconstruction parameters, a preview slice, and the full reconstruction as a job. It runs the headless {@code org.edgewise.recon} steps as jobs and shares its results
 * through the dataset registry.
 */
package org.edgewise.ui.recon;
