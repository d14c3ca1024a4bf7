/**
 * X-ray constants for layered-oxide cathodes, from xraylib.
 * <pre>{@code
 * LayeredOxide nmc811 = LayeredOxide.of(TmFractions.ofNiCoMn(8, 1, 1));
 * double muPerUm = nmc811.linearAttenuationPerUm(8.353);              // 1/µm
 * double jump = Attenuations.edgeJumpCm2PerG(Element.NI, 8.313, 8.353); // cm²/g
 * }</pre>
 */
package org.edgewise.physics;
