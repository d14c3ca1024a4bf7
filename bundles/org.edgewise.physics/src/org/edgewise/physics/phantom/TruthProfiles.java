package org.edgewise.physics.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.edgewise.api.Element;
import org.edgewise.physics.EnergyPair;
import org.edgewise.physics.TmFractions;

/**
 * The true depth profiles of a particle, measured the way an analysis measures them: Euclidean depth below the
 * surface (the particle's convex hull is the ellipsoid itself), solid material only (pores excluded), averaged per
 * depth bin. Computed on a sampling grid much finer than any reconstruction voxel.
 */
public final class TruthProfiles {

    private TruthProfiles() {
    }

    /**
     * One depth bin.
     *
     * @param depthLowUm   bin start, µm
     * @param depthHighUm  bin end, µm
     * @param samples      grid points of solid material in the bin
     * @param volumeUm3    solid volume in the bin, µm³
     * @param fractionNi   mean atomic fraction of Ni on the TM site
     * @param fractionMn   mean atomic fraction of Mn
     * @param fractionCo   mean atomic fraction of Co
     * @param deltaMuNi    mean Δμ of the Ni pair, 1/µm
     * @param deltaMuMn    mean Δμ of the Mn pair, 1/µm
     * @param deltaMuCo    mean Δμ of the Co pair, 1/µm
     * @param ratioNi      the paper's Eq. 1: Δμ_Ni / (Δμ_Ni + Δμ_Mn + Δμ_Co), from the bin means
     * @param ratioMn      Δμ_Mn / ΣΔμ
     * @param ratioCo      Δμ_Co / ΣΔμ
     */
    public record Bin(double depthLowUm, double depthHighUm, long samples, double volumeUm3, double fractionNi,
            double fractionMn, double fractionCo, double deltaMuNi, double deltaMuMn, double deltaMuCo,
            double ratioNi, double ratioMn, double ratioCo) {
    }

    /**
     * @param particle the particle
     * @param binUm    depth bin width, µm (one voxel by convention)
     * @param gridUm   sampling grid step, µm
     * @param pairs    the energy pairs of Ni, Mn and Co, any order
     * @return bins from the surface inwards, up to the deepest material
     */
    public static List<Bin> compute(Particle particle, double binUm, double gridUm, List<EnergyPair> pairs) {
        double[] s = particle.semiAxesUm();
        double[][] deltaMu = deltaMu(particle, pairs);
        int bins = binCount(s, binUm);
        int nx = (int) Math.ceil(2 * s[0] / gridUm);
        int ny = (int) Math.ceil(2 * s[1] / gridUm);
        int nz = (int) Math.ceil(2 * s[2] / gridUm);
        // per x-slab accumulators, merged afterwards: count, fractions (3), Δμ (3)
        double[][][] partial = new double[nx][][];
        IntStream.range(0, nx).parallel().forEach(i -> {
            double[][] acc = new double[bins][7];
            double[] local = new double[3];
            local[0] = -s[0] + (i + 0.5) * gridUm;
            for (int j = 0; j < ny; j++) {
                local[1] = -s[1] + (j + 0.5) * gridUm;
                for (int k = 0; k < nz; k++) {
                    local[2] = -s[2] + (k + 0.5) * gridUm;
                    int shell = particle.shellAt(local);
                    if (shell >= 0) {
                        add(acc, particle, s, deltaMu, local, shell, binUm, 1);
                    }
                }
            }
            partial[i] = acc;
        });
        return bins(partial, bins, binUm, gridUm);
    }

