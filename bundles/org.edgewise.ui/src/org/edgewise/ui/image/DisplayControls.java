package org.edgewise.ui.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The row above an image: colour map, display range (min, max, Auto from the histogram) and PNG export. It drives
 * one or more {@link SliceView}s that show the same stack (the three orthoslices share one range). For an RGB
 * composite the range fields edit the channel chosen in the channel list.
 */
public final class DisplayControls extends Composite {

    private final Combo colourMapCombo;
    private final Combo channelCombo;
    private final Text minText;
    private final Text maxText;
    private final Button autoButton;
    private final Button exportButton;
    private final List<SliceView> views = new ArrayList<>();
    private ColourBar colourBar;
    private Consumer<Path> exporter;
    private boolean spreadAutoRange;

    /** @param parent the parent @param style SWT style */
    public DisplayControls(Composite parent, int style) {
        super(parent, style);
        // a row that wraps: in a narrow view the range fields move below the colour map instead of being cut off
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.wrap = true;
        layout.center = true;
        layout.marginHeight = 2;
        layout.marginWidth = 2;
        layout.spacing = 4;
        setLayout(layout);
        new Label(this, SWT.NONE).setText("Colours");
        colourMapCombo = new Combo(this, SWT.READ_ONLY);
        for (ColourMap map : ColourMap.choices()) {
            colourMapCombo.add(map.name());
        }
        colourMapCombo.select(0);
        colourMapCombo.addListener(SWT.Selection, event -> {
            ColourMap map = ColourMap.choices().get(colourMapCombo.getSelectionIndex());
            views.forEach(view -> view.setColourMap(map));
            updateColourBar();
        });
        channelCombo = new Combo(this, SWT.READ_ONLY);
        channelCombo.setItems("red", "green", "blue");
        channelCombo.select(0);
        channelCombo.addListener(SWT.Selection, event -> refresh());
        hide(channelCombo, true);
        new Label(this, SWT.NONE).setText("Min");
        minText = rangeText();
        new Label(this, SWT.NONE).setText("Max");
        maxText = rangeText();
        autoButton = new Button(this, SWT.PUSH);
        autoButton.setText("Auto");
        autoButton.setToolTipText("Range from the histogram: 0.5th to 99.5th percentile");
        autoButton.addListener(SWT.Selection, event -> autoRange());
        exportButton = new Button(this, SWT.PUSH);
        exportButton.setText("PNG…");
        exportButton.setToolTipText("Save the current view as a PNG image");
        exportButton.addListener(SWT.Selection, event -> export());
        exportButton.setEnabled(false);
    }

    /**
     * @param primary the view whose range the fields show
     * @param others  views that follow it (same colour map and range)
     */
    public void attach(SliceView primary, SliceView... others) {
        views.clear();
        views.add(primary);
        views.addAll(List.of(others));
        primary.addRenderListener(this::primaryRendered);
        refresh();
    }

    /** @param bar the colour bar that shows the primary view's map and range */
    public void setColourBar(ColourBar bar) {
        colourBar = bar;
        updateColourBar();
    }

    /** @param action saves the current view to the chosen PNG file; enables the PNG button */
    public void setExporter(Consumer<Path> action) {
        exporter = action;
        exportButton.setEnabled(action != null);
    }

    /** Shows the primary view's colour map and range; call after the views got new data. */
    public void refresh() {
        if (views.isEmpty()) {
            return;
        }
        SliceView primary = views.get(0);
        boolean composite = primary.getChannelCount() == 3;
        hide(channelCombo, !composite);
        colourMapCombo.setEnabled(!composite);
        colourMapCombo.select(Math.max(0, ColourMap.choices().indexOf(primary.getColourMap())));
        DisplayRange range = primary.getChannelCount() == 0 ? null : primary.getRange(channel());
        minText.setText(range == null ? "" : format(range.min()));
        maxText.setText(range == null ? "" : format(range.max()));
        updateColourBar();
        layout(true);
    }

