package org.edgewise.ui.gradient;

import java.util.ArrayList;
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
import org.edgewise.api.tables.Tables;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.data.ParticleSelection;
import org.edgewise.ui.jobs.ErrorReporter;
import org.edgewise.ui.plot.DatasetCharts;
import org.edgewise.ui.views.DatasetTracker;

/**
 * The data-density plot of one particle and element: how many voxels have each Δμ at each depth below the hull
 * (shaded cells, darker for more voxels), with the profile's mean Δμ over it, so that the spread behind a mean is
 * seen. Exports as PNG or SVG.
 */
public final class DensityView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.gradient.views.density";
    /** Id of the mean profile series. */
    public static final String MEAN = "mean Δμ";

    private Combo particleCombo;
    private Combo elementCombo;
    private Chart chart;
    private IDatasetRegistry registry;
    private DatasetTracker tracker;
    private DatasetEntry entry;
    private Dataset table;
    private List<Integer> particles = List.of();
    private final ISelectionListener followParticle = this::particlePicked;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(4, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(bar, SWT.NONE).setText("Particle");
        particleCombo = new Combo(bar, SWT.READ_ONLY);
        particleCombo.addListener(SWT.Selection, event -> draw());
        new Label(bar, SWT.NONE).setText("Element");
        elementCombo = new Combo(bar, SWT.READ_ONLY);
        for (Element element : ElementColours.channels()) {
            elementCombo.add(element.symbol());
        }
        elementCombo.select(0);
        elementCombo.addListener(SWT.Selection, event -> draw());
        chart = DatasetCharts.createLineChart(parent, "Data density", "Depth below hull surface", "µm", "Δμ",
                "1/µm");
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        ChartExports.addActions(getViewSite(), () -> chart, "density");
        getSite().getWorkbenchWindow().getSelectionService().addSelectionListener(followParticle);
        registry = getSite().getService(IDatasetRegistry.class);
        tracker = new DatasetTracker(getSite(), registry, GradientTables::isDensityTable, this::show);
    }

    private void show(DatasetEntry density) {
        if (chart.isDisposed()) {
            return;
        }
        entry = density;
        table = null;
        particles = List.of();
        if (density != null) {
            try {
                table = GradientTables.table(density);
                particles = GradientTables.particles(table);
            } catch (DatasetException | RuntimeException e) {
                setContentDescription(ErrorReporter.status("Cannot read " + density.name(), e).getMessage());
            }
        }
        int previous = particleCombo.getSelectionIndex() < 0 ? -1 : selectedParticle();
        particleCombo.removeAll();
        for (int particle : particles) {
            particleCombo.add("Particle " + particle);
        }
        if (!particles.isEmpty()) {
            particleCombo.select(Math.max(0, particles.indexOf(previous)));
        }
        particleCombo.getParent().layout(true);
        setContentDescription(density == null ? "Run the gradient analysis"
                : density.name() + ": voxels per depth and Δμ bin, " + particles.size() + " particles");
        draw();
    }

    private int selectedParticle() {
        int index = particleCombo.getSelectionIndex();
        return index >= 0 && index < particles.size() ? particles.get(index) : -1;
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
        int particle = selectedParticle();
        Element element = ElementColours.channels()[elementCombo.getSelectionIndex()];
        ChartTables.Cells cells = ChartTables.cells(table, particle, element);
        chart.getTitle().setText(String.format(Locale.ROOT, "Particle %d: voxels per depth and Δμ_%s bin",
                particle, element.symbol()));
        DatasetCharts.yAxis(chart).getTitle().setText(DatasetCharts.axisTitle("Δμ_" + element.symbol(), "1/µm"));
        DatasetCharts.setDensity(chart, new DatasetCharts.Density("voxels", cells.depthLowUm(), cells.depthHighUm(),
                cells.valueLow(), cells.valueHigh(), cells.voxels()));
        double[][] mean = meanProfile(particle, element);
        if (mean != null && mean[0].length > 0) {
            ILineSeries series = DatasetCharts.addLineSeries(chart, MEAN, DatasetFactory.createFromObject(mean[0]),
                    DatasetFactory.createFromObject(mean[1]));
            int rgb = ElementColours.rgb(element);
            series.setLineColor(new Color(chart.getDisplay(), (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff));
            series.setSymbolType(ILineSeries.PlotSymbolType.NONE);
            series.setLineWidth(2);
        }
        chart.getAxisSet().adjustRange();
        chart.redraw();
    }

    /** @return {depth, mean Δμ} of the profile that came with these densities, or null */
    private double[][] meanProfile(int particle, Element element) {
        if (!entry.id().endsWith("/density")) {
            return null;
        }
        String profilesId = entry.id().substring(0, entry.id().length() - "density".length()) + "profiles";
        try {
            DatasetEntry profiles = registry.find(profilesId).orElse(null);
            if (profiles == null) {
                return null;
            }
            Dataset t = GradientTables.table(profiles);
            List<double[]> points = new ArrayList<>();
            for (int r = 0; r < Tables.rows(t); r++) {
                if ((int) Tables.get(t, r, "particle") == particle
                        && (int) Tables.get(t, r, "element_z") == element.atomicNumber()) {
                    points.add(new double[] { 0.5 * (Tables.get(t, r, "depth_low_um")
                            + Tables.get(t, r, "depth_high_um")), Tables.get(t, r, "intensity_mean") });
                }
            }
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            double[][] out = new double[2][points.size()];
            for (int i = 0; i < points.size(); i++) {
                out[0][i] = points.get(i)[0];
                out[1][i] = points.get(i)[1];
            }
            return out;
        } catch (DatasetException | RuntimeException e) {
            return null;
        }
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

    /** @param element the element whose Δμ to show */
    public void setElement(Element element) {
        elementCombo.select(java.util.Arrays.asList(ElementColours.channels()).indexOf(element));
        draw();
    }

    /** @return the chart (tests read its cells and series) */
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