    /**
     * The same bins on a grid symmetric about the particle's centre (points at odd multiples of {@code gridUm/2}
     * along each principal axis), about eight times faster: without pores the shell and the depth of a point do not
     * change when any coordinate changes sign, so one octant counted eight times gives the envelope; the grid points
     * inside each pore are then taken away. The result is that of a point-by-point pass over the symmetric grid (up
     * to the order of summation); the grid differs from {@link #compute}'s by a shift of less than one step.
     *
     * @param particle the particle
     * @param binUm    depth bin width, µm
     * @param gridUm   sampling grid step, µm
     * @param pairs    the energy pairs of Ni, Mn and Co, any order
     * @return bins from the surface inwards, up to the deepest material
     */
    public static List<Bin> computeBySymmetry(Particle particle, double binUm, double gridUm,
            List<EnergyPair> pairs) {
        double[] s = particle.semiAxesUm();
        double[][] deltaMu = deltaMu(particle, pairs);
        int bins = binCount(s, binUm);
        int nx = (int) Math.ceil(s[0] / gridUm);
        int ny = (int) Math.ceil(s[1] / gridUm);
        int nz = (int) Math.ceil(s[2] / gridUm);
        double[][][] partial = new double[nx + 1][][];
        IntStream.range(0, nx).parallel().forEach(i -> {
            double[][] acc = new double[bins][7];
            double[] local = new double[3];
            local[0] = (i + 0.5) * gridUm;
            for (int j = 0; j < ny; j++) {
                local[1] = (j + 0.5) * gridUm;
                for (int k = 0; k < nz; k++) {
                    local[2] = (k + 0.5) * gridUm;
                    int shell = particle.envelopeShellAt(local);
                    if (shell < 0) {
                        break; // further out along z is outside too
                    }
                    add(acc, particle, s, deltaMu, local, shell, binUm, 8);
                }
            }
            partial[i] = acc;
        });
        double[][] pores = new double[bins][7];
        double[] local = new double[3];
        for (Pore pore : particle.pores()) {
            Vec3 c = pore.centreLocalUm();
            double r = pore.radiusUm();
            int[] lo = new int[3];
            int[] hi = new int[3];
            double[] centre = { c.x(), c.y(), c.z() };
            for (int axis = 0; axis < 3; axis++) {
                lo[axis] = (int) Math.floor((centre[axis] - r) / gridUm - 0.5);
                hi[axis] = (int) Math.ceil((centre[axis] + r) / gridUm - 0.5);
            }
            for (int i = lo[0]; i <= hi[0]; i++) {
                local[0] = (i + 0.5) * gridUm;
                for (int j = lo[1]; j <= hi[1]; j++) {
                    local[1] = (j + 0.5) * gridUm;
                    for (int k = lo[2]; k <= hi[2]; k++) {
                        local[2] = (k + 0.5) * gridUm;
                        double ex = local[0] - c.x();
                        double ey = local[1] - c.y();
                        double ez = local[2] - c.z();
                        if (ex * ex + ey * ey + ez * ez < r * r) {
                            int shell = particle.envelopeShellAt(local);
                            if (shell >= 0) {
                                add(pores, particle, s, deltaMu, local, shell, binUm, -1);
                            }
                        }
                    }
                }
            }
        }
        partial[nx] = pores;
        return bins(partial, bins, binUm, gridUm);
    }

    /** Δμ per shell of the Ni, Mn and Co pairs, 1/µm: {@code [element][shell]}. */
    private static double[][] deltaMu(Particle particle, List<EnergyPair> pairs) {
        int shells = particle.shellCount();
        double[][] deltaMu = new double[3][shells]; // Ni, Mn, Co
        Element[] order = { Element.NI, Element.MN, Element.CO };
        for (int e = 0; e < 3; e++) {
            EnergyPair pair = pair(pairs, order[e]);
            for (int k = 0; k < shells; k++) {
                deltaMu[e][k] = pair.differentialAttenuationPerUm(particle.shellOxide(k));
            }
        }
        return deltaMu;
    }

    private static int binCount(double[] s, double binUm) {
        return (int) Math.ceil(Math.min(s[0], Math.min(s[1], s[2])) / binUm) + 1;
    }

    private static void add(double[][] acc, Particle particle, double[] s, double[][] deltaMu, double[] local,
            int shell, double binUm, double weight) {
        double depth = Ellipsoids.depthBelowSurface(local[0], local[1], local[2], s[0], s[1], s[2]);
        int b = Math.min(acc.length - 1, (int) (depth / binUm));
        TmFractions f = particle.shellComposition(shell);
        double[] a = acc[b];
        a[0] += weight;
        a[1] += weight * f.ni();
        a[2] += weight * f.mn();
        a[3] += weight * f.co();
        a[4] += weight * deltaMu[0][shell];
        a[5] += weight * deltaMu[1][shell];
        a[6] += weight * deltaMu[2][shell];
    }

    private static List<Bin> bins(double[][][] partial, int bins, double binUm, double gridUm) {
        double[][] total = new double[bins][7];
        for (double[][] acc : partial) {
            for (int b = 0; b < bins; b++) {
                for (int q = 0; q < 7; q++) {
                    total[b][q] += acc[b][q];
                }
            }
        }
        double cell = gridUm * gridUm * gridUm;
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            double n = total[b][0];
            if (n == 0) {
                continue;
            }
            double dNi = total[b][4] / n;
            double dMn = total[b][5] / n;
            double dCo = total[b][6] / n;
            double sum = dNi + dMn + dCo;
            out.add(new Bin(b * binUm, (b + 1) * binUm, (long) n, n * cell, total[b][1] / n, total[b][2] / n,
                    total[b][3] / n, dNi, dMn, dCo, dNi / sum, dMn / sum, dCo / sum));
        }
        return out;
    }

    private static EnergyPair pair(List<EnergyPair> pairs, Element element) {
        return pairs.stream().filter(p -> p.element() == element).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no energy pair for " + element.symbol()));
    }
}
