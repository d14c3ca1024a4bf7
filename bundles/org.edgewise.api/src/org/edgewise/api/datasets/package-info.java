/**
 * Helpers between January datasets and flat primitive arrays.
 * <pre>{@code
 * float[] mu = FlatArrays.floats(volume);       // [z, y, x] row-major copy
 * Dataset out = FlatArrays.wrap(mu, nz, ny, nx);
 * }</pre>
 */
package org.edgewise.api.datasets;
