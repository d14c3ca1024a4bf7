/**
 * Preprocessing and alignment of projection stacks, starting with normalisation
 * ({@link org.edgewise.align.Normalisation}): median dark/flat correction, −log, outlier removal and counted
 * clamping. Shifts found by alignment are results, stored and applied later, never baked into the data.
 *
 * <pre>{@code
 * Normalisation.Result n = Normalisation.normalise(counts, flats, darks, NormalisationOptions.DEFAULTS, null);
 * Dataset lineIntegrals = n.lineIntegrals(); // [angle, row, column], dimensionless
 * }</pre>
 */
package org.edgewise.align;
