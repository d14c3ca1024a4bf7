package org.edgewise.physics.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AcquisitionModelTest {

    @Test
    void flatAndDarkCorrectionRecoversTheLineIntegralWithinCountingStatistics() {
        int angles = 4;
        int n = 64;
        float[][][] p = new float[angles][n][n];
        for (int a = 0; a < angles; a++) {
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    p[a][r][c] = 0.5f * c / n;
                }
            }
        }
        AcquisitionModel model = AcquisitionModel.typical(2e4);
        AcquisitionModel.Frames frames = model.record(p, 99);
        double[][] white = new double[n][n];
        double[][] dark = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                for (int[][] w : frames.white()) {
                    white[r][c] += w[r][c] / (double) frames.white().length;
                }
                for (int[][] d : frames.dark()) {
                    dark[r][c] += d[r][c] / (double) frames.dark().length;
                }
            }
        }
        double sumError = 0;
        double sumSq = 0;
        int count = 0;
        for (int a = 0; a < angles; a++) {
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double corrected = -Math.log((frames.data()[a][r][c] - dark[r][c]) / (white[r][c] - dark[r][c]));
                    double error = corrected - p[a][r][c];
                    sumError += error;
                    sumSq += error * error;
                    count++;
                }
            }
        }
        double rms = Math.sqrt(sumSq / count);
        // one frame at ~1.5e4 counts: σ(p) ≈ 1/sqrt(I) ≈ 0.008, plus the flat's own noise
        assertTrue(rms > 0.005 && rms < 0.012, "rms " + rms);
        assertEquals(0, sumError / count, 0.001);
        // the beam is not uniform
        assertTrue(white[0][0] < 0.95 * white[n / 2][n / 2], white[0][0] + " vs " + white[n / 2][n / 2]);
        // same seed, same frames
        assertArrayEquals(frames.data()[2][7], model.record(p, 99).data()[2][7]);
    }
}
