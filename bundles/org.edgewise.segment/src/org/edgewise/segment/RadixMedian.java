package org.edgewise.segment;

/**
 * The exact median of float values too many to hold at once, in two passes over them and memory independent of
 * their count. Each value's bit pattern is made order-preserving (unsigned comparison of the keys orders as
 * {@link Float#compare}); the first pass counts values per group of the key's 16 high bits, which locates the groups
 * holding the middle ranks; the second pass counts the values of those groups per 16 low bits, which gives the
 * values at those ranks. Counts of the same kind may be subtracted, so the median of "a volume less its particles"
 * needs only the counts of the volume and of the particles. The median is that of {@link DepthMaps#levels}: the
 * middle value, or for an even count the float sum of the middle two halved.
 * <pre>{@code
 * RadixMedian m = new RadixMedian();
 * for (float[] slab : slabs) m.countGroups(slab, 0, slab.length);   // first pass
 * m.locate();
 * for (float[] slab : slabs) m.countLows(slab, 0, slab.length);     // second pass
 * double median = m.median();
 * }</pre>
 */
public final class RadixMedian {

    private static final int GROUPS = 1 << 16;

    private final long[] groups = new long[GROUPS];
    private long count;
    /** After {@link #locate}: the groups holding the lower and the upper middle rank, and their ranks in them. */
    private int[] middleGroups;
    private long[] ranksInGroup;
    /** After {@link #locate}: per middle group (index 0 lower, 1 upper), counts per low 16 bits. */
    private long[][] lows;

    /** @return the order-preserving key of a value (compare unsigned) */
    static int key(float v) {
        int bits = Float.floatToIntBits(v);
        return bits < 0 ? ~bits : bits ^ Integer.MIN_VALUE;
    }

    /** @return the value of a key */
    static float value(int key) {
        return Float.intBitsToFloat(key < 0 ? key ^ Integer.MIN_VALUE : ~key);
    }

    /** First pass: counts {@code values[from..to)} by group. */
    public void countGroups(float[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            groups[key(values[i]) >>> 16]++;
        }
        count += to - from;
    }

    /** First pass: counts one value. */
    public void countGroup(float value) {
        groups[key(value) >>> 16]++;
        count++;
    }

    /** @return the number of values counted */
    public long count() {
        return count;
    }

    /**
     * First pass: subtracts the counts of values that are part of this one's.
     *
     * @param part counts of a subset of this one's values
     * @throws IllegalArgumentException if {@code part} holds values this one does not
     */
    public void subtract(RadixMedian part) {
        for (int g = 0; g < GROUPS; g++) {
            if (part.groups[g] > groups[g]) {
                throw new IllegalArgumentException("the part holds values this one does not (group " + g + ")");
            }
        }
        for (int g = 0; g < GROUPS; g++) {
            groups[g] -= part.groups[g];
        }
        count -= part.count;
    }

    /**
     * Second pass: subtracts the counts of values that are part of this one's, counted in the same groups
     * ({@link #locateAs}).
     *
     * @param part counts of a subset of the values this one counted in the second pass
     */
    public void subtractLows(RadixMedian part) {
        if (!java.util.Arrays.equals(part.middleGroups, middleGroups)) {
            throw new IllegalArgumentException("the part counted other groups");
        }
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < GROUPS; i++) {
                lows[k][i] -= part.lows[k][i];
            }
        }
    }

    /**
     * Ends the first pass: finds the groups of the middle ranks.
     *
     * @throws IllegalStateException if no value was counted
     */
    public void locate() {
        if (count == 0) {
            throw new IllegalStateException("no value counted");
        }
        long[] ranks = { (count - 1) / 2, count / 2 };
        middleGroups = new int[2];
        ranksInGroup = new long[2];
        for (int k = 0; k < 2; k++) {
            long below = 0;
            int g = 0;
            while (below + groups[g] <= ranks[k]) {
                below += groups[g];
                g++;
            }
            middleGroups[k] = g;
            ranksInGroup[k] = ranks[k] - below;
        }
        lows = new long[2][GROUPS];
    }

    /**
     * Ends the first pass with the groups another median located (to count the same groups in a part that will be
     * subtracted from it).
     */
    public void locateAs(RadixMedian other) {
        middleGroups = other.middleGroups.clone();
        ranksInGroup = other.ranksInGroup.clone();
        lows = new long[2][GROUPS];
    }

    /** Second pass: counts the values of {@code values[from..to)} that lie in the middle groups. */
    public void countLows(float[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            countLow(values[i]);
        }
    }

    /** Second pass: counts one value if it lies in a middle group. */
    public void countLow(float value) {
        int key = key(value);
        int g = key >>> 16;
        for (int k = 0; k < 2; k++) {
            if (g == middleGroups[k]) {
                lows[k][key & 0xffff]++;
            }
        }
    }

    /** @return the median after both passes (as {@link DepthMaps#levels} computes it) */
    public double median() {
        float lower = select(0);
        if (count % 2 == 1) {
            return lower;
        }
        float upper = select(1);
        return 0.5 * (lower + upper);
    }

    private float select(int k) {
        long below = 0;
        long[] counts = lows[k];
        for (int low = 0; low < GROUPS; low++) {
            below += counts[low];
            if (below > ranksInGroup[k]) {
                return value(middleGroups[k] << 16 | low);
            }
        }
        throw new IllegalStateException("the second pass did not count the values of the first");
    }
}
