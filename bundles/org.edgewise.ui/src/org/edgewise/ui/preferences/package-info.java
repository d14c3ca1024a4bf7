/**
 * Window › Preferences › Edgewise: memory for volumes, the default comparison region of the gradient metrics, and
 * the flux, voxel size and size of the demo dataset.
 * <pre>{@code
 * EdgewisePreferences.ComparisonRegion region = EdgewisePreferences.comparisonRegion(); // 0.25–2.00 µm
 * }</pre>
 */
package org.edgewise.ui.preferences;
