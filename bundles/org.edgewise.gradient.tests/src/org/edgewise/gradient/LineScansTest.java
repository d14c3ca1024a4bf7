package org.edgewise.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.edgewise.api.Element;
import org.edgewise.physics.EnergyPair;
import org.junit.jupiter.api.Test;

/** Line scans and density histograms of a ball whose Δμ depends on depth only. */
class LineScansTest {

    private static final int N = 33;
    private static final double R = 12;

    @Test
    void scansThroughTheCentreFollowTheDepthProfile() {
        int[] hulls = new int[N * N * N];
        float[] depth = new float[N * N * N];
        float[][] d = new float[3][N * N * N];
        double c = 16;
        for (int z = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    int i = (z * N + y) * N + x;
                    double r = Math.sqrt((z - c) * (z - c) + (y - c) * (y - c) + (x - c) * (x - c));
                    if (r < R) {
                        hulls[i] = 1;
                        depth[i] = (float) (R - r);
                        d[Element.NI.ordinal()][i] = (float) (0.04 + 0.002 * (R - r));
                        d[Element.MN.ordinal()][i] = 0.02f;
                        d[Element.CO.ordinal()][i] = 0.01f;
                    }
                }
            }
        }
        List<EnergyPair> pairs = new ArrayList<>();
        for (Element e : Element.values()) {
            pairs.add(EnergyPair.typical(e));
        }
        List<LineScans.Scan> scans = LineScans.through(d, hulls, depth, N, N, N, 1, new double[] { c, c, c }, 1, 1.0,
                Calibration.of(pairs, 1));
        assertEquals(List.of("x", "y", "z"), scans.stream().map(LineScans.Scan::axis).toList());
        for (LineScans.Scan s : scans) {
            assertEquals(2 * 11 + 1 + 4, s.positionUm().length, "inside the ball plus two voxels either side");
            for (int k = 0; k < s.positionUm().length; k++) {
                double r = Math.abs(s.positionUm()[k]);
                if (r < R) {
                    assertEquals(R - r, s.depthUm()[k], 1e-6);
                    double ni = 0.04 + 0.002 * (R - r);
                    assertEquals(ni / (ni + 0.03), s.ratio()[Element.NI.ordinal()][k], 1e-6);
                } else {
                    assertTrue(Double.isNaN(s.ratio()[Element.NI.ordinal()][k]));
                }
            }
        }
        DensityHistograms.Histogram h = DensityHistograms.of(d[Element.NI.ordinal()], hulls, depth, 1, 1.0, 20);
        long total = 0;
        for (int b = 0; b < h.counts().length; b++) {
            for (int v = 0; v < h.counts()[b].length; v++) {
                if (h.counts()[b][v] > 0) {
                    // every voxel of depth bin b has Δμ in [0.04 + 0.002 b, 0.04 + 0.002 (b + 1))
                    double lo = h.valueLow() + v * h.valueBin();
                    assertTrue(lo < 0.04 + 0.002 * (b + 1) + 1e-9 && lo + h.valueBin() > 0.04 + 0.002 * b - 1e-9,
                            "bin " + b + " value bin " + v);
                }
                total += h.counts()[b][v];
            }
        }
        assertTrue(total > 0.98 * java.util.Arrays.stream(hulls).sum(), "nearly all voxels counted: " + total);
    }
}
