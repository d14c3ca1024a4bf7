package org.edgewise.recon.stages;

import org.edgewise.api.parameters.Parameter;
import org.edgewise.recon.FbpFilter;
import org.edgewise.recon.Padding;

/**
 * Parameters of {@link ReconstructStage}.
 *
 * @param method          gridding (fast) or filtered back-projection (exact reference)
 * @param filter          the reconstruction filter applied to each projection row
 * @param padding         how projection rows are padded before filtering
 * @param centerOffsetPx  rotation axis position relative to the detector centre {@code (columns − 1)/2}, pixels
 *                        (positive: towards higher column indices)
 * @param ringWindow      width in pixels of the stripe filter applied to each sinogram before reconstruction;
 *                        0 switches ring removal off
 * @param slabRows        detector rows reconstructed together; bounds the working memory
 */
public record ReconstructModel(
        @Parameter(label = "Method", defaultValue = "GRIDDING",
                description = "GRIDDING (direct Fourier, fast) or FBP (filtered back-projection, exact reference).")
        ReconstructionMethod method,
        @Parameter(label = "Filter", defaultValue = "RAMP",
                description = "RAMP, SHEPP_LOGAN, COSINE, HANN or HAMMING; softer filters trade resolution for noise.")
        FbpFilter filter,
        @Parameter(label = "Padding", defaultValue = "EDGE",
                description = "ZERO or EDGE padding of each row before filtering; EDGE avoids cupping when the object leaves the field of view.")
        Padding padding,
        @Parameter(label = "Centre offset", unit = "px", defaultValue = "0", min = -1000, max = 1000,
                description = "Rotation axis relative to the detector centre, pixels (positive towards higher columns).")
        double centerOffsetPx,
        @Parameter(label = "Ring removal window", unit = "px", defaultValue = "0", min = 0, max = 101,
                description = "Width of the sinogram stripe filter, pixels; 0 = no ring removal.")
        int ringWindow,
        @Parameter(label = "Slab rows", unit = "rows", defaultValue = "16", min = 1, max = 4096,
                description = "Detector rows reconstructed together; larger is faster but needs more memory.")
        int slabRows) {
}
