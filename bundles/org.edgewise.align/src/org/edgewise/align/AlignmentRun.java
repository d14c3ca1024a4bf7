package org.edgewise.align;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.files.AtomicFiles;
import org.edgewise.io.CsvTable;
import org.edgewise.io.DataExchange;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.DataFileException;
import org.edgewise.io.ScanGroups;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * {@code edgewise align}: normalises, aligns and registers every scan of a Data Exchange folder and writes the
 * evidence. Shifts are stored, never baked into the inputs:
 * <ul>
 * <li>{@code alignment.csv}: {@code scan,energy_kev,angle_deg,shift_row_px,shift_col_px} (sign convention of
 * {@link ProjectionAlignment}); an above-edge scan's column shifts include its pair's sample translation;</li>
 * <li>{@code registration.csv}: {@code scan,reference_scan,shift_row_px,shift_col_px,scale,rotation_center_px,
 * residual}: each scan against the below-edge scan of its pair ({@link Registration}; the reference's own row has
 * shift 0, scale 1 and an empty residual);</li>
 * <li>{@code aligned/<scan>.h5}: the aligned line integrals {@code /exchange/data} [angle, row, column] float32
 * (axis on the central column), {@code /exchange/theta}, energy and pixel size at the Data Exchange paths, and the
 * shifts themselves under {@code /alignment} ({@code shift_row_px}, {@code shift_col_px}, {@code rotation_center_px},
 * {@code rotation_center_uncertainty_px}, {@code reprojection_residual}); an above-edge scan is written on its
 * reference's grid (alignment and registration in one resampling, the reference's pixel size) with its registration
 * under {@code /registration};</li>
 * <li>{@code plots/<scan>_shifts.png} (shift vs angle) and {@code plots/pair_residuals.png}.</li>
 * </ul>
 */
public final class AlignmentRun {

    private AlignmentRun() {
    }

    /**
     * One scan's outcome.
     *
     * @param name       file name without extension
     * @param energyKev  beam energy
     * @param anglesDeg  projection angles
     * @param alignment  jitter and centre
     * @param clamped    pixels clamped by the normalisation
     * @param outliers   pixels replaced as outliers
     * @param seconds    time to normalise and align
     */
    public record ScanResult(String name, double energyKev, double[] anglesDeg, ProjectionAlignment.Result alignment,
            long clamped, long outliers, double seconds) {
    }

    /**
     * One pair's registration.
     *
     * @param element      element symbol
     * @param reference    below-edge scan
     * @param moving       above-edge scan
     * @param registration shift and scale of moving relative to reference
     */
    public record PairResult(String element, String reference, String moving, Registration.Result registration) {
    }

    /**
     * @param scans   per scan, in input order
     * @param pairs   per energy pair
     * @param warning why scans could not be paired, or empty
     */
    public record Summary(List<ScanResult> scans, List<PairResult> pairs, String warning) {
    }

