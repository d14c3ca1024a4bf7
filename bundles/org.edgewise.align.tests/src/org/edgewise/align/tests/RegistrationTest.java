package org.edgewise.align.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.align.AlignmentOptions;
import org.edgewise.align.ProjectionAlignment;
import org.edgewise.align.Registration;
import org.edgewise.align.Shifts;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.physics.phantom.ScanGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrationTest {

    /** Aligned with the true geometry, plus a deliberate residual (rows, columns) the registration must find. */
    static FloatDataset alignedByTruth(SimulatedScan scan, double extraRow, double extraCol) {
        ScanGeometry g = scan.geometry();
        double[] rows = g.jitterRowPx().clone();
        for (int i = 0; i < rows.length; i++) {
            rows[i] += extraRow;
        }
        return Shifts.apply(ProjectionAlignmentTest.lineIntegrals(scan), g.rotationCentrePx() + extraCol, rows,
                g.jitterColPx());
    }

    @Test
    void niPairShiftAndScaleFromTheSimulator() {
        long seed = 7;
        double below = 8.313;
        double above = 8.353;
        double pixel = SimulatedScan.pixelUm(seed, 128);
        SimulatedScan reference = SimulatedScan.create(128, 180, 0.5, 63.5 + 2.3, 1.002, pixel, below, seed);
        SimulatedScan moving = SimulatedScan.create(128, 180, 0.5, 63.5 - 1.7, 0.9985, pixel * above / below, above,
                seed);
        Registration.Result r = Registration.registerProjections(alignedByTruth(reference, 0, 0),
                alignedByTruth(moving, 0.3, 0.2), 60);
        double trueScale = 0.9985 / 1.002;
        System.out.printf(Locale.ROOT, "pair: %s; truth scale %.6f, shift (-0.3, -0.2)%n", r.describe(), trueScale);
        assertEquals(below / above, r.nominalScale(), 1e-12);
        assertEquals(Registration.LANDMARKS, r.method(), r.describe());
        assertEquals(trueScale, r.scale(), 5e-4 * trueScale, r.describe());
        assertEquals(-0.3, r.shiftPx()[0], 0.1, r.describe());
        assertEquals(-0.2, r.shiftPx()[1], 0.1, r.describe());
        assertTrue(r.residual() < 0.5, r.describe());
    }

    /**
     * The acceptance on the whole chain: two 128-px, 180-angle scans of an edge pair at the default flux, each
     * with 1 px RMS jitter, its own rotation centre (up to 8 px off) and magnification error, pixel sizes scaled with
     * the energy; normalised, aligned by Edgewise and registered. The truth of each output follows from the
     * simulator's geometry and the part of each scan's jitter that no alignment can see (its constant and sample
     * translation, {@link ProjectionAlignmentTest#sampleTranslation}).
     */
    @ParameterizedTest
    @CsvSource({ "Mn, 6.534, 6.558, 7", "Ni, 8.313, 8.353, 11" })
    void ownAlignmentThenRegistrationMeetsTheTargets(String element, double below, double above, long seed) {
        double pixel = SimulatedScan.pixelUm(seed, 128);
        SimulatedScan reference = SimulatedScan.create(128, 180, 1.0, 63.5 + 6.1, 1.0021, pixel, below, seed);
        SimulatedScan moving = SimulatedScan.create(128, 180, 1.0, 63.5 - 7.8, 0.9984, pixel * above / below, above,
                seed);
        ProjectionAlignment.Result ar = ProjectionAlignment.align(ProjectionAlignmentTest.lineIntegrals(reference),
                AlignmentOptions.DEFAULTS, null);
        ProjectionAlignment.Result am = ProjectionAlignment.align(ProjectionAlignmentTest.lineIntegrals(moving),
                AlignmentOptions.DEFAULTS, null);
        Registration.Result r = Registration.registerProjections(
                Shifts.apply(ProjectionAlignmentTest.lineIntegrals(reference), ar.centreColumnPx(), ar.shiftRowPx(),
                        ar.shiftColPx()),
                Shifts.apply(ProjectionAlignmentTest.lineIntegrals(moving), am.centreColumnPx(), am.shiftRowPx(),
                        am.shiftColPx()), 60);

        double trueScale = 0.9984 / 1.0021;
        double k = trueScale * r.nominalScale();
        ScanGeometry gr = reference.geometry();
        ScanGeometry gm = moving.geometry();
        double trueRowShift = mean(gm.jitterRowPx()) - k * mean(gr.jitterRowPx());
        double trueColumnShift = k * (ar.centreColumnPx() - ProjectionAlignmentTest.measurableCentre(gr))
                - (am.centreColumnPx() - ProjectionAlignmentTest.measurableCentre(gm));
        double[] tr = ProjectionAlignmentTest.sampleTranslation(gr);
        double[] tm = ProjectionAlignmentTest.sampleTranslation(gm);
        System.out.printf(Locale.ROOT, "%s pair, own alignment: %s; truth scale %.6f (error %+.4f %%), shift (%.4f,"
                + " %.4f), translation (%.4f, %.4f)%n", element, r.describe(), trueScale,
                100 * (r.scale() / trueScale - 1), trueRowShift, trueColumnShift, tm[0] - k * tr[0],
                tm[1] - k * tr[1]);
        assertEquals(Registration.LANDMARKS, r.method());
        assertEquals(trueScale, r.scale(), 5e-4 * trueScale, r.describe());
        assertEquals(trueRowShift, r.shiftPx()[0], 0.1, r.describe());
        assertEquals(trueColumnShift, r.shiftPx()[1], 0.1, r.describe());
        assertEquals(tm[0] - k * tr[0], r.translationPx()[0], 0.1, r.describe());
        assertEquals(tm[1] - k * tr[1], r.translationPx()[1], 0.1, r.describe());
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double blobs(double z, double y, double x) {
        double a = Math.exp(-((z - 30) * (z - 30) + (y - 28) * (y - 28) / 2 + (x - 34) * (x - 34)) / 60);
        double b = Math.exp(-((z - 22) * (z - 22) / 3 + (y - 40) * (y - 40) + (x - 20) * (x - 20) / 2) / 20);
        double c = Math.exp(-((z - 40) * (z - 40) + (y - 20) * (y - 20) + (x - 42) * (x - 42)) / 10);
        return a + 0.7 * b + 0.5 * c;
    }

    @Test
    void volumeShiftAndScale() {
        int n = 64;
        double m = (n - 1) / 2.0;
        double k = 1.004;
        double[] t = { 0.4, -1.3, 0.7 };
        float[] ref = new float[n * n * n];
        float[] mov = new float[n * n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int i = (z * n + y) * n + x;
                    ref[i] = (float) blobs(z, y, x);
                    // mov(x') = 1.3 ref(x) + 0.1 where x' = m + k (x − m) + t
                    mov[i] = (float) (1.3 * blobs(m + (z - m - t[0]) / k, m + (y - m - t[1]) / k,
                            m + (x - m - t[2]) / k) + 0.1);
                }
            }
        }
        Dataset r = PhysicalMetadata.create(0.05, 8.3, "1/µm").attachTo(FlatArrays.wrap(ref, n, n, n));
        Dataset v = PhysicalMetadata.create(0.05, 8.3, "1/µm").attachTo(FlatArrays.wrap(mov, n, n, n));
        Registration.Result result = Registration.registerVolumes(r, v);
        System.out.println("volume: " + result.describe());
        assertEquals(k, result.scale(), 2e-4);
        for (int a = 0; a < 3; a++) {
            assertEquals(t[a], result.shiftPx()[a], 0.02, result.describe());
        }
        assertEquals(1.3, result.gain(), 0.01);
        assertTrue(result.residual() < 0.01, result.describe());
    }

    /**
     * Two volumes of the same three particles with opposite radial contrast (core-rich vs shell-rich, as two
     * elements of a gradient particle), the second magnified by 0.4 % and shifted: the landmark registration recovers
     * scale and shift; the gradient images, whose outlines move with contrast, do not do as well.
     */
    @Test
    void volumesWithOppositeRadialContrast() {
        int n = 72;
        double m = (n - 1) / 2.0;
        double k = 1.004;
        double[] t = { 0.4, -1.3, 0.7 };
        double[][] particles = { { 22, 25, 24, 11 }, { 44, 46, 30, 13 }, { 36, 22, 50, 10 } }; // z, y, x, radius
        float[] ref = new float[n * n * n];
        float[] mov = new float[n * n * n];
        int sub = 3;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double a = 0;
                    double b = 0;
                    for (int i = 0; i < sub * sub * sub; i++) {
                        double zz = z + ((i / (sub * sub)) + 0.5) / sub - 0.5;
                        double yy = y + ((i / sub % sub) + 0.5) / sub - 0.5;
                        double xx = x + ((i % sub) + 0.5) / sub - 0.5;
                        a += radial(particles, zz, yy, xx, true);
                        // mov(x') = shell-rich particles at x = m + (x' − m − t)/k
                        b += radial(particles, m + (zz - m - t[0]) / k, m + (yy - m - t[1]) / k,
                                m + (xx - m - t[2]) / k, false);
                    }
                    ref[(z * n + y) * n + x] = (float) (a / (sub * sub * sub));
                    mov[(z * n + y) * n + x] = (float) (b / (sub * sub * sub));
                }
            }
        }
        Dataset r = PhysicalMetadata.create(0.05, 8.3, "1/µm").attachTo(FlatArrays.wrap(ref, n, n, n));
        Dataset v = PhysicalMetadata.create(0.05, 6.5, "1/µm").attachTo(FlatArrays.wrap(mov, n, n, n));
        Registration.Result result = Registration.registerVolumes(r, v);
        Registration.Result gradients = Registration.register(ref, mov, new int[] { n, n, n }, true, 1, 1);
        System.out.println("volumes, opposite contrast: " + result.describe() + "; gradient images alone: scale "
                + gradients.scale());
        assertEquals(Registration.LANDMARKS, result.method());
        assertEquals(3, result.landmarks());
        assertEquals(k, result.scale(), 2e-4, result.describe());
        for (int a = 0; a < 3; a++) {
            assertEquals(t[a], result.shiftPx()[a], 0.03, result.describe());
        }
    }

    /** Core-rich (μ from 1.8 at the centre to 1 at the surface) or shell-rich (0.6 to 1.2) spheres, 0 outside. */
    private static double radial(double[][] particles, double z, double y, double x, boolean coreRich) {
        for (double[] p : particles) {
            double d = Math.sqrt((z - p[0]) * (z - p[0]) + (y - p[1]) * (y - p[1]) + (x - p[2]) * (x - p[2])) / p[3];
            if (d < 1) {
                return coreRich ? 1 + 0.8 * (1 - d) : 1.2 - 0.6 * (1 - d);
            }
        }
        return 0;
    }

    @Test
    void pairsNeedPixelSizesAndTheSameAngles() {
        Dataset a = PhysicalMetadata.create(0.05, 8.3, "1").withAnglesDeg(new double[] { 0, 90 },
                org.edgewise.api.stages.DataKind.PROJECTIONS).attachTo(FlatArrays.wrap(new float[2 * 16 * 16],
                        2, 16, 16));
        Dataset b = PhysicalMetadata.create(0.05, 8.3, "1").withAnglesDeg(new double[] { 0, 91 },
                org.edgewise.api.stages.DataKind.PROJECTIONS).attachTo(FlatArrays.wrap(new float[2 * 16 * 16],
                        2, 16, 16));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Registration
                .registerProjections(a, b, 10));
        assertTrue(e.getMessage().contains("differ at projection 1"), e.getMessage());
    }
}
