package org.edgewise.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.edgewise.api.Element;
import org.junit.jupiter.api.Test;

/** Table-1 metrics of analytic profiles. */
class ProfileMetricsTest {

    /** Rows of one particle: value(depth) = 0.5 + 0.1·depth for Ni (both quantities), bins of width w. */
    private static List<ProfileRow> rows(double w) {
        List<ProfileRow> rows = new ArrayList<>();
        for (int b = 0; b * w < 3; b++) {
            double d = (b + 0.5) * w;
            double v = 0.5 + 0.1 * d;
            Estimate e = Estimate.of(v, 0.001, 2.6);
            for (Element el : Profiles.ELEMENTS) {
                rows.add(new ProfileRow(1, el, b * w, (b + 1) * w, 1000, 500, e, e, e, 0.1, true));
            }
        }
        return rows;
    }

    @Test
    void finerBinsThanTheWindowAreAveraged() {
        List<ProfileMetrics.Metric> m = ProfileMetrics.compute(rows(0.01), ProfileMetrics.Settings.defaults());
        assertEquals(6, m.size()); // 3 elements × ratio, fraction
        ProfileMetrics.Metric ni = m.get(0);
        assertEquals(Element.NI, ni.element());
        assertEquals(0.275, ni.edgeDepthUm(), 1e-9);
        assertEquals(0.5275, ni.edge().value(), 1e-9);
        assertEquals(0.6975, ni.core().value(), 1e-9);
        assertEquals(0.17, ni.coreMinusEdge().value(), 1e-9);
        // five bins combined: the standard error shrinks by √5
        assertEquals(0.001 / Math.sqrt(5), ni.edge().standardError(), 1e-9);
        assertEquals(0.5 + 0.1 * 1.995, ni.max().value(), 1e-9);
        assertEquals(0.1 * (1.995 - 0.255), ni.maxMinusMin(), 1e-9);
    }

    @Test
    void coarserBinsThanTheWindowTakeTheNearestBin() {
        double w = 0.1177;
        List<ProfileMetrics.Metric> m = ProfileMetrics.compute(rows(w), ProfileMetrics.Settings.defaults());
        ProfileMetrics.Metric ni = m.get(0);
        assertEquals(2.5 * w, ni.edgeDepthUm(), 1e-9); // bin [0.235, 0.353] holds the window
        assertEquals(16.5 * w, ni.coreDepthUm(), 1e-9); // centre 1.942 is nearest to 1.975
        assertEquals(0.1 * 14 * w, ni.coreMinusEdge().value(), 1e-9);
    }
}
