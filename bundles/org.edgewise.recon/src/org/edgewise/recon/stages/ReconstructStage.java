package org.edgewise.recon.stages;

import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.recon.FbpOptions;
import org.edgewise.recon.FilteredBackProjection;
import org.edgewise.recon.FourierGridReconstruction;
import org.edgewise.recon.ParallelBeamGeometry;
import org.edgewise.recon.Reconstructions;
import org.edgewise.recon.RingRemoval;
import org.edgewise.recon.SlabReconstructor;

/**
 * {@code edgewise.recon.reconstruct}: a volume {@code [z, y, x]} of linear attenuation in 1/µm from parallel-beam
 * projections {@code [angle, row, column]} of line integrals (−ln transmission, dimensionless). The angles (degrees)
 * and the pixel size (µm) come from the projections' {@link PhysicalMetadata}; the voxel equals the pixel; slice
 * {@code z} is detector row {@code z}. Needs every angle, so it takes the projections whole; the volume is built
 * slab by slab of {@link ReconstructModel#slabRows()} rows.
 */
public final class ReconstructStage implements IStage<ReconstructModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.recon.reconstruct";

    /** Input port: line integrals {@code [angle, row, column]}. */
    public static final String PROJECTIONS = "projections";
    /** Output port: μ {@code [z, y, x]} in 1/µm. */
    public static final String VOLUME = "volume";
    /** The unit of the output values. */
    public static final String PER_MICROMETRE = "1/µm";

    @Override
    public StageOutput apply(StageInput input, ReconstructModel model, IMonitor monitor) throws StageException {
        Dataset projections = input.get(PROJECTIONS);
        PhysicalMetadata metadata = PhysicalMetadata.of(projections);
        ParallelBeamGeometry geometry = geometry(projections, metadata, model.centerOffsetPx());
        FbpOptions options = new FbpOptions(model.filter(), model.padding(), 0);
        SlabReconstructor method = switch (model.method()) {
        case GRIDDING -> SlabReconstructor.gridding(new FourierGridReconstruction(geometry, options));
        case FBP -> SlabReconstructor.fbp(new FilteredBackProjection(geometry, options));
        };
        RingRemoval rings = model.ringWindow() > 0 ? new RingRemoval(model.ringWindow()) : null;
        return volumeOutput(projections, metadata, method, rings, model.slabRows(), monitor);
    }

    /**
     * Reconstructs slab by slab and labels the result: μ in 1/µm, the projections' pixel size and energy, no angles.
     *
     * @throws StageException if cancelled or the projections cannot be read
     */
    static StageOutput volumeOutput(Dataset projections, PhysicalMetadata metadata, SlabReconstructor method,
            RingRemoval rings, int slabRows, IMonitor monitor) throws StageException {
        FloatDataset volume;
        try {
            volume = Reconstructions.reconstructVolume(projections, method, rings, slabRows, monitor);
        } catch (CancellationException e) {
            throw new StageException("reconstruction cancelled");
        } catch (IOException e) {
            throw new StageException("cannot read the projections: " + e.getMessage());
        }
        // the volume is ours alone: convert per voxel → 1/µm in place rather than copying it
        volume.imultiply(1.0 / metadata.pixelSizeUm());
        volume.setName(projections.getName());
        metadata.withoutAngles().withValueUnit(PER_MICROMETRE).attachTo(volume);
        return StageOutput.of(VOLUME, volume);
    }

    /**
     * @return the scan geometry of the projections, with the rotation axis at the detector centre plus the offset
     * @throws StageException if the projections carry no angles, or the angles do not match the stack
     */
    static ParallelBeamGeometry geometry(Dataset projections, PhysicalMetadata metadata, double centerOffsetPx)
            throws StageException {
        int[] shape = projections.getShape();
        if (!metadata.hasAngles()) {
            throw new StageException("the projections carry no angles; reconstruction needs the angle of every"
                    + " projection (degrees)");
        }
        double[] anglesDeg = metadata.anglesDeg();
        if (anglesDeg.length != shape[0]) {
            throw new StageException(anglesDeg.length + " angles for " + shape[0] + " projections");
        }
        if (!(metadata.pixelSizeUm() > 0)) {
            throw new StageException("the projections have no pixel size; the volume could not be given in 1/µm");
        }
        ParallelBeamGeometry geometry = ParallelBeamGeometry.of(anglesDeg, shape[2]);
        return geometry.withCenter((shape[2] - 1) / 2.0 + centerOffsetPx);
    }
}
