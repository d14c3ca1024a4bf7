package org.edgewise.ui.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.eclipse.january.dataset.ILazyDataset;
import org.edgewise.api.Element;
import org.edgewise.api.stages.DataKind;

/**
 * One dataset the workbench knows: a loaded scan, volume, label image or table, or one derived from others by a
 * pipeline step. Immutable; the registry replaces an entry when its dataset is computed again.
 *
 * @param id          stable id, unique in the registry; a derived dataset's id names its step, e.g.
 *                    {@code scan_05_ni_below/aligned}, so running the step again replaces it
 * @param name        what people read, e.g. {@code scan_05_ni_below}
 * @param kind        what the array means, with its axis order ({@link DataKind#axes()})
 * @param data        the array, in memory or read lazily from its file
 * @param scan        element and side of the K edge for scan data and per-scan volumes, else {@code null}
 * @param energyKev   beam energy, keV; NaN when it does not apply
 * @param pixelSizeUm pixel (projections) or voxel (volumes) size, µm; NaN for tables
 * @param valueUnit   unit of the values, e.g. {@code counts}, {@code 1/µm}, {@code label}
 * @param origin      where it came from: a file, or a step with its parameters and inputs
 */
public record DatasetEntry(String id, String name, DataKind kind, ILazyDataset data, ScanLabel scan,
        double energyKev, double pixelSizeUm, String valueUnit, Origin origin) {

    public DatasetEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(origin, "origin");
        valueUnit = valueUnit == null ? "" : valueUnit;
        if (data.getRank() != kind.rank()) {
            throw new IllegalArgumentException("dataset '" + name + "' has shape " + Arrays.toString(data.getShape())
                    + " but a " + kind.describe() + " has " + kind.rank() + " dimensions");
        }
    }

    /**
     * The K edge a scan belongs to.
     *
     * @param element the element whose edge the energy brackets
     * @param above   whether the energy lies above the edge
     */
    public record ScanLabel(Element element, boolean above) {

        public ScanLabel {
            Objects.requireNonNull(element, "element");
        }

        /** @return {@code above} or {@code below} */
        public String side() {
            return above ? "above" : "below";
        }

        /**
         * Reads the element and side from a name such as {@code ni_above}, {@code scan_05_ni_below} or
         * {@code mu_co_above}.
         *
         * @param name a dataset or file name
         * @return the label, or {@code null} when the name holds no element and side
         */
        public static ScanLabel parse(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (Element element : Element.values()) {
                String symbol = element.symbol().toLowerCase(Locale.ROOT);
                for (String side : List.of("below", "above")) {
                    if (lower.matches("(.*[^a-z])?" + symbol + "[_-]" + side + "([^a-z].*)?")) {
                        return new ScanLabel(element, side.equals("above"));
                    }
                }
            }
            return null;
        }
    }

    /** Where a dataset came from. */
    public sealed interface Origin permits FileOrigin, Derivation {

        /** @return one line for the Data view, e.g. {@code scan_05.h5:/exchange/data} */
        String describe();
    }

    /**
     * Read from a file.
     *
     * @param file       the file
     * @param pathInFile the dataset inside it (e.g. {@code /exchange/data}), or empty for a file that is one image
     *                   stack
     */
    public record FileOrigin(Path file, String pathInFile) implements Origin {

        public FileOrigin {
            Objects.requireNonNull(file, "file");
            pathInFile = pathInFile == null ? "" : pathInFile;
        }

        @Override
        public String describe() {
            return file.getFileName() + (pathInFile.isEmpty() ? "" : ":" + pathInFile);
        }
    }

    /**
     * Computed by a pipeline step.
     *
     * @param stageId     the stage or workflow step, e.g. {@code edgewise.align.projections}
     * @param parameters  the step's parameters, name → value, defaults included
     * @param inputIds    ids of the datasets it was computed from
     * @param resultsFile the run's results file that holds it, or {@code null} when it lives only in memory
     * @param resultName  its name in that file (e.g. {@code ni_above.volume}), or {@code null}
     */
    public record Derivation(String stageId, Map<String, Object> parameters, List<String> inputIds, Path resultsFile,
            String resultName) implements Origin {

        public Derivation {
            Objects.requireNonNull(stageId, "stageId");
            parameters = Map.copyOf(parameters);
            inputIds = List.copyOf(inputIds);
        }

        /**
         * @param stageId    the stage
         * @param parameters its parameters
         * @param inputIds   the datasets it was computed from
         */
        public Derivation(String stageId, Map<String, Object> parameters, List<String> inputIds) {
            this(stageId, parameters, inputIds, null, null);
        }

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder(stageId);
            if (!parameters.isEmpty()) {
                text.append(' ').append(new java.util.TreeMap<>(parameters));
            }
            if (!inputIds.isEmpty()) {
                text.append(" from ").append(String.join(", ", inputIds));
            }
            return text.toString();
        }
    }

    /** @return the shape of the data, e.g. {@code 180 × 128 × 128} */
    public String shapeText() {
        StringBuilder text = new StringBuilder();
        for (int size : data.getShape()) {
            if (!text.isEmpty()) {
                text.append(" × ");
            }
            text.append(size);
        }
        return text.toString();
    }

    /** @return the number of bytes the data takes in memory when read whole as 4-byte values */
    public long bytesWhenLoaded() {
        long count = 1;
        for (int size : data.getShape()) {
            count *= size;
        }
        return count * 4L;
    }

    /**
     * @param newData the recomputed array
     * @return this entry with other data (same id, name, labels and origin)
     */
    public DatasetEntry withData(ILazyDataset newData) {
        return new DatasetEntry(id, name, kind, newData, scan, energyKev, pixelSizeUm, valueUnit, origin);
    }
}