    /**
     * @param inputs   Data Exchange files or folders of them
     * @param out      output folder (created)
     * @param options  alignment settings
     * @param charts   draws the shift and residual charts ({@link ChartWriter#NONE} for none)
     * @param progress receives one line per step
     * @param monitor  cancellation; may be null
     * @return what was found
     * @throws IOException if a file cannot be read or written (a {@link DataFileException} names file and dataset)
     */
    public static Summary run(List<Path> inputs, Path out, AlignmentOptions options, ChartWriter charts,
            Consumer<String> progress, IMonitor monitor) throws IOException {
        List<Path> files = ScanGroups.expand(inputs);
        if (files.isEmpty()) {
            throw new IOException("no Data Exchange files (*.h5, *.hdf5, *.hdf) in " + inputs);
        }
        Files.createDirectories(out.resolve("aligned"));
        Files.createDirectories(out.resolve("plots"));
        List<ScanGroups.Pair> groups = List.of();
        String warning = "";
        try {
            groups = ScanGroups.group(files, DataExchangeReader.Metadata.none());
        } catch (ScanGroups.ScanGroupingException e) {
            warning = "scans not registered: " + e.getMessage();
            progress.accept(warning);
        }
        // pair by pair, so that at most two scans are held in memory
        Map<Path, ScanResult> byFile = new LinkedHashMap<>();
        List<PairResult> pairs = new ArrayList<>();
        for (ScanGroups.Pair pair : groups) {
            Path below = pair.below().file();
            Path above = pair.above().file();
            AlignedScan reference = alignScan(below, options, monitor);
            AlignedScan moving = alignScan(above, options, monitor);
            Registration.Result r;
            try {
                int columns = reference.stack().getShape()[2];
                r = Registration.registerProjections(reference.stack(), moving.stack(), 60,
                        Math.max(rowMargin(reference.result().alignment()), rowMargin(moving.result().alignment())),
                        Math.max(columnMargin(reference.result().alignment(), columns),
                                columnMargin(moving.result().alignment(), columns)));
            } catch (IllegalArgumentException e) {
                throw new DataFileException(above, null, "cannot register to " + below.getFileName() + ": "
                        + e.getMessage(), e);
            }
            PairResult pr = new PairResult(pair.element().symbol(), stem(below), stem(above), r);
            pairs.add(pr);
            finish(out, reference, null, byFile, charts, progress);
            finish(out, moving, pr, byFile, charts, progress);
            progress.accept(String.format(Locale.ROOT, "%s pair %s → %s: %s", pair.element().symbol(),
                    stem(below), stem(above), r.describe()));
            if (Registration.GRADIENT_IMAGES.equals(r.method())) {
                progress.accept("  warning: fewer than two separate particles per projection, so the scale comes from"
                        + " the gradient images, which follow contrast: it can be off by a few 0.1 % (the stated"
                        + " uncertainty does not include that)");
            }
        }
        for (Path file : files) {
            if (!byFile.containsKey(file)) {
                finish(out, alignScan(file, options, monitor), null, byFile, charts, progress);
            }
        }
        List<ScanResult> scans = new ArrayList<>();
        for (Path file : files) {
            scans.add(byFile.get(file));
        }
        writeTables(out, scans, pairs);
        plotPairs(charts, out.resolve("plots").resolve("pair_residuals.png"), pairs);
        return new Summary(scans, pairs, warning);
    }

    /** A scan normalised and aligned, in memory until it is written. */
    private record AlignedScan(Path file, ScanResult result, Dataset lineIntegrals, FloatDataset stack,
            double pixelUm) {
    }

    private static AlignedScan alignScan(Path file, AlignmentOptions options, IMonitor monitor) throws IOException {
        long start = System.nanoTime();
        Dataset counts;
        Dataset flats;
        Dataset darks;
        double energy;
        double pixel;
        double[] angles;
        try (DataExchangeReader reader = DataExchangeReader.open(file)) {
            angles = reader.anglesDeg();
            energy = reader.energyKev();
            pixel = reader.pixelSizeUm();
            counts = reader.readProjections(0, reader.angleCount());
            flats = reader.flats();
            darks = reader.darks();
        }
        PhysicalMetadata metadata = PhysicalMetadata.create(pixel, energy, "counts").withAnglesDeg(angles,
                DataKind.PROJECTIONS);
        metadata.attachTo(counts);
        Normalisation.Result normalised;
        ProjectionAlignment.Result alignment;
        try {
            ProjectionAlignment.checkAngles(angles);
            normalised = Normalisation.normalise(counts, flats, darks, NormalisationOptions.DEFAULTS, monitor);
            alignment = ProjectionAlignment.align(normalised.lineIntegrals(), options, monitor);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(file, null, e.getMessage(), e);
        }
        FloatDataset stack = Shifts.apply(normalised.lineIntegrals(), alignment.centreColumnPx(),
                alignment.shiftRowPx(), alignment.shiftColPx());
        metadata.withValueUnit(PhysicalMetadata.DIMENSIONLESS).attachTo(stack);
        ScanResult result = new ScanResult(stem(file), energy, angles, alignment, normalised.clamped(),
                normalised.outliers(), (System.nanoTime() - start) / 1e9);
        return new AlignedScan(file, result, normalised.lineIntegrals(), stack, pixel);
    }

