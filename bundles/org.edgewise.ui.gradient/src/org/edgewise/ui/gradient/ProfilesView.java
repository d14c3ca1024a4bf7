package org.edgewise.ui.gradient;

import java.util.List;
import java.util.Locale;

import org.eclipse.january.DatasetException;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.jface.util.IPropertyChangeListener;
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
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.data.IDatasetRegistryListener;
import org.edgewise.ui.data.ParticleSelection;
import org.edgewise.ui.jobs.ErrorReporter;
import org.edgewise.ui.plot.DatasetCharts;
import org.edgewise.ui.preferences.EdgewisePreferences;
import org.edgewise.ui.views.DatasetTracker;

/**
 * Depth profiles of one particle: the ratio (the paper's Eq. 1) or the calibrated atomic fraction of Ni, Mn and Co
 * against depth below the hull surface, each with its 99 % confidence band, and the edge and core points of the
 * comparison region. The particle follows the particle picked anywhere; the chart exports as PNG or SVG.
 */
public final class ProfilesView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.gradient.views.profiles";

    private Combo particleCombo;
    private Combo quantityCombo;
    private Chart chart;
    private DatasetTracker tracker;
    private Dataset table;
    private DatasetEntry entry;
    private List<Integer> particles = List.of();
    private IDatasetRegistry registry;
    private final IDatasetRegistryListener metricsChanged = event -> {
        if (entry != null && event.entries().stream().anyMatch(e -> e.id().equals(GradientTables.metricsId(entry)))
                && !chart.isDisposed()) {
            chart.getDisplay().asyncExec(this::draw);
        }
    };
    private final ISelectionListener followParticle = this::particlePicked;
    private final IPropertyChangeListener regionChanged = event -> getSite().getShell().getDisplay()
            .asyncExec(this::draw);

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(4, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(bar, SWT.NONE).setText("Particle");
        particleCombo = new Combo(bar, SWT.READ_ONLY);
        particleCombo.addListener(SWT.Selection, event -> draw());
        new Label(bar, SWT.NONE).setText("Quantity");
        quantityCombo = new Combo(bar, SWT.READ_ONLY);
        for (GradientTables.Quantity quantity : GradientTables.Quantity.values()) {
            quantityCombo.add(quantity.label());
        }
        quantityCombo.select(0);
        quantityCombo.addListener(SWT.Selection, event -> draw());
        chart = DatasetCharts.createLineChart(parent, "Depth profile", "Depth below hull surface", "µm",
                GradientTables.Quantity.RATIO.label(), null);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        ChartExports.addActions(getViewSite(), () -> chart, "profile");
        getSite().getWorkbenchWindow().getSelectionService().addSelectionListener(followParticle);
        EdgewisePreferences.store().addPropertyChangeListener(regionChanged);
        registry = getSite().getService(IDatasetRegistry.class);
        registry.addListener(metricsChanged);
        tracker = new DatasetTracker(getSite(), registry, GradientTables::isProfileTable, this::show);
    }

    private void show(DatasetEntry profiles) {
        if (chart.isDisposed()) {
            return;
        }
        entry = profiles;
        table = null;
        particles = List.of();
        if (profiles != null) {
            try {
                table = GradientTables.table(profiles);
                particles = GradientTables.particles(table);
            } catch (DatasetException | RuntimeException e) {
                setContentDescription(ErrorReporter.status("Cannot read " + profiles.name(), e).getMessage());
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
        setContentDescription(profiles == null ? "Run the gradient analysis, or open an analysis folder"
                : profiles.name() + ": " + particles.size() + " particles");
        draw();
    }

    /** Draws the chosen particle's three profiles with their bands and the comparison region's points. */
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
        GradientTables.Quantity quantity = GradientTables.Quantity.values()[quantityCombo.getSelectionIndex()];
        chart.getTitle().setText(String.format(Locale.ROOT, "Particle %d: %s with 99%% confidence bands", particle,
                quantity == GradientTables.Quantity.RATIO ? "elemental ratio" : "calibrated fraction"));
        DatasetCharts.yAxis(chart).getTitle().setText(quantity.label());
        for (Element element : ElementColours.channels()) {
            GradientTables.Profile profile = GradientTables.profile(table, particle, element, quantity);
            if (profile.depthUm().length == 0) {
                continue;
            }
            Dataset depth = DatasetFactory.createFromObject(profile.depthUm());
            ILineSeries series = DatasetCharts.addLineSeries(chart, element.symbol(), depth,
                    DatasetFactory.createFromObject(profile.value()));
            int rgb = ElementColours.rgb(element);
            series.setLineColor(new Color(chart.getDisplay(), (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff));
            series.setSymbolType(ILineSeries.PlotSymbolType.NONE);
            series.setLineWidth(2);
            DatasetCharts.addBand(chart, element.symbol() + " 99% CI", depth,
                    DatasetFactory.createFromObject(profile.low()), DatasetFactory.createFromObject(profile.high()),
                    rgb);
        }
        double[] points = comparisonPoints(particle);
        DatasetCharts.setMarker(chart, "edge", points[0], 0x555555);
        DatasetCharts.setMarker(chart, "core", points[1], 0x555555);
        chart.getAxisSet().adjustRange();
        chart.redraw();
    }

    /**
     * @return {edge, core} depths (µm) where Table 1 takes its points for the particle: from the metrics computed
     *         from these profiles (they follow a recomputation with another comparison region), else the middle of
     *         the preferences' windows
     */
    private double[] comparisonPoints(int particle) {
        DatasetEntry metrics = registry.find(GradientTables.metricsId(entry)).orElse(null);
        if (metrics != null) {
            try {
                double[] depths = GradientTables.pointDepthsUm(GradientTables.table(metrics), particle);
                if (depths != null) {
                    return depths;
                }
            } catch (DatasetException | RuntimeException e) {
                // unreadable metrics: the preferences' windows below
            }
        }
        EdgewisePreferences.ComparisonRegion region = EdgewisePreferences.comparisonRegion();
        return new double[] { 0.5 * (region.edgeUm()[0] + region.edgeUm()[1]),
            0.5 * (region.coreUm()[0] + region.coreUm()[1]) };
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

    /** @param fraction true for the calibrated fraction, false for the paper's ratio */
    public void setFraction(boolean fraction) {
        quantityCombo.select(fraction ? 1 : 0);
        draw();
    }

    /** @return the chart (tests read its series) */
    public Chart getChart() {
        return chart;
    }

    /** @return the profile table shown, or {@code null} */
    public DatasetEntry getTable() {
        return entry;
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
        EdgewisePreferences.store().removePropertyChangeListener(regionChanged);
        if (registry != null) {
            registry.removeListener(metricsChanged);
        }
        super.dispose();
    }
}
