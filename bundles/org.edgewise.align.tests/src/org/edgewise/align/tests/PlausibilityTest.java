package org.edgewise.align.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgewise.align.Plausibility;
import org.edgewise.align.ProjectionAlignment;
import org.edgewise.align.Registration;
import org.junit.jupiter.api.Test;

class PlausibilityTest {

    private static Registration.Result pair(double scale, double sigma, double rowShift, double columnShift,
            double translationX, String method) {
        return new Registration.Result(scale, 0.995, new double[] { rowShift, columnShift }, 1, 0, 0.4, sigma,
                new double[] { 0.005, 0.01 }, 0, new double[] { translationX, 0 }, method, 180, 0.05);
    }

    @Test
    void aGoodRegistrationPasses() {
        assertEquals(List.of(), Plausibility.problems(pair(0.9987, 2e-5, 0.3, -1.2, 0.4, Registration.LANDMARKS),
                new int[] { 128, 128 }));
        // a scale fixed at the nominal ratio has no uncertainty
        assertEquals(List.of(), Plausibility.problems(pair(1, Double.NaN, 0.3, -1.2, 0.4,
                Registration.LANDMARKS_NOMINAL_SCALE), new int[] { 128, 128 }));
    }

    /** The scales one-particle runs gave before the checks, and the other ways an estimate can be impossible. */
    @Test
    void impossibleEstimatesAreNamed() {
        int[] axes = { 128, 128 };
        assertOneProblem("scale -0.074000", pair(-0.074, 2e-5, 0, 0, 0, Registration.LANDMARKS), axes);
        assertOneProblem("scale 1.040000", pair(1.04, 2e-5, 0, 0, 0, Registration.GRADIENT_IMAGES), axes);
        assertOneProblem("scale uncertainty NaN", pair(1.001, Double.NaN, 0, 0, 0, Registration.GRADIENT_IMAGES),
                axes);
        assertOneProblem("scale uncertainty 0.02", pair(1.001, 0.02, 0, 0, 0, Registration.GRADIENT_IMAGES), axes);
        assertOneProblem("column shift 40.000 px", pair(1.001, 2e-5, 0, 40, 0, Registration.LANDMARKS), axes);
        assertOneProblem("row shift NaN px", pair(1.001, 2e-5, Double.NaN, 0, 0, Registration.LANDMARKS), axes);
        assertOneProblem("sample translation (33.000, 0.000) px", pair(1.001, 2e-5, 0, 0, 33,
                Registration.LANDMARKS), axes);
    }

    @Test
    void anAlignmentOffTheDetectorIsNamed() {
        double[] zero = new double[3];
        ProjectionAlignment.Result good = new ProjectionAlignment.Result(61.2, 0.03, zero, zero, 4, true, 0.001,
                0.2, new double[] { 1 }, 1);
        assertEquals(List.of(), Plausibility.problems(good, 128, 128));
        ProjectionAlignment.Result off = new ProjectionAlignment.Result(-3.5, 0.03, zero, zero, 4, true, 0.001, 0.2,
                new double[] { 1 }, 1);
        assertTrue(Plausibility.problems(off, 128, 128).get(0).startsWith("rotation centre -3.500 px is not on the"
                + " detector"), Plausibility.problems(off, 128, 128).toString());
        ProjectionAlignment.Result infinite = new ProjectionAlignment.Result(61.2, Double.POSITIVE_INFINITY, zero,
                new double[] { 0, 50, 0 }, 4, true, 0.001, 0.2, new double[] { 1 }, 1);
        assertEquals(2, Plausibility.problems(infinite, 128, 128).size(), Plausibility.problems(infinite, 128, 128)
                .toString());
    }

    private static void assertOneProblem(String start, Registration.Result r, int[] axes) {
        List<String> problems = Plausibility.problems(r, axes);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(start), problems.toString());
    }
}
