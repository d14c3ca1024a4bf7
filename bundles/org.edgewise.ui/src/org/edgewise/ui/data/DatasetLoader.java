package org.edgewise.ui.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.tables.Tables;
import org.edgewise.io.sources.Hdf5DatasetSource;
import org.edgewise.io.DataExchange;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.DataFileException;
import org.edgewise.io.ResultsFile;
import org.edgewise.io.ScanGroups;
import org.edgewise.io.imageio.TiffStacks;

import io.jhdf.HdfFile;

/**
 * Turns what File › Open is given into registry entries: a folder of Data Exchange scans, one scan, a TIFF stack
 * (one multi-page file or a folder of single-page files), a results file written by the commands
 * ({@code volumes.h5}, {@code segmentation.h5}, {@code results.h5}), a CSV table they write ({@link CsvTables}), or
 * a folder of such outputs (an {@code edgewise analyze} folder: its results and tables).
 * <p>
 * Scans stay on disk and are read lazily, projection by projection; volumes are read whole, within the memory
 * allowed for volumes. Every problem is an {@link IOException} whose message names the file and what is wrong
 * with it.
 * <pre>{@code
 * List<DatasetEntry> entries = new DatasetLoader(2L << 30).open(folder, System.out::println);
 * registry.putAll(entries);
 * }</pre>
 */
public final class DatasetLoader {

    private final long volumeBudgetBytes;

    /**
     * @param volumeBudgetBytes the most memory the volumes read by one {@link #open} may take, bytes
     */
    public DatasetLoader(long volumeBudgetBytes) {
        if (volumeBudgetBytes <= 0) {
            throw new IllegalArgumentException("the memory for volumes must be positive, was " + volumeBudgetBytes);
        }
        this.volumeBudgetBytes = volumeBudgetBytes;
    }

    /**
     * Opens a file or folder.
     *
     * @param path     a folder of Data Exchange files or TIFF slices, a Data Exchange file, a TIFF file or a results
     *                 HDF5 file
     * @param progress told about every file read, one line each
     * @return the entries, in file order
     * @throws IOException naming the file and the problem
     */
    public List<DatasetEntry> open(Path path, Consumer<String> progress) throws IOException {
        if (!Files.exists(path)) {
            throw new DataFileException(path, null, "file or folder does not exist");
        }
        if (Files.isDirectory(path)) {
            List<Path> files = new ArrayList<>(ScanGroups.expand(List.of(path)));
            files.addAll(csvFiles(path));
            if (!files.isEmpty()) {
                List<DatasetEntry> entries = new ArrayList<>();
                for (Path file : files) {
                    entries.addAll(openFile(file, progress));
                }
                return entries;
            }
            List<Path> tiffs = TiffStacks.list(path);
            if (!tiffs.isEmpty()) {
                progress.accept("reading " + tiffs.size() + " TIFF slices from " + path);
                return List.of(tiffVolume(path, TiffStacks.readAll(tiffs)));
            }
            throw new DataFileException(path, null, "the folder holds no HDF5 (.h5, .hdf5, .hdf), CSV or TIFF files");
        }
        return openFile(path, progress);
    }

