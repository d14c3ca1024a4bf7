/**
 * Pipeline stages {@code edgewise.segment.*} wrapping {@link org.edgewise.segment}: lengths in µm are converted with
 * the voxel size of the input's {@link org.edgewise.api.metadata.PhysicalMetadata}.
 * <pre>{@code
 * Dataset mask = new ThresholdStage().apply(StageInput.of("volume", volume),
 *         new ThresholdModel(ThresholdModel.Method.OTSU, 0), new IMonitor.Stub()).get("mask");
 * }</pre>
 */
package org.edgewise.segment.stages;
