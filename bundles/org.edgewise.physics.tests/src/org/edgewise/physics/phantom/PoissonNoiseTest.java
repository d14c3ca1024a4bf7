package org.edgewise.physics.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoissonNoiseTest {

    @ParameterizedTest
    @ValueSource(doubles = { 0.7, 3, 29.9, 30, 50, 2000, 20000 })
    void meanAndVarianceEqualLambda(double lambda) {
        SplittableRandom random = new SplittableRandom(11);
        int n = 200_000;
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            double k = PoissonNoise.sample(random, lambda);
            sum += k;
            sum2 += k * k;
        }
        double mean = sum / n;
        double variance = sum2 / n - mean * mean;
        // standard error of the mean sqrt(λ/n); of the variance about λ·sqrt(2/n)
        assertEquals(lambda, mean, 5 * Math.sqrt(lambda / n));
        assertEquals(lambda, variance, 6 * lambda * Math.sqrt(2.0 / n) + 0.01);
    }
}
