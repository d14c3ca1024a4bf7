package org.edgewise.ui.image;

import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;

/** Saves what a control shows, children included, as a PNG (SWT's own encoder: no AWT on the display thread). */
public final class ImageExport {

    private ImageExport() {
    }

    /**
     * @param control a visible control (a viewer with its canvases and colour bar, a chart)
     * @param file    the PNG to write
     * @return the image written, at the control's size
     */
    public static ImageData png(Control control, Path file) {
        Point size = control.getSize();
        Image snapshot = new Image(control.getDisplay(), Math.max(1, size.x), Math.max(1, size.y));
        try {
            GC gc = new GC(snapshot);
            try {
                control.print(gc);
            } finally {
                gc.dispose();
            }
            ImageData data = snapshot.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return data;
        } finally {
            snapshot.dispose();
        }
    }
}
