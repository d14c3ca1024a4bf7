package org.edgewise.gradient;

import java.util.Arrays;
import java.util.List;

/**
 * The depth range of a particle whose bins can be trusted, by the reasoning of the paper's supplementary Figure S2:
 * the total differential intensity ΣΔμ is flat where every voxel of a bin is material; it falls near the surface,
 * where voxels are partly outside the particle and the reconstruction blurs the edge, and deep inside, where few
 * voxels remain and pores take a large share of them.
 * <p>
 * A bin is reliable when its total intensity is at least {@code 1 − tolerance} of the particle's plateau (the median
 * total over the bins whose centres lie in the comparison region) and it holds at least {@code minVoxels} voxels; the
 * reliable region is the contiguous run of such bins that starts at the first one.
 * <pre>{@code
 * boolean[] reliable = ReliableRegions.mark(profile, ReliableRegions.Settings.defaults());
 * }</pre>
 */
public final class ReliableRegions {

    private ReliableRegions() {
    }

    /**
     * @param tolerance      allowed drop of the total intensity below the plateau, 0..1
     * @param minVoxels      smallest bin that counts
     * @param plateauFromUm  start of the depths that define the plateau, µm
     * @param plateauToUm    end of them, µm
     */
    public record Settings(double tolerance, long minVoxels, double plateauFromUm, double plateauToUm) {

        /** @return 10 % below the plateau of 0.25–2.0 µm, at least 100 voxels */
        public static Settings defaults() {
            return new Settings(0.1, 100, 0.25, 2.0);
        }
    }

    /** @return per bin of the profile, whether it lies in the reliable region */
    public static boolean[] mark(DepthStatistics.Profile profile, Settings settings) {
        List<DepthStatistics.Bin> bins = profile.bins();
        double[] total = new double[bins.size()];
        double[] plateau = new double[bins.size()];
        int inPlateau = 0;
        for (int b = 0; b < bins.size(); b++) {
            DepthStatistics.Bin bin = bins.get(b);
            total[b] = bin.mean()[0] + bin.mean()[1] + bin.mean()[2];
            if (bin.depthUm() >= settings.plateauFromUm() && bin.depthUm() <= settings.plateauToUm()) {
                plateau[inPlateau++] = total[b];
            }
        }
        double level;
        if (inPlateau > 0) {
            double[] p = Arrays.copyOf(plateau, inPlateau);
            Arrays.sort(p);
            level = inPlateau % 2 == 1 ? p[inPlateau / 2] : 0.5 * (p[inPlateau / 2 - 1] + p[inPlateau / 2]);
        } else {
            level = Arrays.stream(total).max().orElse(0);
        }
        boolean[] reliable = new boolean[bins.size()];
        boolean started = false;
        for (int b = 0; b < bins.size(); b++) {
            boolean ok = total[b] >= (1 - settings.tolerance()) * level && bins.get(b).n() >= settings.minVoxels();
            if (ok) {
                reliable[b] = true;
                started = true;
            } else if (started) {
                break;
            }
        }
        return reliable;
    }
}
