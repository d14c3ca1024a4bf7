package org.edgewise.workflow.streaming;

import java.io.IOException;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.Slice;
import org.edgewise.align.DetectorBinning;
import org.edgewise.align.Normalisation;
import org.edgewise.align.NormalisationOptions;
import org.edgewise.align.stages.NormaliseModel;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.DataFileException;
import org.edgewise.io.DataExchange;

/**
 * One raw scan read in parts: detector binning on input ({@link DetectorBinning}), then the normalisation of the
 * in-memory path ({@link Normalisation}, the parameters of {@code edgewise.align.normalise}). Flats and darks are
 * binned once and held; projections are read either as a reduced copy (binned further, every angle, angle slab by
 * angle slab) or as windows of (binned) detector rows of every angle. All sizes below are after the input binning.
 */
final class ScanRows implements AutoCloseable {

    /** Projections per read when a whole scan is read. */
    private static final int ANGLE_SLAB = 16;

    private final DataExchangeReader reader;
    private final int binning;
    private final FloatDataset flats;
    private final FloatDataset darks;
    private final NormalisationOptions options;
    private final int rows;
    private final int columns;

    /**
     * @param reader  an open raw scan (closed with this)
     * @param binning detector binning on input, ≥ 1
     * @param model   the normalisation's parameters
     * @throws DataFileException if the scan is aligned already or too small for the binning
     */
    ScanRows(DataExchangeReader reader, int binning, NormaliseModel model) throws DataFileException {
        this.reader = reader;
        this.binning = binning;
        if (reader.isAligned()) {
            throw new DataFileException(reader.file(), DataExchange.ALIGNMENT, "is aligned already (written by"
                    + " 'edgewise align'); the streaming reconstruction takes raw scans");
        }
        try {
            this.rows = DetectorBinning.binnedLength(reader.rows(), binning);
            this.columns = DetectorBinning.binnedLength(reader.columns(), binning);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(reader.file(), DataExchange.DATA, e.getMessage(), e);
        }
        this.flats = DetectorBinning.bin(reader.flats(), binning);
        this.darks = DetectorBinning.bin(reader.darks(), binning);
        this.options = new NormalisationOptions(model.transmissionFloor(), model.zingerSigma());
    }

    /** @return projections */
    int angles() {
        return reader.angleCount();
    }

    /** @return detector rows after the input binning */
    int rows() {
        return rows;
    }

    /** @return detector columns after the input binning */
    int columns() {
        return columns;
    }

    /** @return pixel size after the input binning, µm */
    double pixelSizeUm() {
        return reader.pixelSizeUm() * binning;
    }

    /**
     * The reduced copy: every projection binned by {@code factor} beyond the input binning and normalised, as the
     * in-memory path's {@code <scan>_normalised} (with {@code factor = 1} the same values).
     *
     * @param factor reduction factor, ≥ 1
     * @param name   the dataset's name (the scan's)
     * @return line integrals {@code [angle, rows/factor, columns/factor]} (dimensionless, float64) with angles (deg),
     *         energy (keV) and pixel size (µm, × factor) attached
     * @throws IOException if the file cannot be read
     */
    DoubleDataset reduced(int factor, String name) throws IOException {
        int total = binning * factor;
        int reducedRows = DetectorBinning.binnedLength(reader.rows(), total);
        int reducedColumns = DetectorBinning.binnedLength(reader.columns(), total);
        int angles = angles();
        int frame = reducedRows * reducedColumns;
        float[] counts = new float[arrayLength((long) angles * frame, "a copy binned by " + total)];
        for (int first = 0; first < angles; first += ANGLE_SLAB) {
            int count = Math.min(ANGLE_SLAB, angles - first);
            float[] binned = DetectorBinning.bin(FlatArrays.floatsReadOnly(reader.readProjections(first, count)),
                    count, reader.rows(), reader.columns(), total);
            System.arraycopy(binned, 0, counts, first * frame, count * frame);
        }
        FloatDataset reducedCounts = FlatArrays.wrap(counts, angles, reducedRows, reducedColumns);
        FloatDataset reducedFlats = DetectorBinning.bin(reader.flats(), total);
        FloatDataset reducedDarks = DetectorBinning.bin(reader.darks(), total);
        Dataset lineIntegrals = normalise(reducedCounts, reducedFlats, reducedDarks);
        DoubleDataset result = (DoubleDataset) lineIntegrals;
        result.setName(name);
        PhysicalMetadata.create(reader.pixelSizeUm() * total, reader.energyKev(), PhysicalMetadata.DIMENSIONLESS)
                .withAnglesDeg(reader.anglesDeg(), DataKind.PROJECTIONS).withProvenanceStep("input:" + name)
                .attachTo(result);
        return result;
    }

    /**
     * Normalised line integrals of a window of (binned) detector rows of every projection. The window is read one
     * row wider on each side where the detector allows, so the outlier test (8 neighbours) sees every neighbour the
     * whole frame would, and those extra rows are dropped again: the values equal the matching rows of the whole
     * normalised frame.
     *
     * @param row0     first row (binned detector)
     * @param rowCount rows
     * @return {@code [angle, rowCount, column]} line integrals (dimensionless), float32
     * @throws IOException if the file cannot be read
     */
    float[] lineIntegralRows(int row0, int rowCount) throws IOException {
        int first = Math.max(0, row0 - 1);
        int last = Math.min(rows, row0 + rowCount + 1);
        int count = last - first;
        int angles = angles();
        float[] counts = new float[arrayLength((long) angles * count * columns, rowCount + " detector rows")];
        for (int a = 0; a < angles; a += ANGLE_SLAB) {
            int n = Math.min(ANGLE_SLAB, angles - a);
            float[] raw = FlatArrays.floatsReadOnly(reader.readProjectionRows(a, n, first * binning,
                    count * binning));
            float[] binned = DetectorBinning.bin(raw, n, count * binning, reader.columns(), binning);
            System.arraycopy(binned, 0, counts, a * count * columns, n * count * columns);
        }
        Slice all = new Slice();
        Slice window = new Slice(first, last);
        Dataset lineIntegrals = normalise(FlatArrays.wrap(counts, angles, count, columns),
                flats.getSliceView(all, window, all), darks.getSliceView(all, window, all));
        double[] values = ((DoubleDataset) lineIntegrals).getData();
        float[] out = new float[arrayLength((long) angles * rowCount * columns, rowCount + " detector rows")];
        int skip = row0 - first;
        for (int a = 0; a < angles; a++) {
            int from = (a * count + skip) * columns;
            int to = a * rowCount * columns;
            for (int i = 0; i < rowCount * columns; i++) {
                out[to + i] = (float) values[from + i];
            }
        }
        return out;
    }

    private Dataset normalise(Dataset counts, Dataset flatFrames, Dataset darkFrames) throws DataFileException {
        try {
            return Normalisation.normalise(counts, flatFrames, darkFrames, options, null).lineIntegrals();
        } catch (IllegalArgumentException e) {
            throw new DataFileException(reader.file(), DataExchange.DATA, e.getMessage(), e);
        }
    }

    /**
     * @return {@code values} as an array length
     * @throws DataFileException if one Java array cannot hold them (more than 2³¹ − 9 values)
     */
    private int arrayLength(long values, String what) throws DataFileException {
        if (values > Integer.MAX_VALUE - 8) {
            throw new DataFileException(reader.file(), DataExchange.DATA, what + " of every projection is " + values
                    + " values, more than one Java array holds; reduce more (a larger binning) or read fewer rows");
        }
        return (int) values;
    }

    @Override
    public void close() {
        reader.close();
    }
}
