package org.edgewise.recon.stages;

/** How {@link ReconstructStage} inverts the projections. */
public enum ReconstructionMethod {
    /** Direct Fourier (gridding) reconstruction: the fast default, within a few percent of FBP at sharp edges. */
    GRIDDING,
    /** Filtered back-projection: the exact reference, slower. */
    FBP
}
