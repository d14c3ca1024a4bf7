package org.edgewise.ui.gradient;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.edgewise.api.Element;
import org.edgewise.api.stages.DataKind;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
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
        viewer.setLabels(sibling(entry, "hulls").filter(hulls -> Arrays.equals(hulls.data().getShape(),
                any.data().getShape())).map(DatasetEntry::data).orElse(null));
        viewer.setOverlay(SliceRenderer.OverlayMode.OUTLINE, 1);
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
        super.dispose();
    }
}
