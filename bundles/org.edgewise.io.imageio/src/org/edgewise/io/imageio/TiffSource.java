package org.edgewise.io.imageio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.sources.IDatasetSource;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.io.DataFileException;

/**
 * Opens a TIFF stack for a pipeline: a multi-page {@code .tif}/{@code .tiff} file, or a folder of one-file-per-slice
 * TIFFs taken in name order. Pages are the first axis (angle for projections, z for volumes). The pixel size comes
 * from the pipeline file, else from the stack's ImageJ calibration; a stack with neither is an error naming the file.
 * Projections need their angles from the pipeline file's {@code anglesDeg}, which TIFF cannot hold, so this source
 * takes volumes, labels, masks and single images. The stack is read whole (TIFF has no slab access here).
 */
public final class TiffSource implements IDatasetSource {

    private static final Set<DataKind> STACK_KINDS = EnumSet.of(DataKind.VOLUME, DataKind.LABELS, DataKind.MASK,
            DataKind.IMAGE);

    @Override
    public boolean accepts(InputSpec spec, Path file) {
        if (file == null || !STACK_KINDS.contains(spec.kind())) {
            return false;
        }
        if (Files.isDirectory(file)) {
            return true;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tif") || name.endsWith(".tiff");
    }

    @Override
    public ILazyDataset open(InputSpec spec, Path file) throws IOException {
        List<Path> files = Files.isDirectory(file) ? TiffStacks.list(file) : List.of(file);
        if (files.isEmpty()) {
            throw new DataFileException(file, null, "no .tif or .tiff files in this folder");
        }
        TiffStacks.Stack stack = TiffStacks.readAll(files);
        double pixelSizeUm = spec.pixelSizeUm() != null ? spec.pixelSizeUm() : stack.pixelSizeUm();
        if (!(pixelSizeUm > 0)) {
            throw new DataFileException(file, null, "input '" + spec.name()
                    + "': pixel size unknown; the TIFF has no calibration and the pipeline gives no pixelSizeUm");
        }
        Dataset data = stack.data();
        if (data.getRank() != spec.kind().rank()) {
            if (spec.kind().rank() == 2 && data.getRank() == 3 && data.getShape()[0] == 1) {
                data = data.reshape(data.getShape()[1], data.getShape()[2]);
            } else {
                throw new DataFileException(file, null, "input '" + spec.name() + "' is a stack of shape "
                        + java.util.Arrays.toString(data.getShape()) + " but " + spec.kind().describe()
                        + " needs rank " + spec.kind().rank());
            }
        }
        data.setName(spec.name());
        double energyKev = spec.energyKev() != null ? spec.energyKev() : Double.NaN;
        String unit = spec.valueUnit() != null ? spec.valueUnit() : "";
        return PhysicalMetadata.create(pixelSizeUm, energyKev, unit).withProvenanceStep("input:" + spec.name())
                .attachTo(data);
    }
}
