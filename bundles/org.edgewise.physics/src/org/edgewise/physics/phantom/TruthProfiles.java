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
        int shells = particle.shellCount();
        double[][] deltaMu = new double[3][shells]; // Ni, Mn, Co
        Element[] order = { Element.NI, Element.MN, Element.CO };
        for (int e = 0; e < 3; e++) {
            EnergyPair pair = pair(pairs, order[e]);
            for (int k = 0; k < shells; k++) {
                deltaMu[e][k] = pair.differentialAttenuationPerUm(particle.shellOxide(k));
            }
        }
        int bins = (int) Math.ceil(Math.min(s[0], Math.min(s[1], s[2])) / binUm) + 1;
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
                    if (shell < 0) {
                        continue;
                    }
                    double depth = Ellipsoids.depthBelowSurface(local[0], local[1], local[2], s[0], s[1], s[2]);
                    int b = Math.min(bins - 1, (int) (depth / binUm));
                    TmFractions f = particle.shellComposition(shell);
                    double[] a = acc[b];
                    a[0] += 1;
                    a[1] += f.ni();
                    a[2] += f.mn();
                    a[3] += f.co();
                    a[4] += deltaMu[0][shell];
                    a[5] += deltaMu[1][shell];
                    a[6] += deltaMu[2][shell];
                }
            }
            partial[i] = acc;
        });
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
