/**
 * Reconstruction as pipeline stages: {@code edgewise.recon.reconstruct} (gridding or FBP) and
 * {@code edgewise.recon.sirt}; projections {@code [angle, row, column]} of line integrals in, μ {@code [z, y, x]}
 * in 1/µm out.
 * <pre>{@code
 * Dataset volume = new ReconstructStage().apply(StageInput.of("projections", lineIntegrals),
 *         Parameters.defaults(ReconstructModel.class), new IMonitor.Stub()).get("volume");
 * }</pre>
 */
package org.edgewise.recon.stages;