    /**
     * Writes a scan's aligned projections and shift plot. The moving scan of a pair is written on its reference's
     * grid: its alignment, the pair's sample translation, shift and scale in one resampling of the normalised data,
     * with the reference's pixel size; its alignment shifts then include the sample translation (so that
     * {@code alignment.csv} and {@code registration.csv} together map it onto the reference).
     */
    private static void finish(Path out, AlignedScan scan, PairResult asMoving, Map<Path, ScanResult> byFile,
            ChartWriter charts, Consumer<String> progress) throws IOException {
        ScanResult result = scan.result();
        FloatDataset stack = scan.stack();
        double pixel = scan.pixelUm();
        if (asMoving != null) {
            Registration.Result r = asMoving.registration();
            ProjectionAlignment.Result al = result.alignment();
            double[] angles = result.anglesDeg();
            double[] cols = al.shiftColPx().clone();
            double[] registeredRows = al.shiftRowPx().clone();
            double[] registeredCols = new double[cols.length];
            for (int a = 0; a < angles.length; a++) {
                cols[a] += r.columnTranslationPx(angles[a]);
                registeredRows[a] += r.shiftPx()[0];
                registeredCols[a] = cols[a] + r.shiftPx()[1];
            }
            int[] shape = stack.getShape();
            stack = FlatArrays.wrap(Shifts.apply(FlatArrays.floats(scan.lineIntegrals()), shape[1], shape[2],
                    al.centreColumnPx(), registeredRows, registeredCols, r.scale() * r.nominalScale()), shape);
            pixel = scan.pixelUm() * r.nominalScale();
            PhysicalMetadata.create(pixel, result.energyKev(), PhysicalMetadata.DIMENSIONLESS)
                    .withAnglesDeg(angles, DataKind.PROJECTIONS).attachTo(stack);
            result = new ScanResult(result.name(), result.energyKev(), angles, al.withShiftColPx(cols),
                    result.clamped(), result.outliers(), result.seconds());
        }
        byFile.put(scan.file(), result);
        writeAligned(out.resolve("aligned").resolve(result.name() + ".h5"), stack, result, pixel, asMoving);
        plotShifts(charts, out.resolve("plots").resolve(result.name() + "_shifts.png"), result);
        progress.accept(String.format(Locale.ROOT, "%s: %.3f keV, %s; %d clamped, %d outliers, %.1f s",
                result.name(), result.energyKev(), result.alignment().describe(), result.clamped(),
                result.outliers(), result.seconds()));
    }

    /** Aligned rows within this distance of the top or bottom were resampled from beyond the detector. */
    static int rowMargin(ProjectionAlignment.Result r) {
        double max = 0;
        for (double v : r.shiftRowPx()) {
            max = Math.max(max, Math.abs(v));
        }
        return (int) Math.ceil(max) + 2;
    }

