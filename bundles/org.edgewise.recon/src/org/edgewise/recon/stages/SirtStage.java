package org.edgewise.recon.stages;


import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.recon.ParallelBeamGeometry;
import org.edgewise.recon.Sirt;
import org.edgewise.recon.SirtOptions;
import org.edgewise.recon.SlabReconstructor;

/**
 * {@code edgewise.recon.sirt}: iterative reconstruction (SIRT with a matched projector pair) of a volume
 * {@code [z, y, x]} in 1/µm from projections {@code [angle, row, column]} of line integrals, for few-angle or noisy
 * scans. Same geometry and units as {@link ReconstructStage}; much slower per slice.
 */
public final class SirtStage implements IStage<SirtModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.recon.sirt";

    @Override
    public StageOutput apply(StageInput input, SirtModel model, IMonitor monitor) throws StageException {
        Dataset projections = input.get(ReconstructStage.PROJECTIONS);
        PhysicalMetadata metadata = PhysicalMetadata.of(projections);
        ParallelBeamGeometry geometry = ReconstructStage.geometry(projections, metadata, model.centerOffsetPx());
        Sirt sirt = new Sirt(geometry,
                new SirtOptions(model.iterations(), model.relaxation(), model.nonNegative(), 0));
        // SIRT iterates per slice: small slabs keep the progress fine-grained
        return ReconstructStage.volumeOutput(projections, metadata, SlabReconstructor.sirt(sirt), null, 4, monitor);
    }
}
