/**
 * Pipeline stages of the alignment bundle, declared in its {@code plugin.xml}:
 * {@code edgewise.align.normalise}.
 *
 * <pre>{@code
 * Dataset p = new NormaliseStage().apply(StageInput.whole(Map.of("projections", counts, "flats", flats,
 *         "darks", darks)), new NormaliseModel(1e-6, 8), new IMonitor.Stub()).get("projections");
 * }</pre>
 */
package org.edgewise.align.stages;
