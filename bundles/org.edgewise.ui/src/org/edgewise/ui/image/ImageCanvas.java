package org.edgewise.ui.image;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * Shows one rendered image with zoom and pan, a crosshair and an optional message. It draws only the part of the
 * image that is visible, with nearest-neighbour scaling so voxels stay square.
 * <p>
 * Mouse: wheel zooms about the pointer, right or middle drag pans, double click fits the image to the canvas, left
 * click (and drag) reports image pixels to {@link Listener#clicked}. Moving reports the pixel under the pointer
 * to {@link Listener#hovered} (−1, −1 when it leaves the image).
 */
public final class ImageCanvas extends Canvas {

    /** Told about the pixel under the pointer and about clicks, in image coordinates. */
    public interface Listener {

        /** @param column image column under the pointer, −1 outside @param row image row, −1 outside */
        void hovered(int column, int row);

        /** @param column image column clicked @param row image row clicked */
        default void clicked(int column, int row) {
        }
    }

    private static final double MIN_ZOOM = 1.0 / 16;
    private static final double MAX_ZOOM = 64;

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Image image;
    private ImageData imageData;
    private double zoom = 1;
    private double originX;
    private double originY;
    private boolean fitted = true;
    private Point crosshair;
    private String message;
    private Point panStart;
    private boolean cursorDrag;

    /**
     * @param parent the parent
     * @param style  SWT style bits (border, …)
     */
    public ImageCanvas(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        addListener(SWT.Paint, event -> paint(event.gc, getClientArea()));
        addListener(SWT.Resize, event -> {
            if (fitted) {
                fit();
            }
        });
        addListener(SWT.MouseWheel, this::wheel);
        addListener(SWT.MouseDown, this::mouseDown);
        addListener(SWT.MouseMove, this::mouseMove);
        addListener(SWT.MouseUp, event -> {
            panStart = null;
            cursorDrag = false;
        });
        addListener(SWT.MouseExit, event -> fireHovered(-1, -1));
        addListener(SWT.MouseDoubleClick, event -> {
            if (event.button == 1) {
                fit();
            }
        });
        addListener(SWT.Dispose, event -> disposeImage());
    }

    /** @param listener told about hover and clicks */
    public void addCanvasListener(Listener listener) {
        listeners.add(listener);
    }

    /** @param listener a listener added before */
    public void removeCanvasListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Shows new pixels. A new size fits the image to the canvas; the same size keeps zoom and pan, so stepping
     * through slices does not jump.
     *
     * @param data the rendered image, or {@code null} for none
     */
    public void setImageData(ImageData data) {
        checkWidget();
        boolean newSize = imageData == null || data == null || data.width != imageData.width
                || data.height != imageData.height;
        disposeImage();
        imageData = data;
        image = data == null ? null : new Image(getDisplay(), data);
        if (newSize) {
            fit();
        } else {
            redraw();
        }
    }

    /** @return the image shown, at its own resolution, or {@code null} */
    public ImageData getImageData() {
        return imageData;
    }

    /** @param text a message drawn over the canvas (an error, "no data"), or {@code null} */
    public void setMessage(String text) {
        checkWidget();
        message = text;
        redraw();
    }

    /** @return the message shown, or {@code null} */
    public String getMessage() {
        return message;
    }

    /** @param column crosshair column in image pixels, or −1 to hide it @param row crosshair row */
    public void setCrosshair(int column, int row) {
        checkWidget();
        crosshair = column < 0 || row < 0 ? null : new Point(column, row);
        redraw();
    }

    /** Scales the image to fill the canvas and centres it. */
    public void fit() {
        checkWidget();
        fitted = true;
        Rectangle area = getClientArea();
        if (imageData != null && area.width > 0 && area.height > 0) {
            zoom = Math.min(area.width / (double) imageData.width, area.height / (double) imageData.height);
            zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
            originX = (area.width - imageData.width * zoom) / 2;
            originY = (area.height - imageData.height * zoom) / 2;
        }
        redraw();
    }

    /**
     * @param factor     > 1 zooms in
     * @param screenX    canvas x that stays fixed
     * @param screenY    canvas y that stays fixed
     */
    public void zoomAbout(double factor, int screenX, int screenY) {
        checkWidget();
        double newZoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * factor));
        originX = screenX - (screenX - originX) * newZoom / zoom;
        originY = screenY - (screenY - originY) * newZoom / zoom;
        zoom = newZoom;
        fitted = false;
        redraw();
    }

    /** @param dx canvas pixels to the right @param dy canvas pixels down */
    public void pan(int dx, int dy) {
        checkWidget();
        originX += dx;
        originY += dy;
        fitted = false;
        redraw();
    }

    /** @return canvas pixels per image pixel */
    public double getZoom() {
        return zoom;
    }

    /**
     * @param screenX a canvas x
     * @param screenY a canvas y
     * @return the image pixel {column, row} there; values outside the image when the point is off it
     */
    public int[] imagePixelAt(int screenX, int screenY) {
        return new int[] { (int) Math.floor((screenX - originX) / zoom), (int) Math.floor((screenY - originY) / zoom) };
    }

    /**
     * @param column an image column
     * @param row    an image row
     * @return the canvas point at that pixel's centre
     */
    public Point screenPointOf(int column, int row) {
        return new Point((int) Math.round(originX + (column + 0.5) * zoom),
                (int) Math.round(originY + (row + 0.5) * zoom));
    }

    /**
     * Saves what the canvas shows now (zoom, pan, crosshair) as a PNG of the canvas' size.
     *
     * @param file the PNG to write
     */
    public void exportPng(Path file) {
        checkWidget();
        Rectangle area = getClientArea();
        Image snapshot = new Image(getDisplay(), Math.max(1, area.width), Math.max(1, area.height));
        try {
            GC gc = new GC(snapshot);
            try {
                paint(gc, new Rectangle(0, 0, area.width, area.height));
            } finally {
                gc.dispose();
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { snapshot.getImageData() };
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            snapshot.dispose();
        }
    }

    private void paint(GC gc, Rectangle area) {
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        gc.fillRectangle(area);
        if (image != null) {
            gc.setInterpolation(SWT.NONE);
            gc.setAntialias(SWT.OFF);
            // draw only the visible part: a deep zoom never scales the whole image
            int firstColumn = Math.max(0, (int) Math.floor(-originX / zoom));
            int firstRow = Math.max(0, (int) Math.floor(-originY / zoom));
            int lastColumn = Math.min(imageData.width, (int) Math.ceil((area.width - originX) / zoom));
            int lastRow = Math.min(imageData.height, (int) Math.ceil((area.height - originY) / zoom));
            if (lastColumn > firstColumn && lastRow > firstRow) {
                int x0 = (int) Math.round(originX + firstColumn * zoom);
                int y0 = (int) Math.round(originY + firstRow * zoom);
                int x1 = (int) Math.round(originX + lastColumn * zoom);
                int y1 = (int) Math.round(originY + lastRow * zoom);
                gc.drawImage(image, firstColumn, firstRow, lastColumn - firstColumn, lastRow - firstRow, x0, y0,
                        x1 - x0, y1 - y0);
            }
            if (crosshair != null) {
                Point centre = screenPointOf(crosshair.x, crosshair.y);
                Color colour = getDisplay().getSystemColor(SWT.COLOR_YELLOW);
                gc.setForeground(colour);
                gc.setLineStyle(SWT.LINE_DASH);
                gc.drawLine(area.x, centre.y, area.x + area.width, centre.y);
                gc.drawLine(centre.x, area.y, centre.x, area.y + area.height);
                gc.setLineStyle(SWT.LINE_SOLID);
            }
        }
        if (message != null) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
            Point extent = gc.textExtent(message);
            gc.drawText(message, Math.max(4, (area.width - extent.x) / 2), Math.max(4, (area.height - extent.y) / 2),
                    true);
        }
    }

    private void wheel(Event event) {
        if (imageData != null) {
            zoomAbout(event.count > 0 ? 1.25 : 0.8, event.x, event.y);
            event.doit = false;
        }
    }

    private void mouseDown(Event event) {
        if (event.button == 2 || event.button == 3) {
            panStart = new Point(event.x, event.y);
        } else if (event.button == 1 && imageData != null) {
            int[] pixel = imagePixelAt(event.x, event.y);
            if (inside(pixel)) {
                cursorDrag = true;
                fireClicked(pixel[0], pixel[1]);
            }
        }
    }

    private void mouseMove(Event event) {
        if (panStart != null) {
            pan(event.x - panStart.x, event.y - panStart.y);
            panStart = new Point(event.x, event.y);
            return;
        }
        int[] pixel = imagePixelAt(event.x, event.y);
        if (inside(pixel)) {
            if (cursorDrag) {
                fireClicked(pixel[0], pixel[1]);
            }
            fireHovered(pixel[0], pixel[1]);
        } else {
            fireHovered(-1, -1);
        }
    }

    private boolean inside(int[] pixel) {
        return imageData != null && pixel[0] >= 0 && pixel[1] >= 0 && pixel[0] < imageData.width
                && pixel[1] < imageData.height;
    }

    private void fireHovered(int column, int row) {
        for (Listener listener : listeners) {
            listener.hovered(column, row);
        }
    }

    private void fireClicked(int column, int row) {
        for (Listener listener : listeners) {
            listener.clicked(column, row);
        }
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }
}
