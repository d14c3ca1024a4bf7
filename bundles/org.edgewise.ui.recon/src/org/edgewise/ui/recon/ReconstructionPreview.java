package org.edgewise.ui.recon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.january.DatasetException;
import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.Slice;
import org.edgewise.align.stages.NormaliseModel;
import org.edgewise.align.stages.NormaliseStage;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.recon.stages.ReconstructModel;
import org.edgewise.recon.stages.ReconstructStage;
import org.edgewise.ui.data.DatasetEntry;

/**
 * One reconstructed slice for the Reconstruction perspective's preview, made by the pipeline's own stages on a
 * single detector row: the row's counts are normalised with the scan's flats and darks
 * ({@link NormaliseStage}, skipped for line integrals; the rows either side are read too, so that the outlier test
 * sees every pixel's 8 neighbours as in a full run) and reconstructed ({@link ReconstructStage}) with the parameters of
 * the form. The preview therefore equals that slice of the full reconstruction with the same parameters. Only those
 * rows are read from the file, so a new centre or filter shows in well under a second on 128–256-pixel-wide scans.
 * <pre>{@code
 * ReconstructionPreview preview = ReconstructionPreview.of(scanEntry);
 * Dataset slice = preview.slice(64, model, new IMonitor.Stub()); // [1, columns, columns], 1/µm
 * }</pre>
 */
public final class ReconstructionPreview {

    private final ILazyDataset projections;
    private final Dataset flats;
    private final Dataset darks;

    private ReconstructionPreview(ILazyDataset projections, Dataset flats, Dataset darks) {
        this.projections = projections;
        this.flats = flats;
        this.darks = darks;
    }

    /**
     * @param scan projections from a file: raw counts (their flats and darks are read now) or line integrals
     * @return the preview source
     * @throws IOException if the flats and darks cannot be read
     */
    public static ReconstructionPreview of(DatasetEntry scan) throws IOException {
        if (scan.kind() != DataKind.PROJECTIONS) {
            throw new IllegalArgumentException(scan.name() + " is " + scan.kind().describe() + ", not projections");
        }
        if (!"counts".equals(scan.valueUnit()) || !(scan.origin() instanceof DatasetEntry.FileOrigin origin)) {
            return new ReconstructionPreview(scan.data(), null, null);
        }
        Path file = origin.file();
        try (DataExchangeReader reader = DataExchangeReader.open(file)) {
            return new ReconstructionPreview(scan.data(), reader.flats(), reader.darks());
        }
    }

    /** @return detector rows (= slices of the volume) */
    public int rows() {
        return projections.getShape()[1];
    }

    /**
     * @param row     detector row = volume slice z
     * @param model   the reconstruction parameters (method, filter, padding, centre offset, ring removal)
     * @param monitor cancellation
     * @return the slice {@code [1, columns, columns]}, μ in 1/µm, with the scan's pixel size
     * @throws StageException   if a stage fails or is cancelled
     * @throws DatasetException if the row cannot be read
     */
    public Dataset slice(int row, ReconstructModel model, IMonitor monitor) throws StageException, DatasetException {
        Dataset rowData;
        if (flats == null) {
            rowData = DatasetUtils.sliceAndConvertLazyDataset(projections.getSliceView(null, new Slice(row, row + 1),
                    null));
        } else {
            // the normalisation judges outliers against each pixel's 8 neighbours: give it the rows around this one
            int first = Math.max(0, row - 1);
            int last = Math.min(rows(), row + 2);
            Slice[] window = { null, new Slice(first, last), null };
            Dataset counts = DatasetUtils.sliceAndConvertLazyDataset(projections.getSliceView(window));
            Dataset lineIntegrals = new NormaliseStage().apply(StageInput.whole(Map.of(NormaliseStage.PROJECTIONS,
                    counts, NormaliseStage.FLATS, flats.getSliceView(window), NormaliseStage.DARKS,
                    darks.getSliceView(window))), Parameters.defaults(NormaliseModel.class), monitor)
                    .get(NormaliseStage.PROJECTIONS);
            rowData = lineIntegrals.getSliceView(null, new Slice(row - first, row - first + 1), null);
        }
        ReconstructModel oneSlab = new ReconstructModel(model.method(), model.filter(), model.padding(),
                model.centerOffsetPx(), model.ringWindow(), 1);
        return new ReconstructStage().apply(StageInput.of(ReconstructStage.PROJECTIONS, rowData), oneSlab, monitor)
                .get(ReconstructStage.VOLUME);
    }
}
