package org.edgewise.ui.gradient;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.january.DatasetException;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.stages.DataKind;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.data.ParticleSelection;
import org.edgewise.ui.image.OrthoSliceViewer;
import org.edgewise.ui.image.SliceRenderer;
import org.edgewise.ui.views.DatasetDisplay;
import org.edgewise.ui.views.DatasetTracker;

/**
 * The composite elemental map: Ni in red, Mn in green, Co in blue, as orthoslices with a linked cursor, from the
 * calibrated fraction or the differential attenuation Δμ of each element, with the particles' hulls outlined.
 */
public final class ElementalMapView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.gradient.views.map";

    private static final Pattern ELEMENTAL = Pattern.compile("(fraction|delta_mu)_(ni|mn|co)");
    private static final String[] QUANTITIES = { "fraction", "delta_mu" };

    private Combo quantity;
    private OrthoSliceViewer viewer;
    private DatasetTracker tracker;
    private IDatasetRegistry registry;
    private DatasetEntry anchor;
    private String centredOn;
    private double shownVoxelUm = Double.NaN;
    private final ISelectionListener particles = this::particleSelected;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(2, false));
        new Label(bar, SWT.NONE).setText("Map of");
        quantity = new Combo(bar, SWT.READ_ONLY);
        quantity.setItems("Calibrated fraction", "Δμ (above − below the K edge), 1/µm");
        quantity.select(0);
        quantity.addListener(SWT.Selection, event -> show(anchor));
        viewer = new OrthoSliceViewer(parent, SWT.NONE);
        viewer.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        registry = getSite().getService(IDatasetRegistry.class);
        tracker = new DatasetTracker(getSite(), registry, ElementalMapView::isElementalMap, this::show);
        getSite().getWorkbenchWindow().getSelectionService().addSelectionListener(particles);
    }

    /** A particle picked anywhere (the particle table): emphasise its hull and move the cursor to its centroid. */
    private void particleSelected(IWorkbenchPart part, ISelection selection) {
        if (shownVoxelUm > 0 && selection instanceof IStructuredSelection structured
                && structured.getFirstElement() instanceof ParticleSelection particle && !viewer.isDisposed()) {
            viewer.setHighlightedLabel(particle.label());
            viewer.setCursorVoxel(particle.centroidVoxel(shownVoxelUm));
        }
    }

    /**
     * @param hulls flat hull labels [z, y, x]
     * @param shape {@code [z, y, x]}
     * @return the centre voxel {z, y, x} of the lowest label's hull, or null without one
     */
    static int[] firstParticleCentre(int[] hulls, int[] shape) {
        int first = Integer.MAX_VALUE;
        for (int h : hulls) {
            if (h > 0 && h < first) {
                first = h;
            }
        }
        if (first == Integer.MAX_VALUE) {
            return null;
        }
        double[] sum = new double[3];
        long n = 0;
        for (int i = 0; i < hulls.length; i++) {
            if (hulls[i] == first) {
                sum[0] += i / (shape[1] * shape[2]);
                sum[1] += (i / shape[2]) % shape[1];
                sum[2] += i % shape[2];
                n++;
            }
        }
        return new int[] { (int) Math.round(sum[0] / n), (int) Math.round(sum[1] / n), (int) Math.round(sum[2] / n) };
    }

    /** @return true for a per-element map: a volume named {@code fraction_ni}, {@code delta_mu_co} ... */
    static boolean isElementalMap(DatasetEntry entry) {
        return entry.kind() == DataKind.VOLUME && ELEMENTAL.matcher(entry.name().toLowerCase(Locale.ROOT)).matches();
    }

    private void show(DatasetEntry entry) {
        if (viewer.isDisposed()) {
            return;
        }
        anchor = entry;
        if (entry == null) {
            viewer.clear();
            setContentDescription("Run the gradient analysis, or open its results.h5");
            return;
        }
        String prefix = QUANTITIES[quantity.getSelectionIndex()];
        DatasetEntry[] channels = new DatasetEntry[3];
        Element[] elements = ElementColours.channels();
        for (int c = 0; c < 3; c++) {
            channels[c] = sibling(entry, prefix + "_" + elements[c].symbol().toLowerCase(Locale.ROOT)).orElse(null);
        }
        DatasetEntry any = Arrays.stream(channels).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (any == null) {
            viewer.clear();
            setContentDescription("No " + prefix + " maps next to " + entry.name());
            return;
        }
        viewer.setComposite(data(channels[0]), data(channels[1]), data(channels[2]),
                new String[] { "Ni", "Mn", "Co" }, DatasetDisplay.axes(any));
        DatasetEntry hulls = sibling(entry, "hulls").filter(h -> Arrays.equals(h.data().getShape(),
                any.data().getShape())).orElse(null);
        viewer.setLabels(hulls == null ? null : hulls.data());
        viewer.setOverlay(SliceRenderer.OverlayMode.OUTLINE, 1);
        boolean newAnalysis = hulls != null && !hulls.id().equals(centredOn);
        shownVoxelUm = any.pixelSizeUm();
        if (newAnalysis) {
            // start at the first particle's centre, not in the empty middle between particles
            centredOn = hulls.id();
            try {
                int[] centre = firstParticleCentre(FlatArrays.ints(DatasetUtils.sliceAndConvertLazyDataset(
                        hulls.data())), hulls.data().getShape());
                if (centre != null) {
                    viewer.setCursorVoxel(centre);
                }
            } catch (DatasetException | RuntimeException e) {
                // an unreadable hull image: the cursor stays where it is
            }
        }
        setContentDescription("Red Ni, green Mn, blue Co: " + prefix + " maps, " + any.shapeText());
    }

    private static org.eclipse.january.dataset.ILazyDataset data(DatasetEntry entry) {
        return entry == null ? null : entry.data();
    }

    /** @return the dataset called {@code name} that came from the same file or step as {@code entry} */
    private Optional<DatasetEntry> sibling(DatasetEntry entry, String name) {
        return registry.entries().stream().filter(other -> other.name().toLowerCase(Locale.ROOT).equals(name)
                && sameOrigin(entry, other)).findFirst();
    }

    private static boolean sameOrigin(DatasetEntry a, DatasetEntry b) {
        if (a.origin() instanceof DatasetEntry.FileOrigin fa && b.origin() instanceof DatasetEntry.FileOrigin fb) {
            return fa.file().equals(fb.file());
        }
        if (a.origin() instanceof DatasetEntry.Derivation da && b.origin() instanceof DatasetEntry.Derivation db) {
            return da.inputIds().equals(db.inputIds());
        }
        return false;
    }

    /** @param fraction true for the calibrated fractions, false for Δμ */
    public void setFraction(boolean fraction) {
        quantity.select(fraction ? 0 : 1);
        show(anchor);
    }

    /** @return the orthoslices */
    public OrthoSliceViewer getViewer() {
        return viewer;
    }


    @Override
    public void setFocus() {
        viewer.setFocus();
    }

    @Override
    public void dispose() {
        if (tracker != null) {
            tracker.dispose();
        }
        getSite().getWorkbenchWindow().getSelectionService().removeSelectionListener(particles);
        super.dispose();
    }
}
