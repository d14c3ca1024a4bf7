package org.edgewise.physics.phantom;

import java.util.SplittableRandom;

import org.apache.commons.math3.special.Gamma;

/** Poisson variates: multiplication method below a mean of 30, Hörmann's PTRS transformed rejection above. */
public final class PoissonNoise {

    private PoissonNoise() {
    }

    /**
     * @param random the generator
     * @param mean   λ ≥ 0
     * @return a Poisson(λ) count
     */
    public static long sample(SplittableRandom random, double mean) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean < 30) {
            double limit = Math.exp(-mean);
            long k = 0;
            double product = random.nextDouble();
            while (product > limit) {
                k++;
                product *= random.nextDouble();
            }
            return k;
        }
        double slam = Math.sqrt(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double vr = 0.9277 - 3.6224 / (b - 2);
        double loglam = Double.NaN; // the rarely taken rejection test's constants, computed when first needed
        double invalpha = Double.NaN;
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Double.isNaN(loglam)) {
                loglam = Math.log(mean);
                invalpha = 1.1239 + 1.1328 / (b - 3.4);
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -mean + k * loglam - Gamma.logGamma(k + 1.0)) {
                return k;
            }
        }
    }
}
