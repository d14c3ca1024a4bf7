/**
 * The phantom simulator: ellipsoidal particles with depth-dependent composition and pores, exact line integrals,
 * a TXM acquisition model, Data Exchange output and the truth.
 * <pre>{@code
 * Phantom phantom = Phantom.generate(PhantomSpec.paperLike(Architecture.preset("63ni"), 2), 7);
 * float[][][] p = Projector.project(phantom, ScanGeometry.ideal(128, 128, ScanGeometry.anglesOver180(180), 0.11), 8.353, 1);
 * Simulator.run(SimulationSettings.defaults(Architecture.preset("63ni")), outDir, System.out::println);
 * }</pre>
 */
package org.edgewise.physics.phantom;
