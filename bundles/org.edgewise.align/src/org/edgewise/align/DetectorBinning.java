package org.edgewise.align;

import java.util.Arrays;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;

/**
 * Detector binning on input: every {@code f × f} block of detector pixels (rows × columns) of each frame becomes one
 * pixel holding the block's mean, and the pixel size grows by {@code f}. Rows or columns beyond the last whole block
 * (the remainder of {@code rows / f} and {@code columns / f}) are dropped. Counts are binned before normalisation,
 * so projections, flats and darks of one scan must be binned alike; the frame (angle) axis is never binned. The one
 * implementation behind the in-memory pipeline ({@code edgewise.align.bin-detector}) and the streaming reader.
 */
public final class DetectorBinning {

    /** The binning factors the command line offers. */
    public static final int[] FACTORS = { 1, 2, 4 };

    private DetectorBinning() {
    }

    /**
     * @param length detector rows or columns
     * @param factor binning factor, ≥ 1
     * @return the binned length, {@code length / factor} (remainder dropped)
     * @throws IllegalArgumentException if the factor is below 1 or larger than the length
     */
    public static int binnedLength(int length, int factor) {
        checkFactor(factor);
        if (length < factor) {
            throw new IllegalArgumentException("cannot bin " + length + " detector pixels by " + factor);
        }
        return length / factor;
    }

    /**
     * @param factor a binning factor
     * @throws IllegalArgumentException unless {@code factor ≥ 1}
     */
    public static void checkFactor(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("the binning factor must be at least 1, was " + factor);
        }
    }

    /**
     * Bins frames held in one array.
     *
     * @param frames  {@code [frame, row, column]} row-major
     * @param count   number of frames
     * @param rows    rows per frame
     * @param columns columns per frame
     * @param factor  binning factor (1: a copy)
     * @return {@code [frame, rows / factor, columns / factor]}: per block the mean (summed in double precision)
     */
    public static float[] bin(float[] frames, int count, int rows, int columns, int factor) {
        int binnedRows = binnedLength(rows, factor);
        int binnedColumns = binnedLength(columns, factor);
        if (frames.length < (long) count * rows * columns) {
            throw new IllegalArgumentException(count + " frames of " + rows + " × " + columns + " need "
                    + (long) count * rows * columns + " values, got " + frames.length);
        }
        if (factor == 1) {
            return Arrays.copyOf(frames, count * rows * columns);
        }
        float[] out = new float[count * binnedRows * binnedColumns];
        double[] sums = new double[binnedColumns];
        double scale = 1.0 / ((double) factor * factor);
        for (int f = 0; f < count; f++) {
            for (int br = 0; br < binnedRows; br++) {
                Arrays.fill(sums, 0);
                for (int dr = 0; dr < factor; dr++) {
                    int row = (f * rows + br * factor + dr) * columns;
                    for (int bc = 0; bc < binnedColumns; bc++) {
                        int first = row + bc * factor;
                        double sum = 0;
                        for (int dc = 0; dc < factor; dc++) {
                            sum += frames[first + dc];
                        }
                        sums[bc] += sum;
                    }
                }
                int base = (f * binnedRows + br) * binnedColumns;
                for (int bc = 0; bc < binnedColumns; bc++) {
                    out[base + bc] = (float) (sums[bc] * scale);
                }
            }
        }
        return out;
    }

    /**
     * Bins a stack of frames, keeping its metadata with the pixel size multiplied by the factor.
     *
     * @param frames {@code [frame, row, column]} with {@link PhysicalMetadata} (pixel size µm, angles kept)
     * @param factor binning factor (1: the frames as float32)
     * @return {@code [frame, rows / factor, columns / factor]}, float32
     */
    public static FloatDataset bin(Dataset frames, int factor) {
        int[] shape = frames.getShape();
        if (shape.length != 3) {
            throw new IllegalArgumentException("need frames [frame, row, column], the shape was "
                    + Arrays.toString(shape));
        }
        FloatDataset binned = FlatArrays.wrap(bin(FlatArrays.floats(frames), shape[0], shape[1], shape[2], factor),
                shape[0], binnedLength(shape[1], factor), binnedLength(shape[2], factor));
        binned.setName(frames.getName());
        PhysicalMetadata.find(frames).ifPresent(m -> m.withPixelSizeUm(m.pixelSizeUm() * factor).attachTo(binned));
        return binned;
    }
}