    /** Aligned columns within this distance of either side were resampled from beyond the detector. */
    static int columnMargin(ProjectionAlignment.Result r, int columns) {
        double max = 0;
        for (double v : r.shiftColPx()) {
            max = Math.max(max, Math.abs(v));
        }
        return (int) Math.ceil(Math.abs(r.centreColumnPx() - (columns - 1) / 2.0) + max) + 2;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static void writeTables(Path out, List<ScanResult> scans, List<PairResult> pairs) throws IOException {
        CsvTable alignment = new CsvTable("scan", "energy_kev", "angle_deg", "shift_row_px", "shift_col_px");
        for (ScanResult s : scans) {
            for (int a = 0; a < s.anglesDeg().length; a++) {
                alignment.addRow(s.name(), s.energyKev(), s.anglesDeg()[a], s.alignment().shiftRowPx()[a],
                        s.alignment().shiftColPx()[a]);
            }
        }
        alignment.write(out.resolve("alignment.csv"));
        CsvTable registration = new CsvTable("scan", "reference_scan", "shift_row_px", "shift_col_px", "scale",
                "rotation_center_px", "residual");
        for (ScanResult s : scans) {
            PairResult asMoving = pairs.stream().filter(p -> p.moving().equals(s.name())).findFirst().orElse(null);
            if (asMoving != null) {
                Registration.Result r = asMoving.registration();
                registration.addRow(s.name(), asMoving.reference(), r.shiftPx()[0], r.shiftPx()[1], r.scale(),
                        s.alignment().centreColumnPx(), r.residual());
            } else {
                registration.addRow(s.name(), s.name(), 0.0, 0.0, 1.0, s.alignment().centreColumnPx(), null);
            }
        }
        registration.write(out.resolve("registration.csv"));
    }

    private static void writeAligned(Path file, FloatDataset stack, ScanResult result, double pixelUm,
            PairResult asMoving) throws IOException {
        int[] shape = stack.getShape();
        float[] flat = stack.getData();
        float[][][] data = new float[shape[0]][shape[1]][shape[2]];
        int i = 0;
        for (int a = 0; a < shape[0]; a++) {
            for (int r = 0; r < shape[1]; r++) {
                System.arraycopy(flat, i, data[a][r], 0, shape[2]);
                i += shape[2];
            }
        }
        ProjectionAlignment.Result al = result.alignment();
        AtomicFiles.write(file, temporary -> {
            try (WritableHdfFile hdf = HdfFile.write(temporary)) {
                hdf.putAttribute("implements", "exchange:measurement");
                DataExchange.put(hdf, DataExchange.DATA, data, "1");
                DataExchange.put(hdf, DataExchange.THETA, result.anglesDeg(), "degrees");
                DataExchange.put(hdf, DataExchange.ENERGY, result.energyKev(), "keV");
                DataExchange.put(hdf, DataExchange.PIXEL_SIZE, pixelUm, "um");
                WritableGroup alignment = hdf.putGroup("alignment");
                alignment.putAttribute("convention", "axis of projection a at rotation_center_px + shift_col_px[a];"
                        + " image displaced by shift_row_px[a] rows; data here are resampled so the axis lies on"
                        + " column (columns-1)/2 and the row shifts are removed");
                alignment.putDataset("shift_row_px", al.shiftRowPx()).putAttribute("units", "px");
                alignment.putDataset("shift_col_px", al.shiftColPx()).putAttribute("units", "px");
                alignment.putDataset("rotation_center_px", al.centreColumnPx()).putAttribute("units", "px");
                alignment.putDataset("rotation_center_uncertainty_px", al.centreUncertaintyPx())
                        .putAttribute("units", "px");
                alignment.putDataset("reprojection_residual", al.reprojectionResidual());
                alignment.putDataset("iterations", al.iterations());
                if (asMoving != null) {
                    Registration.Result r = asMoving.registration();
                    WritableGroup registration = hdf.putGroup("registration");
                    registration.putAttribute("convention", "resampled onto the grid of reference_scan: moving"
                            + " aligned pixel = m + nominal_scale*scale*(x - m) + shift, m = (n-1)/2 per axis; the"
                            + " sample translation x*cos(theta) + y*sin(theta) is included in"
                            + " /alignment/shift_col_px");
                    registration.putDataset("reference_scan", asMoving.reference());
                    registration.putDataset("method", r.method());
                    registration.putDataset("scale", r.scale());
                    registration.putDataset("scale_uncertainty", r.scaleUncertainty());
                    registration.putDataset("nominal_scale", r.nominalScale());
                    registration.putDataset("shift_row_px", r.shiftPx()[0]).putAttribute("units", "px");
                    registration.putDataset("shift_col_px", r.shiftPx()[1]).putAttribute("units", "px");
                    registration.putDataset("sample_translation_xy_px", r.translationPx()).putAttribute("units",
                            "px");
                    registration.putDataset("residual", r.residual());
                }
            } catch (RuntimeException e) {
                throw new DataFileException(file, null, "could not write the HDF5 file: " + e.getMessage(), e);
            }
        });
    }

    private static void plotShifts(ChartWriter charts, Path file, ScanResult s) throws IOException {
        charts.lines(file, String.format(Locale.ROOT, "%s (%.3f keV): shifts vs angle; centre %.2f ± %.2f px",
                s.name(), s.energyKev(), s.alignment().centreColumnPx(), s.alignment().centreUncertaintyPx()),
                "angle (°)", "shift (px)", s.anglesDeg(), List.of(new ChartWriter.Series("shift_row_px",
                        s.alignment().shiftRowPx()), new ChartWriter.Series("shift_col_px", s.alignment().shiftColPx())));
    }

    private static void plotPairs(ChartWriter charts, Path file, List<PairResult> pairs) throws IOException {
        List<String> labels = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double[] values = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            PairResult p = pairs.get(i);
            Registration.Result r = p.registration();
            labels.add(p.element() + ": " + p.moving());
            notes.add(String.format(Locale.ROOT, "scale %.5f ± %.5f, shift (%.2f, %.2f) px; %s", r.scale(),
                    r.scaleUncertainty(), r.shiftPx()[0], r.shiftPx()[1], Registration.LANDMARKS.equals(r.method())
                            ? String.format(Locale.ROOT, "%d landmarks, %.3f px RMS", r.landmarks(),
                                    r.landmarkRmsPx()) : r.method()));
            values[i] = r.residual();
        }
        charts.bars(file, "Energy-pair registration: relative RMS misfit of the gradient images (contrast differs)",
                "residual", labels, values, notes);
    }
}
