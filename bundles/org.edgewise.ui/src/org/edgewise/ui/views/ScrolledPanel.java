package org.edgewise.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;

/**
 * A panel of controls (a parameter form, buttons, a status line) that scrolls when its view is too small, instead
 * of squeezing the fields to nothing.
 * <pre>{@code
 * Composite panel = ScrolledPanel.create(sash);
 * panel.setLayout(new GridLayout(1, false));
 * ... add controls ...
 * ScrolledPanel.update(panel); // after the content changed size
 * }</pre>
 */
public final class ScrolledPanel {

    private ScrolledPanel() {
    }

    /**
     * @param parent the parent
     * @return the panel to fill (its parent is the scrolled composite)
     */
    public static Composite create(Composite parent) {
        ScrolledComposite scrolled = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        Composite content = new Composite(scrolled, SWT.NONE);
        scrolled.setContent(content);
        scrolled.setExpandHorizontal(true);
        scrolled.setExpandVertical(true);
        scrolled.addListener(SWT.Resize, event -> update(content));
        return content;
    }

    /** @param content a panel from {@link #create} whose controls changed size */
    public static void update(Composite content) {
        if (!(content.getParent() instanceof ScrolledComposite scrolled) || content.isDisposed()) {
            return;
        }
        Point preferred = content.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        int width = Math.max(scrolled.getClientArea().width, preferred.x);
        scrolled.setMinSize(preferred.x, content.computeSize(width, SWT.DEFAULT).y);
    }
}
