/**
 * One perspective per stage family, in pipeline order: Alignment, Reconstruction, Segmentation, Gradient Analysis.
 */
package org.edgewise.ui.perspectives;
