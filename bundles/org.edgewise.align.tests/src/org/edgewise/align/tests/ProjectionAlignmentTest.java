package org.edgewise.align.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.AlignmentOptions;
import org.edgewise.align.Normalisation;
import org.edgewise.align.NormalisationOptions;
import org.edgewise.align.PhaseCorrelation;
import org.edgewise.align.ProjectionAlignment;
import org.edgewise.physics.phantom.ScanGeometry;
import org.edgewise.testing.Sinusoids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionAlignmentTest {

    static Dataset lineIntegrals(SimulatedScan scan) {
        return Normalisation.normalise(scan.counts(), scan.flats(), scan.darks(), NormalisationOptions.DEFAULTS,
                null).lineIntegrals();
    }

    /** RMS of (estimate − truth) after removing the mean difference. */
    static double rmsAfterOffset(double[] estimate, double[] truth) {
        double mean = 0;
        for (int i = 0; i < truth.length; i++) {
            mean += estimate[i] - truth[i];
        }
        mean /= truth.length;
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = estimate[i] - truth[i] - mean;
            s += d * d;
        }
        return Math.sqrt(s / truth.length);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    @Test
    void phaseCorrelationFindsFractionalShifts() {
        int rows = 40;
        int cols = 64;
        float[] reference = new float[rows * cols];
        float[] moving = new float[rows * cols];
        double dr = 1.37;
        double dc = -4.62;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                reference[r * cols + c] = (float) blob(r, c);
                moving[r * cols + c] = (float) blob(r - dr, c - dc);
            }
        }
        double[] d = new PhaseCorrelation(rows, cols, 0.3).shift(moving, reference);
        assertEquals(dr, d[0], 0.02);
        assertEquals(dc, d[1], 0.02);
        assertTrue(d[2] > 0.9, "peak " + d[2]);
    }

    private static double blob(double r, double c) {
        double a = Math.exp(-((r - 18) * (r - 18) / 30 + (c - 30) * (c - 30) / 60));
        double b = Math.exp(-((r - 24) * (r - 24) / 8 + (c - 40) * (c - 40) / 12));
        return a + 0.5 * b;
    }

    @Test
    void recoversOnePixelJitterAndTheCentreOfA128Scan() {
        SimulatedScan scan = SimulatedScan.create(128, 180, 1.0, 63.5 + 3.7, 1, SimulatedScan.pixelUm(7, 128),
                8.313, 7);
        ProjectionAlignment.Result r = ProjectionAlignment.align(lineIntegrals(scan), AlignmentOptions.DEFAULTS,
                null);
        ScanGeometry g = scan.geometry();
        double rowErr = rmsAfterOffset(r.shiftRowPx(), g.jitterRowPx());
        double colErr = rmsAfterOffset(r.shiftColPx(), g.jitterColPx());
        System.out.printf(Locale.ROOT, "jitter 1 px: rows %.3f px, columns %.3f px RMS; centre %.3f (axis %.3f,"
                + " measurable %.3f); %s%n", rowErr, colErr, r.centreColumnPx(), g.rotationCentrePx(),
                measurableCentre(g), r.describe());
        assertTrue(rowErr <= 0.25, "row jitter error " + rowErr);
        assertTrue(colErr <= 0.25, "column jitter error " + colErr);
        assertEquals(measurableCentre(g), r.centreColumnPx(), 0.25);
        assertTrue(r.centreUncertaintyPx() > 0 && r.centreUncertaintyPx() < 0.25, r.describe());
    }

    /**
     * The centre comes from a closed-form fit (no search range exists to be chosen wrongly); offsets up to ±10 px,
     * 128 columns and 180 angles (64 rows keep the test short; the rows cut through the particles).
     */
    @ParameterizedTest
    @CsvSource({ "-10", "-6.3", "4.2", "10" })
    void centreWithinAQuarterPixelForOffsetsUpToTenPixels(double offset) {
        SimulatedScan scan = SimulatedScan.create(128, 64, 180, 0.5, 63.5 + offset, 1, SimulatedScan.pixelUm(11,
                128), 8.313, 11);
        ProjectionAlignment.Result r = ProjectionAlignment.align(lineIntegrals(scan), AlignmentOptions.DEFAULTS,
                null);
        System.out.printf(Locale.ROOT, "offset %.1f (truth %.3f): %s%n", offset, scan.geometry().rotationCentrePx(),
                r.describe());
        assertEquals(measurableCentre(scan.geometry()), r.centreColumnPx(), 0.25, r.describe());
        assertTrue(r.converged(), r.describe());
    }

    /**
     * The centre the projections determine: axis + constant of the jitter's fit to 1, cos θ, sin θ. Computed here by
     * an independent method ({@link Sinusoids#fit}: Gram–Schmidt and back substitution), not by the production fit
     * the alignment itself uses.
     */
    static double measurableCentre(ScanGeometry g) {
        return g.rotationCentrePx() + Sinusoids.fit(g.jitterColPx(), g.anglesDeg())[0];
    }

    /** A jitter that is exactly a constant plus a sinusoid: the measurable centre is the axis plus the constant. */
    @ParameterizedTest
    @CsvSource({ "180, 180", "37, 180", "90, 360" })
    void identifiableCentreOfAnExactSinusoidIsItsConstant(int angles, double spanDeg) {
        double[] theta = new double[angles];
        double[] jitter = new double[angles];
        for (int a = 0; a < angles; a++) {
            theta[a] = 3.5 + a * spanDeg / angles;
            double t = Math.toRadians(theta[a]);
            jitter[a] = 0.37 + 0.8 * Math.cos(t) - 0.45 * Math.sin(t);
        }
        assertEquals(63.5 + 0.37, ProjectionAlignment.identifiableCentre(63.5, jitter, theta), 1e-12);
        double[] fit = ProjectionAlignment.jitterSinusoid(jitter, theta);
        assertEquals(0.8, fit[1], 1e-12);
        assertEquals(-0.45, fit[2], 1e-12);
    }

    /**
     * Over a full turn of evenly spaced angles the higher harmonics are orthogonal to 1, cos θ and sin θ, so only the
     * constant moves the centre; over a half turn they do not, and the centre must equal the independent fit's.
     */
    @Test
    void identifiableCentreAgreesWithAnIndependentFit() {
        int angles = 120;
        double[] full = new double[angles];
        double[] jitter = new double[angles];
        for (int a = 0; a < angles; a++) {
            full[a] = a * 360.0 / angles;
            double t = Math.toRadians(full[a]);
            jitter[a] = -0.2 + 0.5 * Math.sin(t) + 0.3 * Math.cos(2 * t) - 0.7 * Math.sin(3 * t);
        }
        assertEquals(40 - 0.2, ProjectionAlignment.identifiableCentre(40, jitter, full), 1e-12);

        double[] half = ScanGeometry.anglesOver180(angles);
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        for (int a = 0; a < angles; a++) {
            double t = Math.toRadians(half[a]);
            jitter[a] = 0.6 * Math.sin(t) + 0.2 * Math.sin(5 * t + 1) + 0.1 * random.nextGaussian();
        }
        double[] reference = Sinusoids.fit(jitter, half);
        assertTrue(Math.abs(reference[0] - mean(jitter)) > 0.2, "the case must tell the fit from the mean");
        assertEquals(40 + reference[0], ProjectionAlignment.identifiableCentre(40, jitter, half), 1e-9);
        double[] fit = ProjectionAlignment.jitterSinusoid(jitter, half);
        for (int i = 0; i < 3; i++) {
            assertEquals(reference[i], fit[i], 1e-9);
        }
    }

    /** The column jitter without its cos θ / sin θ part (a sample translation) and without its constant. */
    static double[] measurableColumnJitter(ScanGeometry g) {
        double x0 = measurableCentre(g) - g.rotationCentrePx();
        double[] translation = sampleTranslation(g);
        double[] j = g.jitterColPx();
        double[] r = new double[j.length];
        for (int a = 0; a < j.length; a++) {
            double t = Math.toRadians(g.anglesDeg()[a]);
            r[a] = j[a] - x0 - translation[0] * Math.cos(t) - translation[1] * Math.sin(t);
        }
        return r;
    }

    /** @return {@code (x1, x2)}: the sample translation that an alignment cannot tell from the jitter, pixels */
    static double[] sampleTranslation(ScanGeometry g) {
        double[] fit = Sinusoids.fit(g.jitterColPx(), g.anglesDeg());
        return new double[] { fit[1], fit[2] };
    }

    /**
     * A weakly absorbing Ni scan as in {@code edgewise simulate --jitter 1 --energy-scaled-pixel} (128 columns and
     * rows, 180 angles over a half turn, 8.353 keV, pixel scaled with the energy, −0.24 % magnification error) whose
     * jitter has a stage-wobble part {@code 0.7 sin θ} besides 1 px RMS noise. Over a half turn the wobble looks like a
     * sample translation plus a constant, so the axis plus the mean jitter is not what the data determine (here it is
     * over 0.25 px away); the centre must match the measurable one, {@code axis + x0}.
     */
    @Test
    void centreOfAWeakNiScanIsTheMeasurableOne() {
        int angles = 180;
        double[] theta = ScanGeometry.anglesOver180(angles);
        java.util.SplittableRandom random = new java.util.SplittableRandom(606);
        double[] jr = new double[angles];
        double[] jc = new double[angles];
        for (int a = 0; a < angles; a++) {
            jr[a] = random.nextGaussian();
            jc[a] = random.nextGaussian() + 0.7 * Math.sin(Math.toRadians(theta[a]));
        }
        double pixel = SimulatedScan.pixelUm(7, 128) * 8.353 / 6.534;
        SimulatedScan scan = SimulatedScan.create(128, 128, jr, jc, 63.5 - 3.6, 0.9976, pixel, 8.353, 7);
        ScanGeometry g = scan.geometry();
        ProjectionAlignment.Result r = ProjectionAlignment.align(lineIntegrals(scan), AlignmentOptions.DEFAULTS,
                null);
        double withMean = g.rotationCentrePx() + mean(jc);
        double colErr = rmsAfterOffset(r.shiftColPx(), measurableColumnJitter(g));
        System.out.printf(Locale.ROOT, "weak Ni scan: centre %.3f, measurable %.3f, axis + mean jitter %.3f, axis"
                + " %.3f; columns %.3f px RMS; %s%n", r.centreColumnPx(), measurableCentre(g), withMean,
                g.rotationCentrePx(), colErr, r.describe());
        assertTrue(Math.abs(withMean - measurableCentre(g)) > 0.25, "the case must tell the two apart");
        assertEquals(measurableCentre(g), r.centreColumnPx(), 0.25, r.describe());
        assertTrue(colErr <= 0.25, "column jitter error " + colErr);
    }

    /**
     * A sphere that leaves the detector at some angles (its projections there are cut by the edge, so their centre
     * of mass is wrong) beside one that stays inside, with 0.5 px jitter and noise: the cut projections must be
     * recognised, not the noise, for the centre to come out right.
     */
    @Test
    void projectionsCutByTheDetectorEdgeDoNotMoveTheCentre() {
        int angles = 120;
        int rows = 32;
        int columns = 64;
        double axis = 33.2;
        double[] theta = ScanGeometry.anglesOver180(angles);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        double[] jitterCol = new double[angles];
        float[] p = new float[angles * rows * columns];
        // {x, y, row, radius, μ}: the first is cut at angles near 0° and 180°
        double[][] spheres = { { 27, 4, 15.5, 9, 0.05 }, { -6, -5, 16.5, 8, 0.04 } };
        for (int a = 0; a < angles; a++) {
            jitterCol[a] = 0.5 * random.nextGaussian();
            double t = Math.toRadians(theta[a]);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    double u = c - axis - jitterCol[a];
                    double v = 0;
                    for (double[] s : spheres) {
                        double d2 = s[3] * s[3] - Math.pow(u - (s[0] * Math.cos(t) + s[1] * Math.sin(t)), 2)
                                - Math.pow(r - s[2], 2);
                        v += d2 > 0 ? 2 * s[4] * Math.sqrt(d2) : 0;
                    }
                    p[(a * rows + r) * columns + c] = (float) (v + 0.01 * random.nextGaussian());
                }
            }
        }
        ProjectionAlignment.Result result = ProjectionAlignment.align(p, rows, columns, theta,
                AlignmentOptions.DEFAULTS, null);
        double measurable = axis + Sinusoids.fit(jitterCol, theta)[0];
        System.out.printf(Locale.ROOT, "cut sphere: centre %.3f, measurable %.3f; %s%n", result.centreColumnPx(),
                measurable, result.describe());
        assertEquals(measurable, result.centreColumnPx(), 0.25, result.describe());
    }

    @Test
    void anglesThatDoNotSpanAHalfTurnAreAnError() {
        double[] angles = new double[90];
        for (int i = 0; i < angles.length; i++) {
            angles[i] = i * 1.5;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProjectionAlignment
                .checkAngles(angles));
        assertTrue(e.getMessage().startsWith("projection angles span only 135.00°"), e.getMessage());
        ProjectionAlignment.checkAngles(ScanGeometry.anglesOver180(180));
    }
}
