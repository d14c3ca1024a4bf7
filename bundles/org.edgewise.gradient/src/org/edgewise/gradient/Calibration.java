package org.edgewise.gradient;

import java.util.List;

import org.edgewise.api.Element;
import org.edgewise.physics.Attenuations;
import org.edgewise.physics.EnergyPair;

/**
 * The calibrated composition: from the three differential absorptions {@code Δμ_Ni, Δμ_Mn, Δμ_Co} (1/µm) to the
 * molar concentrations and atomic fractions of Ni, Mn and Co in a layered oxide Li<sub>L</sub>TMO<sub>2</sub>.
 * <p>
 * Across the pair of element {@code e} every element of the oxide changes its mass attenuation coefficient by
 * {@code ΔM_i(e) = (μ/ρ)_i(E+) − (μ/ρ)_i(E−)} (cm²/g, xraylib at the pair's actual energies): the edge jump for
 * {@code i = e}, a small negative change for the others. With {@code c_k} the moles of transition metal k per cm³
 * and oxygen and lithium tied to them by the stoichiometry ({@code 2} O and {@code L} Li per transition metal):
 * <pre>
 *   Δμ_e = 10⁻⁴ · Σ_k c_k · B_ek,     B_ek = M_k·ΔM_k(e) + 2·M_O·ΔM_O(e) + L·M_Li·ΔM_Li(e)
 * </pre>
 * ({@code M} molar masses, g/mol; 10⁻⁴ converts 1/cm to 1/µm). The 3×3 system is solved exactly,
 * {@code c = B⁻¹·Δμ·10⁴}; the atomic fraction is {@code x_k = c_k / Σ c}, the partial density
 * {@code ρ_k = M_k·c_k} (g/cm³). Because {@code x} is a ratio of linear forms of {@code Δμ}, a common factor (partial
 * volume at the surface, pores) cancels, as it does in the paper's ratio.
 * <pre>{@code
 * Calibration c = Calibration.of(pairs, 1.0);
 * double[] x = c.fractions(new double[] { dMn, dCo, dNi });   // indexed by Element.ordinal()
 * }</pre>
 */
public final class Calibration {

    private static final int N = 3;
    private static final Element[] ELEMENTS = Element.values();

    private final double[][] matrix; // [pair e][metal k] in 1/µm per (mol/cm³)
    private final double[][] inverse;
    private final double lithium;
    private final List<EnergyPair> pairs;

    private Calibration(double[][] matrix, double lithium, List<EnergyPair> pairs) {
        this.matrix = matrix;
        this.inverse = invert(matrix);
        this.lithium = lithium;
        this.pairs = List.copyOf(pairs);
    }

    /**
     * @param pairs   one energy pair per element (any order), at the energies of the files
     * @param lithium Li per formula unit (1 for LiTMO<sub>2</sub>)
     * @return the calibration
     * @throws IllegalArgumentException if an element has no pair or the system is singular
     */
    public static Calibration of(List<EnergyPair> pairs, double lithium) {
        if (!(lithium >= 0)) {
            throw new IllegalArgumentException("lithium per formula unit must be >= 0, was " + lithium);
        }
        double mO = Attenuations.atomicWeight(Attenuations.OXYGEN);
        double mLi = Attenuations.atomicWeight(Attenuations.LITHIUM);
        double[][] b = new double[N][N];
        for (Element e : ELEMENTS) {
            EnergyPair pair = pairs.stream().filter(p -> p.element() == e).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no energy pair for " + e.symbol()));
            double lo = pair.belowKev();
            double hi = pair.aboveKev();
            double anion = 2 * mO * change(Attenuations.OXYGEN, lo, hi) + lithium * mLi
                    * change(Attenuations.LITHIUM, lo, hi);
            for (Element k : ELEMENTS) {
                double mk = Attenuations.atomicWeight(k.atomicNumber());
                b[e.ordinal()][k.ordinal()] = Attenuations.PER_CM_TO_PER_UM
                        * (mk * change(k.atomicNumber(), lo, hi) + anion);
            }
        }
        return new Calibration(b, lithium, pairs);
    }

    private static double change(int z, double belowKev, double aboveKev) {
        return Attenuations.massAttenuationCm2PerG(z, aboveKev) - Attenuations.massAttenuationCm2PerG(z, belowKev);
    }

    /** @return the pairs this calibration was built for */
    public List<EnergyPair> pairs() {
        return pairs;
    }

    /** @return Li per formula unit */
    public double lithium() {
        return lithium;
    }

    /** @return {@code B} [pair][metal], indexed by {@code Element.ordinal()}, 1/µm per mol/cm³ (a copy) */
    public double[][] matrix() {
        return copy(matrix);
    }

    /**
     * @param deltaMuPerUm Δμ per pair, indexed by {@code Element.ordinal()}, 1/µm
     * @return moles of each metal per cm³, indexed by {@code Element.ordinal()}
     */
    public double[] concentrations(double[] deltaMuPerUm) {
        return multiply(inverse, deltaMuPerUm);
    }

    /** @return partial densities ρ_k = M_k·c_k, g/cm³, indexed by {@code Element.ordinal()} */
    public double[] partialDensities(double[] deltaMuPerUm) {
        double[] c = concentrations(deltaMuPerUm);
        for (Element k : ELEMENTS) {
            c[k.ordinal()] *= Attenuations.atomicWeight(k.atomicNumber());
        }
        return c;
    }

    /** @return atomic fractions on the transition-metal site (sum 1), indexed by {@code Element.ordinal()}; NaN when Σc = 0 */
    public double[] fractions(double[] deltaMuPerUm) {
        double[] c = concentrations(deltaMuPerUm);
        double sum = c[0] + c[1] + c[2];
        for (int k = 0; k < N; k++) {
            c[k] = sum != 0 ? c[k] / sum : Double.NaN;
        }
        return c;
    }

