package org.edgewise.recon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgewise.recon.FbpFilter;
import org.edgewise.recon.SinogramFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FbpFilterTest {

    private static final int SIZE = 1024;

    @Test
    void discreteRampHasNoDcOffsetAndFollowsAbsoluteFrequency() {
        double[] h = FbpFilter.RAMP.response(SIZE);
        // Kak & Slaney's spatial ramp: the DC gain is the (tiny, positive) truncation remainder, not -1/4 etc.
        assertTrue(h[0] > 0 && h[0] < 1e-3, "DC gain " + h[0]);
        for (int k = 8; k <= SIZE / 2; k++) {
            assertEquals(k / (double) SIZE, h[k], 1e-3, "gain at k=" + k);
        }
        assertEquals(0.5, h[SIZE / 2], 1e-3);
    }

    @Test
    void hannAndCosineAreZeroAtNyquist() {
        assertEquals(0.0, FbpFilter.HANN.response(SIZE)[SIZE / 2], 1e-12);
        assertEquals(0.0, FbpFilter.COSINE.response(SIZE)[SIZE / 2], 1e-12);
    }

    @Test
    void windowsAtNyquistHaveTheirTextbookValues() {
        assertEquals(2 / Math.PI, FbpFilter.SHEPP_LOGAN.window(0.5), 1e-12);
        assertEquals(0.08, FbpFilter.HAMMING.window(0.5), 1e-12);
        assertEquals(0.5, FbpFilter.HANN.window(0.25), 1e-12);
        assertEquals(Math.cos(Math.PI / 4), FbpFilter.COSINE.window(0.25), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(FbpFilter.class)
    void everyFilterIsTheRampTimesAWindowThatStartsAtOneAndDoesNotGrow(FbpFilter filter) {
        double[] ramp = FbpFilter.RAMP.response(SIZE);
        double[] h = filter.response(SIZE);
        assertEquals(ramp[0], h[0], 1e-15);
        double previous = 1;
        for (int k = 1; k <= SIZE / 2; k++) {
            double w = h[k] / ramp[k];
            assertEquals(filter.window(k / (double) SIZE), w, 1e-9);
            assertTrue(w <= previous + 1e-12, filter + " window grows at k=" + k);
            previous = w;
        }
    }

    @Test
    void namesParseTheCommandLineWay() {
        assertEquals(FbpFilter.RAMP, FbpFilter.parse("ram-lak"));
        assertEquals(FbpFilter.SHEPP_LOGAN, FbpFilter.parse("Shepp-Logan"));
        assertEquals(FbpFilter.HANN, FbpFilter.parse("hann"));
        assertEquals("shepp-logan", FbpFilter.SHEPP_LOGAN.cliName());
        assertThrows(IllegalArgumentException.class, () -> FbpFilter.parse("butterworth"));
    }

    @Test
    void paddingIsAPowerOfTwoOfAtLeastTwiceTheWidth() {
        assertEquals(64, SinogramFilter.fftSize(10));
        assertEquals(1024, SinogramFilter.fftSize(512));
        assertEquals(2048, SinogramFilter.fftSize(513));
    }
}
