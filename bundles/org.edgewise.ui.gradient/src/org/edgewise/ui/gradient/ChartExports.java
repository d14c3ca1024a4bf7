package org.edgewise.ui.gradient;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jface.action.Action;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IViewSite;
import org.eclipse.swtchart.Chart;
import org.edgewise.ui.jobs.ErrorReporter;
import org.edgewise.ui.plot.DatasetCharts;

/** The PNG… and SVG… actions of the gradient charts' toolbars: ask for a file, write the chart, report a failure. */
final class ChartExports {

    private ChartExports() {
    }

    /**
     * @param site     the view's site, whose toolbar gets the two actions
     * @param chart    the chart they export (looked up when pressed)
     * @param baseName the proposed file name without extension, e.g. {@code profile}
     */
    static void addActions(IViewSite site, java.util.function.Supplier<Chart> chart, String baseName) {
        for (String extension : new String[] { "png", "svg" }) {
            String upper = extension.toUpperCase(java.util.Locale.ROOT);
            Action action = new Action("Export " + upper + "…") {
                @Override
                public void run() {
                    ask(chart.get(), baseName, extension);
                }
            };
            action.setToolTipText("Save the chart as " + upper + (extension.equals("svg") ? " (vector)" : ""));
            site.getActionBars().getToolBarManager().add(action);
        }
        site.getActionBars().updateActionBars();
    }

    private static void ask(Chart chart, String baseName, String extension) {
        FileDialog dialog = new FileDialog(chart.getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*." + extension });
        dialog.setFileName(baseName + "." + extension);
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            write(chart, Path.of(chosen));
        }
    }

    /**
     * @param chart the chart
     * @param file  a {@code .svg} file (vector) or any other (PNG, as shown)
     */
    static void write(Chart chart, Path file) {
        try {
            if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
                DatasetCharts.exportSvg(chart, file);
            } else {
                DatasetCharts.exportPng(chart, file);
            }
        } catch (IOException | RuntimeException e) {
            ErrorReporter.report("Could not write " + file, e);
        }
    }
}
