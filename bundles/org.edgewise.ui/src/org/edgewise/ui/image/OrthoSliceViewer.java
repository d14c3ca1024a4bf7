package org.edgewise.ui.image;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * Three orthoslices of a volume {@code [z, y, x]} with a linked cursor: XY (across z), XZ (across y) and YZ
 * (across x). Clicking or dragging in one slice moves the cursor; the other two then show the slices through it
 * and every slice draws it as a crosshair. One colour map and range serve all three; the readout shows the voxel
 * under the pointer in µm with its value and label.
 */
public final class OrthoSliceViewer extends Composite {

    /** The three planes, with the volume axis each is taken across. */
    public enum Plane {
        /** Across z: rows y, columns x. */
        XY(0),
        /** Across y: rows z, columns x. */
        XZ(1),
        /** Across x: rows z, columns y. */
        YZ(2);

        private final int axis;

        Plane(int axis) {
            this.axis = axis;
        }

        /** @return the volume axis the plane is taken across */
        public int axis() {
            return axis;
        }
    }

    private final DisplayControls controls;
    private final Composite grid;
    private final SliceView[] views = new SliceView[3];
    private final Label[] titles = new Label[3];
    private final ColourBar colourBar;
    private final Label readout;
    private final List<Consumer<int[]>> cursorListeners = new CopyOnWriteArrayList<>();
    private int[] cursor;

    /** @param parent the parent @param style SWT style */
    public OrthoSliceViewer(Composite parent, int style) {
        super(parent, style);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 2;
        setLayout(layout);
        controls = new DisplayControls(this, SWT.NONE);
        controls.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        grid = new Composite(this, SWT.NONE);
        grid.setLayout(new GridLayout(2, true));
        grid.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (Plane plane : List.of(Plane.XY, Plane.YZ, Plane.XZ)) {
            Composite pane = new Composite(grid, SWT.NONE);
            GridLayout paneLayout = new GridLayout(1, false);
            paneLayout.marginWidth = 0;
            paneLayout.marginHeight = 0;
            pane.setLayout(paneLayout);
            pane.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            titles[plane.axis()] = new Label(pane, SWT.NONE);
            titles[plane.axis()].setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            SliceView view = new SliceView(pane, SWT.BORDER);
            view.setSlice(plane.axis(), 0);
            view.getCanvas().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            view.addClickListener(this::setCursorVoxel);
            view.addHoverListener(this::showReadout);
            views[plane.axis()] = view;
        }
        Composite info = new Composite(grid, SWT.NONE);
        info.setLayout(new GridLayout(2, false));
        info.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        colourBar = new ColourBar(info, SWT.NONE);
        colourBar.setLayoutData(new GridData(SWT.BEGINNING, SWT.FILL, false, true));
        readout = new Label(info, SWT.WRAP);
        readout.setLayoutData(new GridData(SWT.FILL, SWT.BEGINNING, true, false));
        controls.attach(views[0], views[1], views[2]);
        controls.setColourBar(colourBar);
        controls.setExporter(this::exportPng);
        updateTitles();
    }

    /**
     * @param volume    {@code [z, y, x]}
     * @param stackAxes what the axes and values mean
     */
    public void setVolume(ILazyDataset volume, StackAxes stackAxes) {
        for (SliceView view : views) {
            view.setScalar(volume, stackAxes, null);
        }
        contentChanged(volume.getShape());
        controls.autoRange();
    }

    /**
     * Shows three volumes as one RGB composite (the elemental map).
     *
     * @param red       red channel or {@code null}
     * @param green     green channel or {@code null}
     * @param blue      blue channel or {@code null}
     * @param names     the channels' names
     * @param stackAxes what the axes and values mean
     */
    public void setComposite(ILazyDataset red, ILazyDataset green, ILazyDataset blue, String[] names,
            StackAxes stackAxes) {
        for (SliceView view : views) {
            view.setComposite(red, green, blue, names, stackAxes);
        }
        ILazyDataset any = red != null ? red : green != null ? green : blue;
        contentChanged(any.getShape());
    }

    /** @param map the colour map of all three slices */
    public void setColourMap(ColourMap map) {
        for (SliceView view : views) {
            view.setColourMap(map);
        }
        controls.refresh();
    }

    /** @param labels labels {@code [z, y, x]} over all three slices, or {@code null} */
    public void setLabels(ILazyDataset labels) {
        for (SliceView view : views) {
            view.setLabels(labels);
        }
    }

    /** @param mode fill or outline @param alpha opacity of filled labels */
    public void setOverlay(SliceRenderer.OverlayMode mode, double alpha) {
        for (SliceView view : views) {
            view.setOverlay(mode, alpha);
        }
    }

    /** @param label the label to emphasise in all three slices, 0 for none */
    public void setHighlightedLabel(int label) {
        for (SliceView view : views) {
            view.setHighlightedLabel(label);
        }
    }

    /** Shows nothing. */
    public void clear() {
        for (SliceView view : views) {
            view.clear();
        }
        cursor = null;
        readout.setText("");
        updateTitles();
        controls.refresh();
    }

    /**
     * Moves the linked cursor: each plane shows the slice through the voxel and draws the crosshair on it.
     *
     * @param voxel {@code [z, y, x]}
     */
    public void setCursorVoxel(int[] voxel) {
        if (views[0].getSliceCount() == 0) {
            return;
        }
        int[] clamped = voxel.clone();
        for (int axis = 0; axis < 3; axis++) {
            views[axis].setIndex(clamped[axis]);
            clamped[axis] = views[axis].getIndex();
        }
        cursor = clamped;
        for (SliceView view : views) {
            view.setCrosshair(cursor);
        }
        updateTitles();
        for (Consumer<int[]> listener : cursorListeners) {
            listener.accept(cursor.clone());
        }
    }

    /** @return the cursor {@code [z, y, x]}, or {@code null} without data */
    public int[] getCursorVoxel() {
        return cursor == null ? null : cursor.clone();
    }

    /** @param listener told the new cursor {@code [z, y, x]} after every move */
    public void addCursorListener(Consumer<int[]> listener) {
        cursorListeners.add(listener);
    }

    /** @param plane a plane @return its slice view */
    public SliceView getView(Plane plane) {
        return views[plane.axis()];
    }

    /** @return the readout line */
    public String getReadoutText() {
        return readout.getText();
    }

    /** @return the shared colour map and range controls */
    public DisplayControls getControls() {
        return controls;
    }

    /** @return true while any of the three slices is still rendering */
    public boolean isRenderPending() {
        for (SliceView view : views) {
            if (view.isRenderPending()) {
                return true;
            }
        }
        return false;
    }

    /** @param file PNG to write with the three slices, colour bar and readout as shown */
    public void exportPng(Path file) {
        ImageExport.png(grid, file);
    }

    private void contentChanged(int[] shape) {
        setCursorVoxel(new int[] { shape[0] / 2, shape[1] / 2, shape[2] / 2 });
        controls.refresh();
    }

    private void showReadout(SliceView.Readout value) {
        if (readout != null && !readout.isDisposed()) {
            readout.setText(value == null ? "" : value.text());
        }
    }

    private void updateTitles() {
        String[] names = { "XY", "XZ", "YZ" };
        for (int axis = 0; axis < 3; axis++) {
            if (titles[axis].isDisposed()) {
                return;
            }
            SliceView view = views[axis];
            titles[axis].setText(view.getSliceCount() == 0 ? names[axis]
                    : names[axis] + "   " + view.getAxes().axis(axis).describe(view.getIndex()));
        }
    }
}
