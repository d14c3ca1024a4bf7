package org.edgewise.ui.image;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.edgewise.ui.plot.Ticks;

/** A vertical colour bar: the colour map from the range's low end (bottom) to its high end (top), with ticks. */
public final class ColourBar extends Canvas {

    private static final int BAR_WIDTH = 16;
    private static final int MARGIN = 8;

    private ColourMap colourMap = ColourMap.GRAY;
    private DisplayRange range;
    private String unit = "";

    /** @param parent the parent @param style SWT style */
    public ColourBar(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED);
        addListener(SWT.Paint, event -> paint(event.gc));
    }

    /**
     * @param map      the colour map
     * @param newRange the range, or {@code null} when there is none yet
     * @param newUnit  unit of the values, empty if none
     */
    public void set(ColourMap map, DisplayRange newRange, String newUnit) {
        checkWidget();
        colourMap = map;
        range = newRange;
        unit = newUnit == null ? "" : newUnit;
        redraw();
    }

    /** @return the range shown, or {@code null} */
    public DisplayRange getRange() {
        return range;
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        // small preferred height: the bar fills what its parent gives and does not make a row taller than the image
        return new Point(wHint == SWT.DEFAULT ? 90 : wHint, hHint == SWT.DEFAULT ? 60 : hHint);
    }

    /**
     * @param low  range start
     * @param high range end
     * @return round tick values within [low, high], 3 to 7 of them
     */
    public static List<Double> ticks(double low, double high) {
        return Ticks.nice(low, high);
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getBackground());
        gc.fillRectangle(area);
        int top = MARGIN + (unit.isEmpty() ? 0 : gc.getFontMetrics().getHeight() + 2);
        int bottom = area.height - MARGIN;
        int height = bottom - top;
        if (height < 4) {
            return;
        }
        for (int y = 0; y < height; y++) {
            int index = (int) Math.round((height - 1 - y) * (ColourMap.SIZE - 1.0) / Math.max(1, height - 1));
            int rgb = colourMap.rgb(index);
            Color colour = new Color(getDisplay(), (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
            gc.setForeground(colour);
            gc.drawLine(MARGIN, top + y, MARGIN + BAR_WIDTH - 1, top + y);
            colour.dispose();
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        gc.drawRectangle(MARGIN - 1, top - 1, BAR_WIDTH + 1, height + 1);
        if (!unit.isEmpty()) {
            gc.drawText(unit, MARGIN, MARGIN, true);
        }
        if (range == null) {
            return;
        }
        int textHeight = gc.getFontMetrics().getHeight();
        for (double tick : ticks(range.min(), range.max())) {
            int y = top + (int) Math.round((1 - range.fraction(tick)) * (height - 1));
            gc.drawLine(MARGIN + BAR_WIDTH, y, MARGIN + BAR_WIDTH + 4, y);
            gc.drawText(Ticks.label(tick), MARGIN + BAR_WIDTH + 6, Math.max(0, Math.min(area.height - textHeight,
                    y - textHeight / 2)), true);
        }
    }
}
