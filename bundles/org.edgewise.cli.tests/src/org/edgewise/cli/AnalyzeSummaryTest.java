package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.edgewise.api.Element;
import org.edgewise.gradient.Estimate;
import org.edgewise.gradient.ProfileMetrics;
import org.edgewise.gradient.ProfileRow;
import org.edgewise.workflow.Analysis;
import org.junit.jupiter.api.Test;

/**
 * The Table-1 summary on the terminal: a bounded interval prints its half-width, an unbounded one (a window with
 * fewer than two independent clusters: t of no degree of freedom) prints n/a with one line saying why.
 */
class AnalyzeSummaryTest {

    @Test
    void printsNaForAnUnboundedIntervalAndSaysWhy() {
        String bounded = summary(Estimate.of(0.7242, 0.0047, 2.6));
        assertTrue(bounded.contains("0.7242 ± 0.0122"), bounded);
        assertFalse(bounded.contains("n/a"), bounded);

        String unbounded = summary(Estimate.of(0.6927, 0.0047, Double.POSITIVE_INFINITY));
        assertTrue(unbounded.contains("0.6927 ± n/a"), unbounded);
        assertFalse(unbounded.contains("± Infinity"), unbounded);
        assertTrue(unbounded.contains("n/a: the window holds fewer than two independent clusters"), unbounded);
    }

    private static String summary(Estimate core) {
        Estimate edge = Estimate.of(0.5527, 0.0031, 2.6);
        ProfileMetrics.Metric metric = new ProfileMetrics.Metric(1, Element.NI, ProfileRow.Quantity.RATIO, 0.275,
                edge, 1.975, core, Estimate.of(core.value() - edge.value(), 0.005, 2.6), 1.9, core, 0.16);
        Analysis.Result result = new Analysis.Result(Path.of("out"), List.of(), List.of(), List.of(), List.of(),
                List.of(metric), List.of(), 1);
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            AnalyzeCommand.summary(out, result);
        }
        return text.toString();
    }
}
