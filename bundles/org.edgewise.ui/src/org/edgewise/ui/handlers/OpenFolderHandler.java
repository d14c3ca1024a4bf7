package org.edgewise.ui.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.edgewise.ui.EdgewiseUi;
import org.edgewise.ui.jobs.OpenJob;

/** File › Open Folder…: a run (a folder of Data Exchange scans) or a folder of TIFF slices. */
public final class OpenFolderHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        DirectoryDialog dialog = new DirectoryDialog(HandlerUtil.getActiveShell(event));
        dialog.setText("Open a folder of scans or TIFF slices");
        dialog.setMessage("A run (one Data Exchange file per energy) or a folder of single-page TIFF slices");
        String chosen = dialog.open();
        if (chosen != null) {
            new OpenJob(Path.of(chosen), EdgewiseUi.registry()).schedule();
        }
        return null;
    }
}