    /** Sets the automatic range (0.5th to 99.5th percentile of the histogram) on every view. */
    public void autoRange() {
        if (views.isEmpty() || views.get(0).getChannelCount() == 0) {
            return;
        }
        int channel = channel();
        // the primary view finds the range; the others take it over once it is known, so all show the same
        spreadAutoRange = views.size() > 1;
        SliceView primary = views.get(0);
        primary.setRange(channel, null);
        if (!primary.isRenderPending()) {
            primaryRendered(); // it was showing its automatic range already
        }
    }

    /**
     * @param range a range for the selected channel of every view
     */
    public void setRange(DisplayRange range) {
        int channel = channel();
        views.forEach(view -> view.setRange(channel, range));
        refresh();
    }

    /** @return the min field (tests type into it) */
    public Text getMinText() {
        return minText;
    }

    /** @return the max field */
    public Text getMaxText() {
        return maxText;
    }

    /** @return the colour map list */
    public Combo getColourMapCombo() {
        return colourMapCombo;
    }

    private void primaryRendered() {
        SliceView primary = views.get(0);
        if (spreadAutoRange && primary.getChannelCount() > 0) {
            spreadAutoRange = false;
            DisplayRange range = primary.getRange(channel());
            for (SliceView view : views.subList(1, views.size())) {
                view.setRange(channel(), range);
            }
        }
        refresh();
    }

    private int channel() {
        return views.isEmpty() || views.get(0).getChannelCount() != 3 ? 0 : channelCombo.getSelectionIndex();
    }

    private Text rangeText() {
        Text text = new Text(this, SWT.BORDER | SWT.SINGLE | SWT.RIGHT);
        text.setLayoutData(new RowData(80, SWT.DEFAULT));
        text.addListener(SWT.DefaultSelection, event -> applyTypedRange());
        text.addListener(SWT.FocusOut, event -> applyTypedRange());
        return text;
    }

    private void applyTypedRange() {
        if (views.isEmpty() || views.get(0).getChannelCount() == 0) {
            return;
        }
        DisplayRange current = views.get(0).getRange(channel());
        String minTyped = minText.getText().trim();
        String maxTyped = maxText.getText().trim();
        if (current != null && format(current.min()).equals(minTyped) && format(current.max()).equals(maxTyped)) {
            return; // the fields show the range in use (rounded): nothing was typed
        }
        try {
            double min = Double.parseDouble(minTyped);
            double max = Double.parseDouble(maxTyped);
            setRange(new DisplayRange(Math.min(min, max), Math.max(min, max)));
        } catch (IllegalArgumentException e) {
            refresh(); // not a number: show the range in use again
        }
    }

    private void updateColourBar() {
        if (colourBar == null || colourBar.isDisposed() || views.isEmpty()) {
            return;
        }
        SliceView primary = views.get(0);
        boolean scalar = primary.getChannelCount() == 1;
        hide(colourBar, !scalar);
        colourBar.set(primary.getColourMap(), scalar ? primary.getRange(0) : null, primary.getAxes().valueUnit());
        colourBar.getParent().layout(true);
    }

    private void export() {
        FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*.png" });
        dialog.setOverwrite(true);
        dialog.setFileName("view.png");
        String chosen = dialog.open();
        if (chosen != null && exporter != null) {
            exporter.accept(Path.of(chosen.toLowerCase(Locale.ROOT).endsWith(".png") ? chosen : chosen + ".png"));
        }
    }

    private static void hide(org.eclipse.swt.widgets.Control control, boolean hidden) {
        control.setVisible(!hidden);
        Object data = control.getLayoutData();
        if (control.getParent().getLayout() instanceof RowLayout) {
            RowData row = data instanceof RowData r ? r : new RowData();
            row.exclude = hidden;
            control.setLayoutData(row);
        } else {
            GridData grid = data instanceof GridData g ? g : new GridData();
            grid.exclude = hidden;
            control.setLayoutData(grid);
        }
    }

    static String format(double value) {
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6)) {
            return String.format(Locale.ROOT, "%.4g", value);
        }
        return String.format(Locale.ROOT, "%.5g", value);
    }
}
