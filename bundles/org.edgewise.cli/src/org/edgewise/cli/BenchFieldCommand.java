package org.edgewise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.edgewise.api.Element;
import org.edgewise.workflow.FieldComparison;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise bench field}: an analysis of a simulated field ({@code simulate --field}) against its
 * {@code truth.json} ({@link FieldComparison}): particles found, cut ones flagged, fraction MAE per whole particle.
 */
@Command(name = "field", sortOptions = false,
        description = { "Compare an analysis folder of a simulated field with its truth.json: whole particles found,"
                + " cut ones flagged, fraction MAE over 0.25-2.0 um per whole particle and element." })
final class BenchFieldCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ANALYSIS", description = "Output folder of edgewise analyze.")
    private Path analysis;

    @Option(names = "--truth", required = true, paramLabel = "FILE", description = "truth.json of the simulated field.")
    private Path truth;

    @Option(names = "--target", defaultValue = "0.03",
            description = "Largest acceptable fraction MAE (default ${DEFAULT-VALUE}).")
    private double target;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        FieldComparison.Summary s = FieldComparison.compare(analysis, truth);
        out.printf(Locale.ROOT, "grid offset vs truth (z, y, x): %.3f %.3f %.3f um%n", s.offsetUm()[0],
                s.offsetUm()[1], s.offsetUm()[2]);
        out.println("truth cut  label flagged dist_um   mae_Ni   mae_Mn   mae_Co");
        for (FieldComparison.Match m : s.matches()) {
            double[] e = m.fractionMae();
            out.printf(Locale.ROOT, "%5d %3s %6s %7s %7.3f %8.4f %8.4f %8.4f%n", m.truthId(), m.truthCut() ? "yes" : "no",
                    m.label() > 0 ? Integer.toString(m.label()) : "-", m.label() > 0 ? (m.flaggedCut() ? "cut" : "whole")
                            : "-", m.distanceUm(), e[Element.NI.ordinal()], e[Element.MN.ordinal()],
                    e[Element.CO.ordinal()]);
        }
        long cut = s.matches().size() - s.whole();
        double worst = s.worstWholeMae();
        out.printf(Locale.ROOT, "whole particles found %d of %d; cut particles flagged %d of %d (%d found but not"
                + " flagged); analysed particles without a truth partner %d of %d%n", s.wholeFound(), s.whole(),
                s.cutFlagged(), cut, s.cutNotFlagged(), s.unpaired(), s.analysed());
        out.printf(Locale.ROOT, "worst fraction MAE over the whole particles found %.4f (target %.3f): %s%n", worst,
                target, worst <= target && s.wholeFound() == s.whole() ? "met" : "not met");
        return 0;
    }
}