    private List<DatasetEntry> openFile(Path file, Consumer<String> progress) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            progress.accept("reading table " + file.getFileName());
            DoubleDataset table = CsvTables.read(file);
            return List.of(new DatasetEntry(idOf(file, ""), stem(file), DataKind.TABLE, table, null, Double.NaN,
                    Double.NaN, Tables.VALUE_UNIT, new DatasetEntry.FileOrigin(file, "")));
        }
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            progress.accept("reading " + file);
            return List.of(tiffVolume(file, TiffStacks.read(file)));
        }
        if (!(name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".hdf") || name.endsWith(".nxs"))) {
            throw new DataFileException(file, null, "not a file Edgewise opens (Data Exchange or results HDF5, CSV"
                    + " table, TIFF)");
        }
        if (hasDataset(file, DataExchange.DATA)) {
            progress.accept("opening scan " + file.getFileName());
            return List.of(scan(file));
        }
        return volumes(file, progress);
    }

    /** One Data Exchange scan, raw counts or aligned line integrals, read lazily. */
    private static DatasetEntry scan(Path file) throws IOException {
        String name = stem(file);
        double energyKev;
        double pixelSizeUm;
        String unit;
        boolean aligned = DataExchange.isAligned(file);
        if (aligned) {
            energyKev = DataExchange.energyKev(file);
            pixelSizeUm = Double.NaN;
            unit = PhysicalMetadata.DIMENSIONLESS;
        } else {
            // the reader checks the whole layout once, so a broken file is reported now and not at the first slice
            try (DataExchangeReader reader = DataExchangeReader.open(file)) {
                energyKev = reader.energyKev();
                pixelSizeUm = reader.pixelSizeUm();
            }
            unit = "counts";
        }
        ILazyDataset projections = new Hdf5DatasetSource().open(new InputSpec(name, file.toString(), DataExchange.DATA,
                DataKind.PROJECTIONS, null, null, unit, null), file);
        PhysicalMetadata metadata = PhysicalMetadata.of(projections);
        if (Double.isNaN(pixelSizeUm)) {
            pixelSizeUm = metadata.pixelSizeUm();
        }
        ScanGroups.Scan classified = ScanGroups.classify(file, energyKev);
        DatasetEntry.ScanLabel label = classified.element() == null ? null
                : new DatasetEntry.ScanLabel(classified.element(), classified.above());
        return new DatasetEntry(idOf(file, ""), name, DataKind.PROJECTIONS, projections, label, energyKev,
                pixelSizeUm, unit, new DatasetEntry.FileOrigin(file, DataExchange.DATA));
    }

    /**
     * Every result of a results file (volumes, label images, masks, projections, tables), read whole: volumes and
     * projections within the memory allowed for volumes.
     */
    private List<DatasetEntry> volumes(Path file, Consumer<String> progress) throws IOException {
        List<DatasetEntry> entries = new ArrayList<>();
        long used = 0;
        List<String> volumeNames = ResultsFile.volumeNames(file);
        for (String name : ResultsFile.names(file)) {
            DataKind kind = ResultsFile.kind(file, name);
            String shown = volumeNames.contains(withoutPort(name)) ? withoutPort(name) : name;
            progress.accept("reading " + shown + " from " + file.getFileName());
            Dataset data = ResultsFile.readDataset(file, name);
            if (kind != DataKind.TABLE) {
                used += 4L * data.getSize();
                if (used > volumeBudgetBytes) {
                    throw new DataFileException(file, shown, String.format(Locale.ROOT,
                            "the volumes read so far need %d MB, more than the %d MB allowed for volumes"
                                    + " (Window › Preferences › Edgewise)", used >> 20, volumeBudgetBytes >> 20));
                }
            }
            if (kind == DataKind.VOLUME) {
                kind = kindOf(shown, PhysicalMetadata.find(data).map(PhysicalMetadata::valueUnit).orElse(""), data);
            }
            if (data.getRank() != kind.rank()) {
                continue; // a result that is not what its kind says cannot be shown; the file's reader reports it
            }
            PhysicalMetadata metadata = PhysicalMetadata.find(data)
                    .orElse(PhysicalMetadata.create(Double.NaN, Double.NaN, ""));
            entries.add(new DatasetEntry(idOf(file, name), shown, kind, data, DatasetEntry.ScanLabel.parse(shown),
                    metadata.energyKev(), metadata.pixelSizeUm(), metadata.valueUnit(),
                    new DatasetEntry.FileOrigin(file, name)));
        }
        if (entries.isEmpty()) {
            throw new DataFileException(file, null, "holds no results");
        }
        return entries;
    }

    private static List<Path> csvFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> Files.isRegularFile(file)
                    && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList();
        }
    }

    private static String withoutPort(String name) {
        return name.endsWith(".volume") ? name.substring(0, name.length() - ".volume".length()) : name;
    }

    private DatasetEntry tiffVolume(Path source, TiffStacks.Stack stack) throws IOException {
        Dataset data = stack.data();
        long bytes = 4L * data.getSize();
        if (bytes > volumeBudgetBytes) {
            throw new DataFileException(source, null, String.format(Locale.ROOT,
                    "the stack needs %d MB, more than the %d MB allowed for volumes"
                            + " (Window › Preferences › Edgewise)", bytes >> 20, volumeBudgetBytes >> 20));
        }
        double pixelSizeUm = Double.isNaN(stack.pixelSizeUm()) ? 1.0 : stack.pixelSizeUm();
        String unit = data instanceof IntegerDataset ? "counts" : "";
        PhysicalMetadata.create(pixelSizeUm, Double.NaN, unit.isEmpty() ? PhysicalMetadata.DIMENSIONLESS : unit)
                .attachTo(data);
        String name = stem(source);
        return new DatasetEntry(idOf(source, ""), name, DataKind.VOLUME, data, DatasetEntry.ScanLabel.parse(name),
                Double.NaN, pixelSizeUm, unit, new DatasetEntry.FileOrigin(source, ""));
    }

    /** Labels are integer volumes whose unit or name says so; the solid mask is a mask. */
    static DataKind kindOf(String name, String unit, Dataset data) {
        boolean integer = data instanceof IntegerDataset;
        String lower = name.toLowerCase(Locale.ROOT);
        if (integer && (lower.equals("solid") || lower.endsWith("mask") || "mask".equalsIgnoreCase(unit))) {
            return DataKind.MASK;
        }
        if (integer && (unit.toLowerCase(Locale.ROOT).startsWith("label") || lower.contains("label")
                || lower.equals("hulls") || lower.equals("grown"))) {
            return DataKind.LABELS;
        }
        return DataKind.VOLUME;
    }

    private static boolean hasDataset(Path file, String path) throws DataFileException {
        try (HdfFile hdf = new HdfFile(file)) {
            try {
                return hdf.getByPath(path) instanceof io.jhdf.api.Dataset;
            } catch (RuntimeException e) { // jhdf signals a missing path with an exception
                return false;
            }
        } catch (RuntimeException e) {
            throw new DataFileException(file, null, "not a readable HDF5 file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * @param file       the file a dataset was read from
     * @param pathInFile the dataset inside it, or empty
     * @return the registry id of a dataset read from a file: its absolute path, with the dataset after a {@code #}
     */
    public static String idOf(Path file, String pathInFile) {
        String path = file.toAbsolutePath().normalize().toString();
        return pathInFile.isEmpty() ? path : path + "#" + pathInFile;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
