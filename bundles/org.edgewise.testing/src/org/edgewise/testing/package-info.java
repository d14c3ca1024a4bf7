/**
 * Helpers that several test fragments share (this bundle is not part of any feature): independent reference
 * computations ({@link org.edgewise.testing.Sinusoids}) and the simulator's truth
 * ({@link org.edgewise.testing.TruthFiles}).
 * <pre>{@code
 * Simulator.Truth truth = TruthFiles.read(scans);
 * double centre = TruthFiles.scan(truth, "scan_06_ni_above").rotationCentrePx();
 * }</pre>
 */
package org.edgewise.testing;
