package org.edgewise.gradient;

/**
 * The paper's data-density plot (its Figure 2e): for one particle and element, the number of voxels per depth bin
 * and value bin, so that the spread of Δμ at each depth is seen, not only its mean.
 * <pre>{@code
 * DensityHistograms.Histogram h = DensityHistograms.of(deltaMuNi, hulls, depthUm, 1, 0.118, 64);
 * }</pre>
 */
public final class DensityHistograms {

    private DensityHistograms() {
    }

    /**
     * @param particle   the particle
     * @param depthBinUm width of the depth bins, µm (from 0)
     * @param valueLow   lower edge of the value bins
     * @param valueHigh  upper edge of the value bins
     * @param counts     [depth bin][value bin]
     */
    public record Histogram(int particle, double depthBinUm, double valueLow, double valueHigh, long[][] counts) {

        /** @return the value bins' width */
        public double valueBin() {
            return (valueHigh - valueLow) / counts[0].length;
        }
    }

    /**
     * @param values     flat values (e.g. Δμ of one element)
     * @param hulls      flat hull labels
     * @param depthUm    flat depth map, µm
     * @param particle   the particle
     * @param depthBinUm depth bin width, µm
     * @param valueBins  number of value bins over the 0.5–99.5 % range of the particle's values
     * @return the histogram
     */
    public static Histogram of(float[] values, int[] hulls, float[] depthUm, int particle, double depthBinUm,
            int valueBins) {
        int n = 0;
        double maxDepth = 0;
        for (int i = 0; i < hulls.length; i++) {
            if (hulls[i] == particle) {
                n++;
                maxDepth = Math.max(maxDepth, depthUm[i]);
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("particle " + particle + " has no voxels");
        }
        float[] v = new float[n];
        int k = 0;
        for (int i = 0; i < hulls.length; i++) {
            if (hulls[i] == particle) {
                v[k++] = values[i];
            }
        }
        java.util.Arrays.sort(v);
        double low = v[(int) (0.005 * (n - 1))];
        double high = v[(int) Math.ceil(0.995 * (n - 1))];
        if (!(high > low)) {
            high = low + 1e-6;
        }
        int depthBins = (int) Math.floor(maxDepth / depthBinUm) + 1;
        long[][] counts = new long[depthBins][valueBins];
        for (int i = 0; i < hulls.length; i++) {
            if (hulls[i] != particle) {
                continue;
            }
            int b = Math.min(depthBins - 1, (int) (depthUm[i] / depthBinUm));
            int c = (int) Math.floor((values[i] - low) / (high - low) * valueBins);
            if (c >= 0 && c < valueBins) {
                counts[b][c]++;
            }
        }
        return new Histogram(particle, depthBinUm, low, high, counts);
    }
}
