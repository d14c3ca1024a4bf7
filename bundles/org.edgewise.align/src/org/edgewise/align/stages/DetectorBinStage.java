package org.edgewise.align.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.align.DetectorBinning;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;

/**
 * {@code edgewise.align.bin-detector}: detector binning of frames {@code [frame, row, column]} (projections, flats
 * or darks, in counts) into {@code [frame, rows/f, columns/f]}, each pixel the mean of an {@code f × f} block, the
 * pixel size in µm multiplied by {@code f}, angles and unit kept ({@link DetectorBinning}; a remainder of rows or
 * columns is dropped). Slab by slab over frames.
 */
public final class DetectorBinStage implements IStage<DetectorBinModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.align.bin-detector";

    /** Input and output port. */
    public static final String FRAMES = "frames";

    @Override
    public StageOutput apply(StageInput input, DetectorBinModel model, IMonitor monitor) throws StageException {
        Dataset frames = input.get(FRAMES);
        if (monitor != null && monitor.isCancelled()) {
            throw new StageException(ID + ": cancelled");
        }
        FloatDataset binned;
        try {
            binned = DetectorBinning.bin(frames, model.factor());
        } catch (IllegalArgumentException e) {
            throw new StageException(ID + ": " + ScanNames.describe(frames) + ": " + e.getMessage(), e);
        }
        return StageOutput.of(FRAMES, binned);
    }

    @Override
    public SlabPolicy slabPolicy(DetectorBinModel model) {
        return SlabPolicy.slabs(1);
    }
}
