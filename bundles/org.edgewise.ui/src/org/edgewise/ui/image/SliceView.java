package org.edgewise.ui.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One slice of a 3-D stack on an {@link ImageCanvas}: a colour-mapped scalar stack or an RGB composite of three
 * stacks, with an optional label overlay and a crosshair.
 * <p>
 * Only the visible slice is ever read and rendered, on a worker thread; the display thread only turns the finished
 * pixels into an image. Requests that arrive while a slice renders (a dragged slider) are coalesced: the newest
 * wins. All setters must be called on the display thread.
 */
public final class SliceView {

    /**
     * What lies under the pointer.
     *
     * @param stackIndex the voxel {@code [i0, i1, i2]} in stack order
     * @param values     the value of each channel there (one for a scalar stack, three for a composite)
     * @param label      the label there, 0 when none or no overlay
     * @param text       one line for people: coordinates with units, value with unit
     */
    public record Readout(int[] stackIndex, float[] values, int label, String text) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SliceView.class);

    private static final ExecutorService RENDERERS = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), new java.util.concurrent.ThreadFactory() {
                private final AtomicInteger count = new AtomicInteger();

                @Override
                public Thread newThread(Runnable task) {
                    Thread thread = new Thread(task, "edgewise-slice-renderer-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setPriority(Thread.NORM_PRIORITY - 1);
                    return thread;
                }
            });

    /** An immutable snapshot of what to draw; rendered off the display thread. */
    private record Request(long generation, ILazyDataset[] channels, ILazyDataset labels, int axis, int index,
            ColourMap colourMap, DisplayRange[] ranges, SliceRenderer.OverlayMode overlayMode, double overlayAlpha,
            int highlight) {
    }

    private record Rendered(Request request, FloatSlice[] slices, IntSlice labels, DisplayRange[] ranges,
            ImageData image, String error, long nanos) {
    }

    private final ImageCanvas canvas;
    private final Display display;
    private final List<Runnable> renderListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Readout>> hoverListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<int[]>> clickListeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    private ILazyDataset[] channels = new ILazyDataset[0];
    private String[] channelNames = new String[0];
    private ILazyDataset labels;
    private StackAxes axes = StackAxes.volume(Double.NaN, "");
    private int axis;
    private int index;
    private ColourMap colourMap = ColourMap.GRAY;
    private DisplayRange[] ranges = new DisplayRange[0];
    private SliceRenderer.OverlayMode overlayMode = SliceRenderer.OverlayMode.FILL;
    private double overlayAlpha = 0.4;
    private int highlight;
    private int[] crosshair;
    private long requestedGeneration;
    /** Generation of the last request shown, or of the last {@link #clear()}: older results are dropped. */
    private long appliedGeneration;
    private Rendered rendered;

    /**
     * @param parent the parent of the canvas
     * @param style  SWT style of the canvas
     */
    public SliceView(Composite parent, int style) {
        canvas = new ImageCanvas(parent, style);
        display = canvas.getDisplay();
        canvas.addCanvasListener(new ImageCanvas.Listener() {
            @Override
            public void hovered(int column, int row) {
                Readout readout = column < 0 ? null : readout(column, row);
                for (Consumer<Readout> listener : hoverListeners) {
                    listener.accept(readout);
                }
            }

            @Override
            public void clicked(int column, int row) {
                int[] voxel = stackIndex(column, row);
                for (Consumer<int[]> listener : clickListeners) {
                    listener.accept(voxel);
                }
            }
        });
        canvas.setMessage("No dataset");
    }

    /** @return the canvas, for layout */
    public ImageCanvas getCanvas() {
        return canvas;
    }

    /**
     * Shows a scalar stack with the colour map.
     *
     * @param stack the stack, 3-D
     * @param stackAxes what its axes and values mean
     * @param range the display range, or {@code null} for the automatic range
     */
    public void setScalar(ILazyDataset stack, StackAxes stackAxes, DisplayRange range) {
        setChannels(new ILazyDataset[] { stack }, new String[] { stack.getName() }, stackAxes,
                new DisplayRange[] { range });
    }

    /**
     * Shows three stacks as red, green and blue.
     *
     * @param red       red channel, or {@code null}
     * @param green     green channel, or {@code null}
     * @param blue      blue channel, or {@code null}
     * @param names     the three channels' names for the readout (e.g. Ni, Mn, Co)
     * @param stackAxes what the axes and values mean
     */
    public void setComposite(ILazyDataset red, ILazyDataset green, ILazyDataset blue, String[] names,
            StackAxes stackAxes) {
        setChannels(new ILazyDataset[] { red, green, blue }, names.clone(), stackAxes, new DisplayRange[3]);
    }

    private void setChannels(ILazyDataset[] stacks, String[] names, StackAxes stackAxes, DisplayRange[] newRanges) {
        int[] shape = null;
        for (ILazyDataset stack : stacks) {
            if (stack == null) {
                continue;
            }
            if (shape != null && !Arrays.equals(shape, stack.getShape())) {
                throw new IllegalArgumentException("the channels differ in shape: " + Arrays.toString(shape) + " and "
                        + Arrays.toString(stack.getShape()));
            }
            shape = stack.getShape();
            StackSlicer.sliceShape(shape, 0); // checks the rank
        }
        if (shape == null) {
            throw new IllegalArgumentException("no stack to show");
        }
        boolean sameShape = channels.length > 0 && firstChannel() != null
                && Arrays.equals(firstChannel().getShape(), shape);
        channels = stacks.clone();
        channelNames = names;
        axes = stackAxes;
        ranges = newRanges.clone();
        if (labels != null && !Arrays.equals(labels.getShape(), shape)) {
            labels = null;
        }
        if (!sameShape) {
            index = shape[axis] / 2;
            crosshair = null;
        }
        requestRender();
    }

    /** Shows nothing. */
    public void clear() {
        channels = new ILazyDataset[0];
        labels = null;
        rendered = null;
        requestedGeneration++;
        appliedGeneration = requestedGeneration;
        pending.set(null);
        canvas.setImageData(null);
        canvas.setMessage("No dataset");
        fireRendered();
    }

    /**
     * @param labelStack labels {@code [same shape as the stack]} drawn over it, 0 = background; {@code null} for
     *                   none
     */
    public void setLabels(ILazyDataset labelStack) {
        if (labelStack != null && firstChannel() != null
                && !Arrays.equals(labelStack.getShape(), firstChannel().getShape())) {
            throw new IllegalArgumentException("labels of shape " + Arrays.toString(labelStack.getShape())
                    + " do not fit the stack " + Arrays.toString(firstChannel().getShape()));
        }
        labels = labelStack;
        requestRender();
    }

    /** @param mode fill or outline @param alpha opacity of filled labels, 0 … 1 */
    public void setOverlay(SliceRenderer.OverlayMode mode, double alpha) {
        overlayMode = mode;
        overlayAlpha = alpha;
        requestRender();
    }

    /** @param label the label to emphasise, 0 for none */
    public void setHighlightedLabel(int label) {
        if (label != highlight) {
            highlight = label;
            requestRender();
        }
    }

    /**
     * @param sliceAxis the stack axis the slice is taken across (0, 1 or 2)
     * @param sliceIndex the position along it
     */
    public void setSlice(int sliceAxis, int sliceIndex) {
        StackSlicer.displayedAxes(sliceAxis);
        boolean changed = sliceAxis != axis || sliceIndex != index;
        axis = sliceAxis;
        index = clampIndex(sliceIndex);
        if (changed) {
            requestRender();
        }
    }

    /** @param sliceIndex position along the slice axis (clamped to the stack) */
    public void setIndex(int sliceIndex) {
        setSlice(axis, sliceIndex);
    }

    /** @return the slice axis */
    public int getAxis() {
        return axis;
    }

    /** @return the position along the slice axis */
    public int getIndex() {
        return index;
    }

    /** @return the number of slices along the slice axis, 0 without data */
    public int getSliceCount() {
        return firstChannel() == null ? 0 : firstChannel().getShape()[axis];
    }

    /** @param map the colour map of a scalar stack */
    public void setColourMap(ColourMap map) {
        colourMap = map;
        requestRender();
    }

    /** @return the colour map */
    public ColourMap getColourMap() {
        return colourMap;
    }

    /** @param channel 0 for a scalar stack, 0–2 for a composite @param range the range, null = automatic */
    public void setRange(int channel, DisplayRange range) {
        if (range == null ? ranges[channel] == null : range.equals(getRange(channel))) {
            ranges[channel] = range; // the range in use already: nothing to draw again
            return;
        }
        ranges[channel] = range;
        requestRender();
    }

    /**
     * @param channel 0 for a scalar stack, 0–2 for a composite
     * @return the range in use (the automatic one once it is known), or {@code null} before the first render
     */
    public DisplayRange getRange(int channel) {
        if (ranges.length > channel && ranges[channel] != null) {
            return ranges[channel];
        }
        return rendered == null || rendered.ranges().length <= channel ? null : rendered.ranges()[channel];
    }

    /** @return the number of channels: 1 for a scalar stack, 3 for a composite, 0 without data */
    public int getChannelCount() {
        return channels.length;
    }

    /** @return what the axes and values mean */
    public StackAxes getAxes() {
        return axes;
    }

    /**
     * @param stackIndex a voxel in stack order, or {@code null} to hide the crosshair; it is drawn where the voxel
     *                   falls in this slice's plane
     */
    public void setCrosshair(int[] stackIndex) {
        crosshair = stackIndex == null ? null : stackIndex.clone();
        if (crosshair == null) {
            canvas.setCrosshair(-1, -1);
        } else {
            int[] shown = StackSlicer.displayedAxes(axis);
            canvas.setCrosshair(crosshair[shown[1]], crosshair[shown[0]]);
        }
    }

    /** @param listener called on the display thread after each new slice is shown */
    public void addRenderListener(Runnable listener) {
        renderListeners.add(listener);
    }

    /** @param listener told what lies under the pointer ({@code null} when it leaves the image) */
    public void addHoverListener(Consumer<Readout> listener) {
        hoverListeners.add(listener);
    }

    /** @param listener told the voxel (stack order) the user clicked or dragged to */
    public void addClickListener(Consumer<int[]> listener) {
        clickListeners.add(listener);
    }

    /** @return true while a requested slice has not been shown yet */
    public boolean isRenderPending() {
        return channels.length > 0 && appliedGeneration < requestedGeneration;
    }

    /** @return time the last slice took to read and render off the display thread, milliseconds; NaN before one */
    public double getLastRenderMillis() {
        return rendered == null ? Double.NaN : rendered.nanos() / 1e6;
    }

    /** @return the error of the last render (a file that could not be read), or {@code null} */
    public String getError() {
        return rendered == null ? null : rendered.error();
    }

    /**
     * @param column a column of the shown slice
     * @param row    a row of the shown slice
     * @return the voxel in stack order
     */
    public int[] stackIndex(int column, int row) {
        int[] shown = StackSlicer.displayedAxes(axis);
        int[] voxel = new int[3];
        voxel[axis] = index;
        voxel[shown[0]] = row;
        voxel[shown[1]] = column;
        return voxel;
    }

    /**
     * @param column a column of the shown slice
     * @param row    a row of the shown slice
     * @return what is there, or {@code null} when nothing is shown or the pixel lies outside
     */
    public Readout readout(int column, int row) {
        Rendered shown = rendered;
        if (shown == null || shown.image() == null || column < 0 || row < 0 || column >= shown.image().width
                || row >= shown.image().height) {
            return null;
        }
        int[] voxel = stackIndex(column, row);
        voxel[shown.request().axis()] = shown.request().index();
        List<String> parts = new ArrayList<>();
        for (int a = 2; a >= 0; a--) {
            parts.add(axes.axis(a).describe(voxel[a]));
        }
        StringBuilder text = new StringBuilder(String.join(", ", parts));
        text.append("  [").append(voxel[0]).append(", ").append(voxel[1]).append(", ").append(voxel[2]).append(']');
        float[] values = new float[shown.slices().length];
        for (int c = 0; c < values.length; c++) {
            values[c] = shown.slices()[c] == null ? Float.NaN : shown.slices()[c].value(column, row);
            text.append(values.length > 1 ? "  " + channelNames[c] + " " : "  value ").append(format(values[c]));
            if (!axes.valueUnit().isEmpty()) {
                text.append(' ').append(axes.valueUnit());
            }
        }
        int label = shown.labels() == null ? 0 : shown.labels().value(column, row);
        if (label > 0) {
            text.append("  label ").append(label);
        }
        return new Readout(voxel, values, label, text.toString());
    }

    private static String format(float value) {
        if (Float.isNaN(value)) {
            return "NaN";
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5)) {
            return String.format(Locale.ROOT, "%.4g", value);
        }
        return String.format(Locale.ROOT, magnitude >= 100 ? "%.1f" : "%.5f", value);
    }

    private ILazyDataset firstChannel() {
        for (ILazyDataset channel : channels) {
            if (channel != null) {
                return channel;
            }
        }
        return null;
    }

    private int clampIndex(int sliceIndex) {
        int count = getSliceCount();
        return count == 0 ? 0 : Math.max(0, Math.min(count - 1, sliceIndex));
    }

    private void requestRender() {
        if (firstChannel() == null || canvas.isDisposed()) {
            return;
        }
        index = clampIndex(index);
        requestedGeneration++;
        pending.set(new Request(requestedGeneration, channels.clone(), labels, axis, index, colourMap, ranges.clone(),
                overlayMode, overlayAlpha, highlight));
        if (draining.compareAndSet(false, true)) {
            RENDERERS.execute(this::drain);
        }
    }

    /** Renders the newest request until none is left; at most one drain per view runs at a time. */
    private void drain() {
        try {
            Request request;
            while ((request = pending.getAndSet(null)) != null) {
                Rendered result = render(request);
                if (!display.isDisposed()) {
                    display.asyncExec(() -> apply(result));
                }
            }
        } finally {
            draining.set(false);
        }
        if (pending.get() != null && draining.compareAndSet(false, true)) {
            RENDERERS.execute(this::drain);
        }
    }

    private static Rendered render(Request request) {
        long start = System.nanoTime();
        FloatSlice[] slices = new FloatSlice[request.channels().length];
        DisplayRange[] used = request.ranges().clone();
        try {
            FloatSlice any = null;
            for (int c = 0; c < slices.length; c++) {
                if (request.channels()[c] != null) {
                    slices[c] = StackSlicer.floats(request.channels()[c], request.axis(), request.index());
                    any = slices[c];
                    if (used[c] == null) {
                        used[c] = AutoRange.of(request.channels()[c], slices[c]);
                    }
                }
            }
            int[] rgb = slices.length == 1 ? SliceRenderer.colourMap(slices[0], request.colourMap(), used[0])
                    : SliceRenderer.composite(slices, used);
            IntSlice labelSlice = null;
            if (request.labels() != null) {
                labelSlice = StackSlicer.ints(request.labels(), request.axis(), request.index());
                SliceRenderer.overlay(rgb, any.width(), new SliceRenderer.Overlay(labelSlice, request.overlayMode(),
                        request.overlayAlpha(), request.highlight()));
            }
            ImageData image = SliceRenderer.toImageData(rgb, any.width(), any.height());
            return new Rendered(request, slices, labelSlice, used, image, null, System.nanoTime() - start);
        } catch (Exception | OutOfMemoryError e) {
            LOG.error("cannot render slice {} on axis {}", request.index(), request.axis(), e);
            return new Rendered(request, slices, null, used, null, "Cannot show slice " + request.index() + ": "
                    + e.getMessage(), System.nanoTime() - start);
        }
    }

    private void apply(Rendered result) {
        if (canvas.isDisposed() || result.request().generation() <= appliedGeneration) {
            return;
        }
        appliedGeneration = result.request().generation();
        rendered = result;
        if (result.error() != null) {
            canvas.setMessage(result.error());
        } else {
            canvas.setMessage(null);
            canvas.setImageData(result.image());
            setCrosshair(crosshair);
        }
        fireRendered();
    }

    private void fireRendered() {
        for (Runnable listener : renderListeners) {
            listener.run();
        }
    }
}
