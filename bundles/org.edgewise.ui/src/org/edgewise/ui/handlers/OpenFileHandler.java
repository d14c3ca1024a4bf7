package org.edgewise.ui.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.edgewise.ui.EdgewiseUi;
import org.edgewise.ui.jobs.OpenJob;

/** File › Open File…: a Data Exchange scan, a results file or a TIFF stack. */
public final class OpenFileHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        FileDialog dialog = new FileDialog(HandlerUtil.getActiveShell(event), SWT.OPEN);
        dialog.setText("Open a scan, a results file or a TIFF stack");
        dialog.setFilterExtensions(new String[] { "*.h5;*.hdf5;*.hdf;*.nxs;*.tif;*.tiff", "*.h5;*.hdf5;*.hdf;*.nxs",
            "*.tif;*.tiff", "*" });
        dialog.setFilterNames(new String[] { "Scans, results and TIFF stacks", "HDF5 (Data Exchange scans,"
                + " volumes.h5, segmentation.h5, results.h5)", "TIFF stacks", "All files" });
        String chosen = dialog.open();
        if (chosen != null) {
            new OpenJob(Path.of(chosen), EdgewiseUi.registry()).schedule();
        }
        return null;
    }
}
