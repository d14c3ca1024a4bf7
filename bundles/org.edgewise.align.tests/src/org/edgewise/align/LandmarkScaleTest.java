package org.edgewise.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The landmark scale on synthetic landmarks with a known geometry: total scale {@code k}, row shift 0.3 px, column
 * shift −0.2 px, sample translation (0.4, −0.25) px, 0.05 px noise on every position.
 */
class LandmarkScaleTest {

    private static final double NOMINAL = 0.995;
    private static final double SCALE = 1.002;

    /** Landmarks of particles at {@code (x, y, z)} (pixels from the axis and the centre row), 180 projections. */
    private static LandmarkRegistration.Matches matches(double[][] particles, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double k = NOMINAL * SCALE;
        List<List<double[]>> groups = new ArrayList<>();
        int total = 0;
        for (int p = 0; p < 180; p++) {
            double t = Math.toRadians(p);
            List<double[]> here = new ArrayList<>();
            for (double[] xyz : particles) {
                double row = xyz[2];
                double column = xyz[0] * Math.cos(t) + xyz[1] * Math.sin(t);
                here.add(new double[] { row + 0.05 * random.nextGaussian(), column + 0.05 * random.nextGaussian(),
                    k * row + 0.3 + 0.05 * random.nextGaussian(), k * column - 0.2 + 0.4 * Math.cos(t)
                            - 0.25 * Math.sin(t) + 0.05 * random.nextGaussian(), t });
            }
            groups.add(here);
            total += here.size();
        }
        return new LandmarkRegistration.Matches(groups, 2, total);
    }

    /**
     * One landmark per projection fixes no scale: whatever the noise, the landmark method gives none (a fit of the
     * absolute positions once returned scales such as −0.074 here), while the shifts and the translation at a scale
     * found otherwise are right.
     */
    @Test
    void oneLandmarkPerProjectionGivesNoScale() {
        for (long seed = 1; seed <= 20; seed++) {
            LandmarkRegistration.Matches one = matches(new double[][] { { 20, 7, 12.3 } }, seed);
            Estimate e = LandmarkRegistration.fit(one, NOMINAL);
            String what = "seed " + seed;
            assertNull(e.result(), () -> what + ": " + e.result().describe());
            assertTrue(e.failure().contains("two or more separate particles"), e.failure());
            Registration.Result at = LandmarkRegistration.atScale(one, NOMINAL, SCALE, Double.NaN,
                    Registration.LANDMARKS_GRADIENT_SCALE);
            // over a half turn the column shift and the sin θ translation are correlated: their errors are a few
            // times the per-landmark noise over √180
            assertEquals(0.3, at.shiftPx()[0], 0.02, at.describe());
            assertEquals(-0.2, at.shiftPx()[1], 4 * at.shiftUncertaintyPx()[1], at.describe());
            assertEquals(0.4, at.translationPx()[0], 0.03, at.describe());
            assertEquals(-0.25, at.translationPx()[1], 0.08, at.describe());
        }
    }

    @Test
    void twoLandmarksPerProjectionGiveTheScale() {
        LandmarkRegistration.Matches two = matches(new double[][] { { 20, 7, 12.3 }, { -15, 25, -30 } }, 3);
        Estimate e = LandmarkRegistration.fit(two, NOMINAL);
        Registration.Result r = e.result();
        assertEquals(Registration.LANDMARKS, r.method());
        assertEquals(SCALE, r.scale(), 1e-4, r.describe());
        assertEquals(0.3, r.shiftPx()[0], 0.02, r.describe());
        assertEquals(-0.2, r.shiftPx()[1], 0.02, r.describe());
    }
}
