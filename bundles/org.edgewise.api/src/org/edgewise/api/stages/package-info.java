/**
 * The stage contract: a stage is a pure function from named January datasets of declared {@link
 * org.edgewise.api.stages.DataKind kinds} and a parameter record to named datasets.
 * <pre>{@code
 * public final class NegateStage implements IStage<NoParameters> {
 *     public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) {
 *         Dataset volume = input.get("volume");                        // [z, y, x], 1/µm
 *         Dataset negated = Maths.negative(volume);                    // Maths drops metadata ...
 *         PhysicalMetadata.of(volume).attachTo(negated);               // ... so carry it over
 *         return StageOutput.of("volume", negated);
 *     }
 *     public SlabPolicy slabPolicy(NoParameters model) { return SlabPolicy.slabs(1); } // any z slab will do
 * }
 * }</pre>
 * Declare it once in {@code plugin.xml} under {@code org.edgewise.api.stages}; see {@code docs/pipeline.md}.
 */
package org.edgewise.api.stages;
