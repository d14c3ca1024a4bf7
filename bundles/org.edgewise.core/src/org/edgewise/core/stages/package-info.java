/**
 * Small general-purpose stages contributed by {@code org.edgewise.core}: {@code edgewise.core.minus-log},
 * {@code edgewise.core.crop} and {@code edgewise.core.bin}. They can be used with {@code new} in tests:
 * <pre>{@code
 * Dataset volume = ...;                                   // [z, y, x], 1/µm, voxel 0.05 µm
 * StageOutput out = new BinStage().apply(StageInput.of("volume", volume), new BinModel(2), new IMonitor.Stub());
 * PhysicalMetadata.of(out.get("volume")).pixelSizeUm();   // 0.1
 * }</pre>
 */
package org.edgewise.core.stages;
