package org.edgewise.recon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the projections of a single slice by the symmetries of the square pixel grid, so that one detector
 * address serves several projections.
 * <p>
 * For a signed permutation {@code M} of the centred pixel coordinates (the eight symmetries of the square),
 * {@code t_θk(p) = t_θj(M·p)} when the direction of {@code θk} is {@code Mᵀ} applied to that of {@code θj}. The
 * projections are therefore assigned to "base" angles {@code θj} and transforms {@code M}; all projections of a
 * base are back-projected with the base's addressing into one virtual image per transform, interleaved like
 * the slices of a slab, and the slice is {@code I(p) = Σ_M V_M(M·p)}. With 360 angles over 180° each base carries
 * four projections. It needs one rotation centre for all projections (no per-projection shifts).
 */
final class SymmetryPlan {

    /** The eight signed permutations {m00, m01, m10, m11}. */
    private static final int[][] TRANSFORMS = {
        {1, 0, 0, 1}, {0, -1, 1, 0}, {-1, 0, 0, -1}, {0, 1, -1, 0},
        {-1, 0, 0, 1}, {1, 0, 0, -1}, {0, 1, 1, 0}, {0, -1, -1, 0},
    };

    final double[] baseAnglesDeg;
    /** slots per base: 4 or 8 (unused slots stay empty). */
    final int slots;
    /** transform of each slot. */
    final int[][] slotTransform;
    /** projection of each (base, slot), or -1. */
    final int[][] member;

    private SymmetryPlan(double[] baseAnglesDeg, int slots, int[][] slotTransform, int[][] member) {
        this.baseAnglesDeg = baseAnglesDeg;
        this.slots = slots;
        this.slotTransform = slotTransform;
        this.member = member;
    }

    /**
     * @return a plan, or {@code null} when the grid symmetries do not pay (less than two projections per base)
     */
    static SymmetryPlan of(ParallelBeamGeometry geometry) {
        for (double shift : geometry.shiftsPx()) {
            if (shift != 0) {
                return null;
            }
        }
        double[] angles = geometry.anglesDeg();
        Map<Long, ArrayDeque<Integer>> byAngle = new HashMap<>();
        for (int k = 0; k < angles.length; k++) {
            byAngle.computeIfAbsent(key(angles[k]), x -> new ArrayDeque<>()).add(k);
        }
        boolean[] assigned = new boolean[angles.length];
        List<Double> bases = new ArrayList<>();
        List<int[]> members = new ArrayList<>();
        boolean[] used = new boolean[TRANSFORMS.length];
        for (int j = 0; j < angles.length; j++) {
            if (assigned[j]) {
                continue;
            }
            double rad = Math.toRadians(angles[j]);
            double ex = Math.cos(rad);
            double ey = Math.sin(rad);
            int[] row = new int[TRANSFORMS.length];
            Arrays.fill(row, -1);
            for (int t = 0; t < TRANSFORMS.length; t++) {
                int[] m = TRANSFORMS[t];
                double kx = m[0] * ex + m[2] * ey;
                double ky = m[1] * ex + m[3] * ey;
                int k = t == 0 ? j : take(byAngle, Math.toDegrees(Math.atan2(ky, kx)), assigned);
                if (t == 0) {
                    byAngle.get(key(angles[j])).remove(j);
                }
                if (k >= 0) {
                    assigned[k] = true;
                    row[t] = k;
                    used[t] = true;
                }
            }
            bases.add(angles[j]);
            members.add(row);
        }
        if (bases.size() * 2 > angles.length) {
            return null;
        }
        int usedCount = 0;
        for (boolean u : used) {
            usedCount += u ? 1 : 0;
        }
        int slots = usedCount <= 4 ? 4 : 8;
        int[] slotToTransform = new int[slots];
        Arrays.fill(slotToTransform, -1);
        int s = 0;
        for (int t = 0; t < TRANSFORMS.length; t++) {
            if (used[t]) {
                slotToTransform[s++] = t;
            }
        }
        int[][] member = new int[bases.size()][slots];
        for (int b = 0; b < bases.size(); b++) {
            for (int slot = 0; slot < slots; slot++) {
                int t = slotToTransform[slot];
                member[b][slot] = t < 0 ? -1 : members.get(b)[t];
            }
        }
        int[][] slotTransform = new int[slots][];
        for (int slot = 0; slot < slots; slot++) {
            slotTransform[slot] = slotToTransform[slot] < 0 ? null : TRANSFORMS[slotToTransform[slot]];
        }
        double[] baseAngles = new double[bases.size()];
        for (int b = 0; b < baseAngles.length; b++) {
            baseAngles[b] = bases.get(b);
        }
        return new SymmetryPlan(baseAngles, slots, slotTransform, member);
    }

    private static int take(Map<Long, ArrayDeque<Integer>> byAngle, double angleDeg, boolean[] assigned) {
        ArrayDeque<Integer> list = byAngle.get(key(angleDeg));
        while (list != null && !list.isEmpty()) {
            int k = list.poll();
            if (!assigned[k]) {
                return k;
            }
        }
        return -1;
    }

    /** Angle modulo 360°, in bins of 1e-6°. */
    private static long key(double angleDeg) {
        double a = angleDeg % 360;
        if (a < 0) {
            a += 360;
        }
        long key = Math.round(a * 1e6);
        return key == 360_000_000L ? 0 : key;
    }

    /**
     * Sums the virtual images: {@code slice[p] = weight · Σ_s acc[(M_s p)·slots + s]} for rows {@code y0..y1-1}.
     */
    void combine(float[] acc, int n, float weight, float[] slice, int y0, int y1) {
        int shift = n - 1;
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < n; x++) {
                float sum = 0f;
                for (int s = 0; s < slots; s++) {
                    int[] m = slotTransform[s];
                    if (m == null) {
                        continue;
                    }
                    // centred coordinates: x' = m00·x + m01·y (+ (n-1)/2·(1 - m00 - m01), an integer)
                    int xs = m[0] * x + m[1] * y + shift * (1 - m[0] - m[1]) / 2;
                    int ys = m[2] * x + m[3] * y + shift * (1 - m[2] - m[3]) / 2;
                    sum += acc[(ys * n + xs) * slots + s];
                }
                slice[y * n + x] = weight * sum;
            }
        }
    }
}
