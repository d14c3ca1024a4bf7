package org.edgewise.ui.gradient;

import java.util.List;
import java.util.Locale;

import org.eclipse.january.DatasetException;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.edgewise.api.Element;
import org.edgewise.gradient.LineScans;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.data.ParticleSelection;
import org.edgewise.ui.jobs.ErrorReporter;
import org.edgewise.ui.plot.DatasetCharts;
import org.edgewise.ui.views.DatasetTracker;

/**
 * Line scans through a particle's centre along x, y or z: Δμ of Ni, Mn and Co (averaged over a small square
 * cross-section), or the ratio or calibrated fraction formed from them inside the hull, against the distance from the
 * centre. Exports as PNG or SVG.
 */
public final class LineScanView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.gradient.views.linescans";

    /** What a scan shows: column prefix, choice, axis title, unit. */
    private static final String[][] QUANTITIES = {
        { "delta_mu", "Δμ (above − below the K edge)", "Δμ", "1/µm" },
        { "ratio", "Ratio Δμ_El / ΣΔμ", "Ratio Δμ_El / ΣΔμ", "" },
        { "fraction", "Atomic fraction on the TM site", "Atomic fraction (TM site)", "" } };

    private Combo particleCombo;
    private Combo axisCombo;
    private Combo quantityCombo;
    private Chart chart;
    private DatasetTracker tracker;
    private Dataset table;
    private List<Integer> particles = List.of();
    private final ISelectionListener followParticle = this::particlePicked;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(5, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(bar, SWT.NONE).setText("Particle");
        particleCombo = new Combo(bar, SWT.READ_ONLY);
        particleCombo.addListener(SWT.Selection, event -> draw());
        new Label(bar, SWT.NONE).setText("Along");
        axisCombo = new Combo(bar, SWT.READ_ONLY);
        for (String axis : LineScans.AXES) {
            axisCombo.add(axis);
        }
        axisCombo.select(0);
        axisCombo.addListener(SWT.Selection, event -> draw());
        quantityCombo = new Combo(bar, SWT.READ_ONLY);
        for (String[] quantity : QUANTITIES) {
            quantityCombo.add(quantity[1]);
        }
        quantityCombo.select(0);
        quantityCombo.addListener(SWT.Selection, event -> draw());
        chart = DatasetCharts.createLineChart(parent, "Line scan", "Distance from the particle's centre", "µm",
                QUANTITIES[0][2], QUANTITIES[0][3]);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        ChartExports.addActions(getViewSite(), () -> chart, "line-scan");
        getSite().getWorkbenchWindow().getSelectionService().addSelectionListener(followParticle);
        tracker = new DatasetTracker(getSite(), getSite().getService(IDatasetRegistry.class),
                GradientTables::isLineScanTable, this::show);
    }

    private void show(DatasetEntry scans) {
        if (chart.isDisposed()) {
            return;
        }
        table = null;
        particles = List.of();
        if (scans != null) {
            try {
                table = GradientTables.table(scans);
                particles = GradientTables.particles(table);
            } catch (DatasetException | RuntimeException e) {
                setContentDescription(ErrorReporter.status("Cannot read " + scans.name(), e).getMessage());
            }
        }
        particleCombo.removeAll();
        for (int particle : particles) {
            particleCombo.add("Particle " + particle);
        }
        if (!particles.isEmpty()) {
            particleCombo.select(0);
        }
        particleCombo.getParent().layout(true);
        setContentDescription(scans == null ? "Run the gradient analysis"
                : String.format(Locale.ROOT, "%s: through each particle's centre, averaged over %d × %d voxels",
                        scans.name(), AnalyzeJob.LINE_WIDTH_VOXELS, AnalyzeJob.LINE_WIDTH_VOXELS));
        draw();
    }

    private void draw() {
        if (chart.isDisposed()) {
            return;
        }
        DatasetCharts.clear(chart);
        if (table == null || particleCombo.getSelectionIndex() < 0) {
            chart.redraw();
            return;
        }
        int particle = particles.get(particleCombo.getSelectionIndex());
        String[] quantity = QUANTITIES[quantityCombo.getSelectionIndex()];
        String axis = LineScans.AXES.get(axisCombo.getSelectionIndex());
        ChartTables.Line line = finitePart(ChartTables.line(table, particle, axisCombo.getSelectionIndex(),
                quantity[0]));
        chart.getTitle().setText(String.format(Locale.ROOT, "Particle %d: line scan along %s", particle, axis));
        DatasetCharts.xAxis(chart).getTitle().setText(DatasetCharts.axisTitle("Distance from the particle's centre"
                + " along " + axis, "µm"));
        DatasetCharts.yAxis(chart).getTitle().setText(DatasetCharts.axisTitle(quantity[2], quantity[3]));
        for (Element element : ElementColours.channels()) {
            ILineSeries series = DatasetCharts.addLineSeries(chart, element.symbol(),
                    DatasetFactory.createFromObject(line.positionUm()),
                    DatasetFactory.createFromObject(line.values()[element.ordinal()]));
            int rgb = ElementColours.rgb(element);
            series.setLineColor(new Color(chart.getDisplay(), (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff));
            series.setSymbolType(ILineSeries.PlotSymbolType.NONE);
            series.setLineWidth(2);
        }
        chart.getAxisSet().adjustRange();
        chart.redraw();
    }

    /** @return the line without the points at either end where no element has a value (outside the data) */
    static ChartTables.Line finitePart(ChartTables.Line line) {
        int first = 0;
        int last = line.positionUm().length - 1;
        while (first <= last && !anyFinite(line, first)) {
            first++;
        }
        while (last >= first && !anyFinite(line, last)) {
            last--;
        }
        double[][] values = new double[line.values().length][];
        for (int e = 0; e < values.length; e++) {
            values[e] = java.util.Arrays.copyOfRange(line.values()[e], first, last + 1);
        }
        return new ChartTables.Line(java.util.Arrays.copyOfRange(line.positionUm(), first, last + 1), values);
    }

    private static boolean anyFinite(ChartTables.Line line, int point) {
        for (double[] element : line.values()) {
            if (Double.isFinite(element[point])) {
                return true;
            }
        }
        return false;
    }

    private void particlePicked(IWorkbenchPart part, ISelection selection) {
        if (selection instanceof IStructuredSelection structured
                && structured.getFirstElement() instanceof ParticleSelection picked) {
            setParticle(picked.label());
        }
    }

    /** @param particle a particle label to show, when the table has it */
    public void setParticle(int particle) {
        int index = particles.indexOf(particle);
        if (index >= 0 && index != particleCombo.getSelectionIndex()) {
            particleCombo.select(index);
            draw();
        }
    }

    /**
     * @param axis     0 (x), 1 (y) or 2 (z)
     * @param quantity 0 Δμ, 1 ratio, 2 fraction
     */
    public void setScan(int axis, int quantity) {
        axisCombo.select(axis);
        quantityCombo.select(quantity);
        draw();
    }

    /** @return the chart (tests read its series) */
    public Chart getChart() {
        return chart;
    }

    @Override
    public void setFocus() {
        chart.setFocus();
    }

    @Override
    public void dispose() {
        if (tracker != null) {
            tracker.dispose();
        }
        getSite().getWorkbenchWindow().getSelectionService().removeSelectionListener(followParticle);
        super.dispose();
    }
}
