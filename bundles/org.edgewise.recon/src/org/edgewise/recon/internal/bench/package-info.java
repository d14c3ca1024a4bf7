/**
 * The reconstruction benchmark behind {@code ./edgewise bench recon}: Edgewise FBP against scikit-image's
 * {@code iradon} and ctsim's {@code pjrec} in the same run, plus a slab-wise volume. Internal: exported only to
 * {@code org.edgewise.cli} (its {@code bench recon} command), not part of the bundle's API.
 * <pre>{@code
 * ReconstructionBenchmark.run(ReconstructionBenchmark.Settings.DEFAULT, System.out);
 * }</pre>
 */
package org.edgewise.recon.internal.bench;
