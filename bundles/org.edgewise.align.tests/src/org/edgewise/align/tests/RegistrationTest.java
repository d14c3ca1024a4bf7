package org.edgewise.align.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.align.Registration;
import org.edgewise.align.Shifts;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.physics.phantom.ScanGeometry;
import org.edgewise.recon.Reconstructions;
import org.junit.jupiter.api.Test;

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
        assertEquals(trueScale, r.scale(), 5e-4 * trueScale, r.describe());
        assertEquals(-0.3, r.shiftPx()[0], 0.1, r.describe());
        assertEquals(-0.2, r.shiftPx()[1], 0.1, r.describe());
        assertTrue(r.residual() < 0.5, r.describe());
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
        Dataset r = PhysicalMetadata.create(0.05, 8.3, "1/µm").attachTo(Reconstructions.wrap(ref, n, n, n));
        Dataset v = PhysicalMetadata.create(0.05, 8.3, "1/µm").attachTo(Reconstructions.wrap(mov, n, n, n));
        Registration.Result result = Registration.registerVolumes(r, v);
        System.out.println("volume: " + result.describe());
        assertEquals(k, result.scale(), 2e-4);
        for (int a = 0; a < 3; a++) {
            assertEquals(t[a], result.shiftPx()[a], 0.02, result.describe());
        }
        assertEquals(1.3, result.gain(), 0.01);
        assertTrue(result.residual() < 0.01, result.describe());
    }

    @Test
    void pairsNeedPixelSizesAndTheSameAngles() {
        Dataset a = PhysicalMetadata.create(0.05, 8.3, "1").withAnglesDeg(new double[] { 0, 90 },
                org.edgewise.api.stages.DataKind.PROJECTIONS).attachTo(Reconstructions.wrap(new float[2 * 16 * 16],
                        2, 16, 16));
        Dataset b = PhysicalMetadata.create(0.05, 8.3, "1").withAnglesDeg(new double[] { 0, 91 },
                org.edgewise.api.stages.DataKind.PROJECTIONS).attachTo(Reconstructions.wrap(new float[2 * 16 * 16],
                        2, 16, 16));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Registration
                .registerProjections(a, b, 10));
        assertTrue(e.getMessage().contains("differ at projection 1"), e.getMessage());
    }
}
