/**
 * The reconstruction benchmark behind {@code ./edgewise bench recon}: Edgewise FBP against scikit-image's
 * {@code iradon} and ctsim's {@code pjrec} in the same run, plus a slab-wise volume.
 * <pre>{@code
 * ReconstructionBenchmark.run(ReconstructionBenchmark.Settings.DEFAULT, System.out);
 * }</pre>
 */
package org.edgewise.recon.bench;
