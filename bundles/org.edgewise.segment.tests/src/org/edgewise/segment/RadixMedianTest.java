package org.edgewise.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The two-pass median against {@link DepthMaps#levels}, which sorts: the same double, bit for bit, for odd and even
 * counts, negative values, signed zeros, ties and values of one group; and the background median of a volume less
 * its particles from subtracted counts.
 */
class RadixMedianTest {

    @Test
    void equalsTheSortedMedianBitForBit() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + random.nextInt(5000);
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = switch (trial % 4) {
                case 0 -> (float) random.nextGaussian();                       // both signs
                case 1 -> (float) (1e-3 * random.nextInt(7) - 3e-3);         // ties, zeros
                case 2 -> 1.0f + Math.ulp(1.0f) * random.nextInt(50);         // one group
                default -> random.nextInt(3) == 0 ? -0.0f : random.nextInt(2) == 0 ? 0.0f
                        : (float) random.nextGaussian() * 1e-30f;                     // signed zeros, tiny
                };
            }
            assertEquals(sorted(values), twoPass(values), "trial " + trial + ", " + n + " values");
        }
    }

    @Test
    void givesTheMedianOfAVolumeLessItsParticlesFromSubtractedCounts() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 20001;
        float[] volume = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            boolean particle = random.nextDouble() < 0.3;
            labels[i] = particle ? 1 : 0;
            volume[i] = (float) (particle ? 2.5 + 0.3 * random.nextGaussian() : 0.02 * random.nextGaussian());
        }
        RadixMedian background = new RadixMedian();
        RadixMedian material = new RadixMedian();
        background.countGroups(volume, 0, n);
        for (int i = 0; i < n; i++) {
            if (labels[i] > 0) {
                material.countGroup(volume[i]);
            }
        }
        background.subtract(material);
        background.locate();
        material.locate();
        RadixMedian materialInBackgroundGroups = new RadixMedian();
        materialInBackgroundGroups.locateAs(background);
        background.countLows(volume, 0, n);
        for (int i = 0; i < n; i++) {
            if (labels[i] > 0) {
                material.countLow(volume[i]);
                materialInBackgroundGroups.countLow(volume[i]);
            }
        }
        background.subtractLows(materialInBackgroundGroups);
        double[] levels = DepthMaps.levels(volume, labels);
        assertEquals(levels[0], background.median());
        assertEquals(levels[1], material.median());
    }

    @Test
    void refusesAPartThatIsNotPartOfIt() {
        RadixMedian whole = new RadixMedian();
        whole.countGroups(new float[] { 1, 2, 3 }, 0, 3);
        RadixMedian other = new RadixMedian();
        other.countGroups(new float[] { -5 }, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> whole.subtract(other));
        assertThrows(IllegalStateException.class, () -> new RadixMedian().locate());
    }

    private static double twoPass(float[] values) {
        RadixMedian m = new RadixMedian();
        // the passes see the values in pieces, as slabs
        for (int from = 0; from < values.length; from += 777) {
            m.countGroups(values, from, Math.min(values.length, from + 777));
        }
        m.locate();
        for (int from = 0; from < values.length; from += 777) {
            m.countLows(values, from, Math.min(values.length, from + 777));
        }
        return m.median();
    }

    /** The median as {@link DepthMaps#levels} takes it (the material of a volume labelled everywhere). */
    private static double sorted(float[] values) {
        float[] withBackground = new float[values.length + 1];
        int[] labels = new int[values.length + 1];
        System.arraycopy(values, 0, withBackground, 0, values.length);
        java.util.Arrays.fill(labels, 0, values.length, 1);
        return DepthMaps.levels(withBackground, labels)[1];
    }
}