    /**
     * Linear propagation of the covariance of Δμ to the fractions: {@code J·B⁻¹·Σ·B⁻ᵀ·Jᵀ} with
     * {@code J_kj = (δ_kj − x_k)/Σc}.
     *
     * @param deltaMuPerUm Δμ, 1/µm
     * @param covariance   covariance of Δμ, (1/µm)², 3×3 by {@code Element.ordinal()}
     * @return covariance of the fractions
     */
    public double[][] fractionCovariance(double[] deltaMuPerUm, double[][] covariance) {
        double[] c = concentrations(deltaMuPerUm);
        double sum = c[0] + c[1] + c[2];
        double[][] jacobian = new double[N][N];
        for (int k = 0; k < N; k++) {
            for (int j = 0; j < N; j++) {
                jacobian[k][j] = ((k == j ? 1 : 0) - c[k] / sum) / sum;
            }
        }
        double[][] total = multiply(jacobian, inverse);
        return sandwich(total, covariance);
    }

    /**
     * The paper's ratio (its Eq. 1) {@code r_e = Δμ_e / ΣΔμ}.
     *
     * @return ratios indexed by {@code Element.ordinal()}; NaN when ΣΔμ = 0
     */
    public static double[] ratios(double[] deltaMuPerUm) {
        double sum = deltaMuPerUm[0] + deltaMuPerUm[1] + deltaMuPerUm[2];
        double[] r = new double[N];
        for (int k = 0; k < N; k++) {
            r[k] = sum != 0 ? deltaMuPerUm[k] / sum : Double.NaN;
        }
        return r;
    }

    /** Covariance of the ratios by linear propagation, {@code J_kj = (δ_kj − r_k)/ΣΔμ}. */
    public static double[][] ratioCovariance(double[] deltaMuPerUm, double[][] covariance) {
        double sum = deltaMuPerUm[0] + deltaMuPerUm[1] + deltaMuPerUm[2];
        double[][] jacobian = new double[N][N];
        for (int k = 0; k < N; k++) {
            for (int j = 0; j < N; j++) {
                jacobian[k][j] = ((k == j ? 1 : 0) - deltaMuPerUm[k] / sum) / sum;
            }
        }
        return sandwich(jacobian, covariance);
    }

    /**
     * The systematic part of the fractions' uncertainty that the data cannot reveal: the largest change of each
     * fraction when Li per formula unit moves by ±{@code lithiumSpread} and when every stated energy (both sides of
     * every pair, together or one side at a time) is off by ±{@code energySpreadKev}.
     *
     * @param deltaMuPerUm    Δμ by {@code Element.ordinal()}, 1/µm
     * @param lithiumSpread   e.g. 0.07 (Li<sub>1.07</sub> read as Li<sub>1.00</sub>)
     * @param energySpreadKev e.g. 0.002 (2 eV)
     * @return the largest |Δx| by {@code Element.ordinal()}
     */
    public double[] systematicSpread(double[] deltaMuPerUm, double lithiumSpread, double energySpreadKev) {
        double[] x0 = fractions(deltaMuPerUm);
        double[] worst = new double[N];
        List<Calibration> variants = new java.util.ArrayList<>();
        variants.add(of(pairs, lithium + lithiumSpread));
        variants.add(of(pairs, Math.max(0, lithium - lithiumSpread)));
        for (double sign : new double[] { -1, 1 }) {
            for (int side = 0; side < 3; side++) { // both, below only, above only
                List<EnergyPair> shifted = new java.util.ArrayList<>();
                for (EnergyPair p : pairs) {
                    double lo = p.belowKev() + (side != 2 ? sign * energySpreadKev : 0);
                    double hi = p.aboveKev() + (side != 1 ? sign * energySpreadKev : 0);
                    shifted.add(new EnergyPair(p.element(), lo, hi));
                }
                variants.add(of(shifted, lithium));
            }
        }
        for (Calibration c : variants) {
            double[] x = c.fractions(deltaMuPerUm);
            for (int k = 0; k < N; k++) {
                worst[k] = Math.max(worst[k], Math.abs(x[k] - x0[k]));
            }
        }
        return worst;
    }

    /**
     * Δμ that a known composition gives (the forward model, for tests and for systematic checks).
     *
     * @param concentrations moles per cm³ of each metal by {@code Element.ordinal()}
     * @return Δμ by {@code Element.ordinal()}, 1/µm
     */
    public double[] deltaMu(double[] concentrations) {
        return multiply(matrix, concentrations);
    }

    static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                out[i] += m[i][j] * v[j];
            }
        }
        return out;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                for (int k = 0; k < N; k++) {
                    out[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return out;
    }

    /** @return {@code A·S·Aᵀ} */
    static double[][] sandwich(double[][] a, double[][] s) {
        double[][] as = multiply(a, s);
        double[][] out = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                for (int k = 0; k < N; k++) {
                    out[i][j] += as[i][k] * a[j][k];
                }
            }
        }
        return out;
    }

    private static double[][] invert(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double scale = Math.abs(m[0][0] * m[1][1] * m[2][2]);
        if (!(Math.abs(det) > 1e-12 * scale)) {
            throw new IllegalArgumentException("the calibration matrix is singular: the energy pairs do not"
                    + " separate Ni, Mn and Co");
        }
        double[][] inv = new double[N][N];
        inv[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
        inv[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
        inv[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
        inv[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
        inv[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
        inv[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
        inv[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
        inv[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
        inv[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
        return inv;
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
