package org.edgewise.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Where depth zero lies ({@link DepthMaps.Surface}) on a ball whose grey edge ramps linearly from material (1) to
 * background (0) over two voxels, crossing half-height at the true radius: the labels of a low threshold are a
 * voxel too large, and the surface level puts the surface back on the half-height crossing.
 */
class DepthMapsTest {

    private static final int N = 41;
    private static final double RADIUS = 12.3;
    private static final double VOXEL_UM = 0.05;
    private static final double C = (N - 1) / 2.0;

    private static double radius(int i) {
        int z = i / (N * N);
        int y = i / N % N;
        int x = i % N;
        return Math.sqrt((z - C) * (z - C) + (y - C) * (y - C) + (x - C) * (x - C));
    }

    private static float[] rampBall() {
        float[] v = new float[N * N * N];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.max(0, Math.min(1, 0.5 - 0.5 * (radius(i) - RADIUS)));
        }
        return v;
    }

    /** Labels of everything above 0.1: the ramp reaches that 0.8 voxel beyond the true surface. */
    private static int[] lowThresholdLabels(float[] v) {
        int[] labels = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            labels[i] = v[i] > 0.1f ? 1 : 0;
        }
        return labels;
    }

    /** @return mean of (depth − true depth) over the hull, voxels */
    private static double meanDepthError(DepthMaps.Result r) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < r.hulls().length; i++) {
            if (r.hulls()[i] == 1 && radius(i) <= RADIUS) {
                sum += r.depthUm()[i] / VOXEL_UM - (RADIUS - radius(i));
                count++;
            }
        }
        return sum / count;
    }

    @Test
    void theSurfaceLevelPutsDepthZeroOnTheHalfHeightCrossing() {
        float[] v = rampBall();
        int[] labels = lowThresholdLabels(v);
        double offset = DepthMaps.DEFAULT_DEPTH_OFFSET_VOXELS;
        DepthMaps.Result asGiven = DepthMaps.compute(labels, N, N, N, 1, VOXEL_UM, offset);
        DepthMaps.Result atLevel = DepthMaps.compute(v, labels, 1, N, N, N, VOXEL_UM, DepthMaps.Surface.defaults());
        // a ball voxelised by its centres: the nearest outside centre lies a quarter voxel beyond the surface on
        // average, so the mean error is 0.25 − offset; the low threshold adds its 0.8 voxel
        assertEquals(0.25 - offset, meanDepthError(atLevel), 0.08, "at the surface level");
        assertEquals(0.25 - offset + 0.8, meanDepthError(asGiven), 0.1, "labels as given");
        assertEquals(0.5, atLevel.threshold(), 1e-6, "half-way between the medians 0 and 1");
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i] >= 0.5f ? 1 : 0, atLevel.particles()[i], "particle = at or above half height");
        }
        assertTrue(Double.isNaN(asGiven.threshold()));
    }

    @Test
    void aDilationMovesDepthZeroOutwardsByTheGrowth() {
        float[] v = rampBall();
        int[] labels = lowThresholdLabels(v);
        DepthMaps.Surface grown = new DepthMaps.Surface(0.5, 2 * VOXEL_UM, DepthMaps.DEFAULT_DEPTH_OFFSET_VOXELS);
        DepthMaps.Result at = DepthMaps.compute(v, labels, 1, N, N, N, VOXEL_UM, DepthMaps.Surface.defaults());
        DepthMaps.Result out = DepthMaps.compute(v, labels, 1, N, N, N, VOXEL_UM, grown);
        // voxels within two voxels of a particle voxel join it: the digital growth is up to half a voxel short of
        // the continuous one (measured: 1.69 voxel)
        double growth = meanDepthError(out) - meanDepthError(at);
        assertTrue(growth > 1.5 && growth <= 2, "two voxels of growth moved depth zero by " + growth + " voxel");
    }

    @Test
    void theOffsetIsSubtractedFromEveryDistance() {
        float[] v = rampBall();
        int[] labels = lowThresholdLabels(v);
        DepthMaps.Result half = DepthMaps.compute(labels, N, N, N, 1, VOXEL_UM, 0.5);
        DepthMaps.Result none = DepthMaps.compute(labels, N, N, N, 1, VOXEL_UM, 0);
        int centre = (int) ((C * N + C) * N + C);
        assertEquals(none.depthUm()[centre] - 0.5 * VOXEL_UM, half.depthUm()[centre], 1e-6);
    }

    @Test
    void surfacesOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DepthMaps.Surface(1.2, 0, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new DepthMaps.Surface(0.5, -1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new DepthMaps.Surface(0.5, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> DepthMaps.compute(null, new int[8], 1, 2, 2, 2, 0.1,
                DepthMaps.Surface.defaults()));
    }
}
