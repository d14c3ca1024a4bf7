package org.edgewise.physics.phantom;

import org.edgewise.physics.TmFractions;

/** Transition-metal composition as a function of depth below a particle's surface. */
@FunctionalInterface
public interface CompositionProfile {

    /**
     * @param depthUm depth below the surface, µm, ≥ 0
     * @return the composition at that depth
     */
    TmFractions at(double depthUm);
}
