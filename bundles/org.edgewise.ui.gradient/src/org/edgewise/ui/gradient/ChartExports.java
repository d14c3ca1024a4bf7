package org.edgewise.ui.gradient;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swtchart.Chart;
import org.edgewise.ui.jobs.ErrorReporter;
import org.edgewise.ui.plot.DatasetCharts;

/** The PNG… and SVG… buttons of the gradient charts: ask for a file, write the chart, report a failure. */
final class ChartExports {

    private ChartExports() {
    }

    /**
     * @param bar      where the two buttons go
     * @param chart    the chart they export (looked up when pressed)
     * @param baseName the proposed file name without extension, e.g. {@code profile}
     */
    static void addButtons(Composite bar, java.util.function.Supplier<Chart> chart, String baseName) {
        for (String extension : new String[] { "png", "svg" }) {
            Button button = new Button(bar, SWT.PUSH);
            button.setText(extension.toUpperCase(java.util.Locale.ROOT) + "…");
            button.setToolTipText("Save the chart as " + extension.toUpperCase(java.util.Locale.ROOT));
            button.addListener(SWT.Selection, event -> ask(chart.get(), baseName, extension));
        }
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
