package org.edgewise.ui.image;

import java.nio.file.Path;

import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Slider;

/**
 * One slice of a stack with everything around it: display controls, the image, its colour bar, a slider through
 * the slices (the projection angle for projections, the detector row for sinograms, z for a volume) and the
 * readout of the pixel under the pointer (position in µm, value with unit).
 * <pre>{@code
 * ImageViewer viewer = new ImageViewer(parent, SWT.NONE);
 * viewer.setStack(projections, StackAxes.projections(anglesDeg, pixelUm, "counts"), 0); // angle slider
 * }</pre>
 */
public final class ImageViewer extends Composite {

    private final DisplayControls controls;
    private final Composite imageArea;
    private final SliceView view;
    private final ColourBar colourBar;
    private final Label sliceLabel;
    private final Slider slider;
    private final Label readout;

    /** @param parent the parent @param style SWT style */
    public ImageViewer(Composite parent, int style) {
        super(parent, style);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 2;
        setLayout(layout);
        controls = new DisplayControls(this, SWT.NONE);
        controls.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        imageArea = new Composite(this, SWT.NONE);
        GridLayout areaLayout = new GridLayout(2, false);
        areaLayout.marginWidth = 0;
        areaLayout.marginHeight = 0;
        imageArea.setLayout(areaLayout);
        imageArea.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        view = new SliceView(imageArea, SWT.NONE);
        view.getCanvas().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        colourBar = new ColourBar(imageArea, SWT.NONE);
        colourBar.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));

        Composite sliceRow = new Composite(this, SWT.NONE);
        GridLayout rowLayout = new GridLayout(2, false);
        rowLayout.marginHeight = 0;
        sliceRow.setLayout(rowLayout);
        sliceRow.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        sliceLabel = new Label(sliceRow, SWT.NONE);
        GridData labelData = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
        labelData.widthHint = 220;
        sliceLabel.setLayoutData(labelData);
        slider = new Slider(sliceRow, SWT.HORIZONTAL);
        slider.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        slider.addListener(SWT.Selection, event -> {
            view.setIndex(slider.getSelection());
            updateSliceLabel();
        });
        readout = new Label(this, SWT.NONE);
        readout.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        controls.attach(view);
        controls.setColourBar(colourBar);
        controls.setExporter(this::exportPng);
        view.addHoverListener(value -> {
            if (!readout.isDisposed()) {
                readout.setText(value == null ? "" : value.text());
            }
        });
        view.addRenderListener(this::updateSliceLabel);
        clear();
    }

    /**
     * Shows a scalar stack slice by slice.
     *
     * @param stack     3-D stack
     * @param stackAxes what its axes and values mean
     * @param axis      the axis the slider moves along (0: projections or z; 1: sinograms or y)
     */
    public void setStack(ILazyDataset stack, StackAxes stackAxes, int axis) {
        view.setScalar(stack, stackAxes, null);
        view.setSlice(axis, stack.getShape()[axis] / 2);
        contentChanged();
    }

    /**
     * Shows three stacks as one RGB composite.
     *
     * @param red       red channel or {@code null}
     * @param green     green channel or {@code null}
     * @param blue      blue channel or {@code null}
     * @param names     the channels' names (e.g. Ni, Mn, Co)
     * @param stackAxes what the axes and values mean
     * @param axis      the slider's axis
     */
    public void setComposite(ILazyDataset red, ILazyDataset green, ILazyDataset blue, String[] names,
            StackAxes stackAxes, int axis) {
        view.setComposite(red, green, blue, names, stackAxes);
        view.setSlice(axis, view.getSliceCount() / 2);
        contentChanged();
    }

    /** @param labels labels drawn over the image (same shape), or {@code null} */
    public void setLabels(ILazyDataset labels) {
        view.setLabels(labels);
    }

    /** Shows nothing. */
    public void clear() {
        view.clear();
        slider.setEnabled(false);
        sliceLabel.setText("");
        readout.setText("");
        controls.refresh();
    }

    /** @param index the slice to show (moves the slider too) */
    public void setIndex(int index) {
        view.setIndex(index);
        slider.setSelection(view.getIndex());
        updateSliceLabel();
    }

    /** @return the slice view (image, crosshair, readout) */
    public SliceView getSliceView() {
        return view;
    }

    /** @return the slider through the slices */
    public Slider getSlider() {
        return slider;
    }

    /** @return the readout line under the image */
    public String getReadoutText() {
        return readout.getText();
    }

    /** @return the text next to the slider, e.g. {@code angle 90.0° (91 / 180)} */
    public String getSliceText() {
        return sliceLabel.getText();
    }

    /** @return the colour map and range controls */
    public DisplayControls getControls() {
        return controls;
    }

    /** @return the colour bar */
    public ColourBar getColourBar() {
        return colourBar;
    }

    /** @param file PNG to write with the image and its colour bar as shown */
    public void exportPng(Path file) {
        ImageExport.png(imageArea, file);
    }

    private void contentChanged() {
        int count = view.getSliceCount();
        slider.setValues(view.getIndex(), 0, count, 1, 1, Math.max(1, count / 10));
        slider.setEnabled(count > 1);
        updateSliceLabel();
        controls.refresh();
    }

    private void updateSliceLabel() {
        if (sliceLabel.isDisposed() || view.getSliceCount() == 0) {
            return;
        }
        int axis = view.getAxis();
        sliceLabel.setText(view.getAxes().axis(axis).describe(view.getIndex()) + "  (" + (view.getIndex() + 1)
                + " / " + view.getSliceCount() + ")");
    }
}
