package org.edgewise.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.ChartWriter;
import org.edgewise.align.ProjectionAlignment;
import org.edgewise.align.Registration;
import org.edgewise.align.stages.AlignmentTables;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.files.AtomicFiles;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.tables.Tables;
import org.edgewise.core.pipeline.Pipelines;
import org.edgewise.core.pipeline.Provenance;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.io.CsvTable;
import org.edgewise.io.DataExchange;
import org.edgewise.io.DataFileException;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * The files of {@code edgewise align}, written from a finished run of an {@link AlignWorkflow} plan. Shifts are
 * stored, never baked into the inputs:
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
 * under {@code /registration} (with {@code warning}, one sentence, when the registration method leaves something
 * uncertain: {@link Registration.Result#warning()});</li>
 * <li>{@code plots/<scan>_shifts.png} (shift vs angle) and {@code plots/pair_residuals.png};</li>
 * <li>{@code provenance.json} (the run's: input checksums, every stage with its parameters) and the
 * {@code pipeline.json} that was run.</li>
 * </ul>
 * File names are the scans' file stems.
 */
public final class AlignmentReport {

    /** The pipeline that was run, next to its provenance. */
    public static final String PIPELINE_FILE = "pipeline.json";

    private AlignmentReport() {
    }

    /**
     * One scan's outcome.
     *
     * @param name      the scan's file stem (the name of its output files)
     * @param energyKev beam energy
     * @param anglesDeg projection angles
     * @param alignment jitter and centre; an above-edge scan's column shifts include its pair's sample translation
     * @param clamped   pixels clamped by the normalisation
     * @param outliers  pixels replaced as outliers
     * @param seconds   time to normalise, align and resample it
     */
    public record ScanResult(String name, double energyKev, double[] anglesDeg, ProjectionAlignment.Result alignment,
            long clamped, long outliers, double seconds) {

        /** @return e.g. {@code scan_01: 6.534 keV, centre 62.196 ± 0.030 px, ...; 0 clamped, 0 outliers, 19.2 s} */
        public String describe() {
            return String.format(Locale.ROOT, "%s: %.3f keV, %s; %d clamped, %d outliers, %.1f s", name, energyKev,
                    alignment.describe(), clamped, outliers, seconds);
        }
    }

    /**
     * One pair's registration.
     *
     * @param element      element symbol
     * @param reference    below-edge scan (file stem)
     * @param moving       above-edge scan (file stem)
     * @param registration shift and scale of moving relative to reference
     */
    public record PairResult(String element, String reference, String moving, Registration.Result registration) {

        /** @return e.g. {@code Ni pair scan_05 → scan_06: scale 0.996 ...} */
        public String describe() {
            return String.format(Locale.ROOT, "%s pair %s → %s: %s", element, reference, moving,
                    registration.describe());
        }
    }

    /**
     * @param scans   per scan, in input order
     * @param pairs   per energy pair
     * @param warning why scans could not be paired, or empty
     */
    public record Summary(List<ScanResult> scans, List<PairResult> pairs, String warning) {
    }

    /**
     * Reads a finished run's results and writes the files into {@code out}.
     *
     * @param plan   the plan that was run
     * @param run    the run's files (its results file is read, not moved or changed)
     * @param out    the folder to write into
     * @param charts draws the plots ({@link ChartWriter#NONE} for none)
     * @return what was found
     * @throws IOException if a result cannot be read or a file cannot be written
     */
    public static Summary write(AlignWorkflow.Plan plan, RunResult run, Path out, ChartWriter charts)
            throws IOException {
        Files.createDirectories(out.resolve("aligned"));
        Files.createDirectories(out.resolve("plots"));
        List<PairResult> pairs = new ArrayList<>();
        for (Scans.Pair pair : plan.pairs()) {
            AlignWorkflow.AlignedScan above = plan.scans().stream().filter(s -> s.scan().equals(pair.above()))
                    .findFirst().orElseThrow();
            Dataset table = StandardIo.readResult(run.resultsFile(), above.registration());
            pairs.add(new PairResult(pair.element().symbol(), pair.below().stem(), pair.above().stem(),
                    AlignmentTables.pairRegistrationResult(table)));
        }
        List<ScanResult> scans = new ArrayList<>();
        for (AlignWorkflow.AlignedScan scan : plan.scans()) {
            PairResult asMoving = scan.registration() == null ? null
                    : pairs.stream().filter(p -> p.moving().equals(scan.scan().stem())).findFirst().orElseThrow();
            ScanResult result = scanResult(scan, asMoving, run);
            Dataset projections = StandardIo.readResult(run.resultsFile(), scan.projections());
            writeAligned(out.resolve("aligned").resolve(result.name() + ".h5"), projections, result, asMoving);
            plotShifts(charts, out.resolve("plots").resolve(result.name() + "_shifts.png"), result);
            scans.add(result);
        }
        writeTables(out, scans, pairs);
        plotPairs(charts, out.resolve("plots").resolve("pair_residuals.png"), pairs);
        Files.copy(run.provenanceFile(), out.resolve(run.provenanceFile().getFileName().toString()));
        Pipelines.write(plan.pipeline(), out.resolve(PIPELINE_FILE));
        return new Summary(scans, pairs, plan.warning());
    }

    /**
     * The scan's alignment as written: the moving scan of a pair has its sample translation added to its column
     * shifts, so that {@code alignment.csv} and {@code registration.csv} together map it onto the reference.
     */
    private static ScanResult scanResult(AlignWorkflow.AlignedScan scan, PairResult asMoving, RunResult run)
            throws IOException {
        ProjectionAlignment.Result alignment = AlignmentTables.alignmentResult(StandardIo.readResult(
                run.resultsFile(), scan.alignment()));
        double[] anglesDeg = scan.scan().anglesDeg();
        if (asMoving != null) {
            double[] columns = alignment.shiftColPx().clone();
            for (int a = 0; a < anglesDeg.length; a++) {
                columns[a] += asMoving.registration().columnTranslationPx(anglesDeg[a]);
            }
            alignment = alignment.withShiftColPx(columns);
        }
        Dataset statistics = StandardIo.readResult(run.resultsFile(), scan.statistics());
        long clamped = (long) Arrays.stream(Tables.column(statistics, AlignmentTables.CLAMPED)).sum();
        long outliers = (long) Arrays.stream(Tables.column(statistics, AlignmentTables.OUTLIERS)).sum();
        String name = scan.scan().name();
        double seconds = seconds(run.provenance(), List.of(name + "_normalised", name + "_alignment",
                name + "_aligned", name + "_registered"));
        return new ScanResult(scan.scan().stem(), scan.scan().energyKev(), anglesDeg, alignment, clamped, outliers,
                seconds);
    }

    /** @return the time the named steps took together, from the provenance record */
    private static double seconds(Provenance provenance, List<String> steps) {
        double seconds = 0;
        for (Provenance.Step step : provenance.steps()) {
            if (steps.contains(step.name())) {
                seconds += Duration.between(Instant.parse(step.startedAt()), Instant.parse(step.finishedAt()))
                        .toNanos() / 1e9;
            }
        }
        return seconds;
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

    private static void writeAligned(Path file, Dataset stack, ScanResult result, PairResult asMoving)
            throws IOException {
        int[] shape = stack.getShape();
        float[] flat = FlatArrays.floats(stack);
        float[][][] data = new float[shape[0]][shape[1]][shape[2]];
        int i = 0;
        for (int a = 0; a < shape[0]; a++) {
            for (int r = 0; r < shape[1]; r++) {
                System.arraycopy(flat, i, data[a][r], 0, shape[2]);
                i += shape[2];
            }
        }
        double pixelUm = PhysicalMetadata.of(stack).pixelSizeUm();
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
                    if (!r.warning().isEmpty()) {
                        registration.putDataset("warning", r.warning());
                    }
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
                        s.alignment().shiftRowPx()), new ChartWriter.Series("shift_col_px",
                                s.alignment().shiftColPx())));
    }

    private static void plotPairs(ChartWriter charts, Path file, List<PairResult> pairs) throws IOException {
        List<String> labels = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double[] values = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            PairResult p = pairs.get(i);
            Registration.Result r = p.registration();
            labels.add(p.element() + ": " + p.moving());
            String how = r.method().startsWith(Registration.LANDMARKS) ? String.format(Locale.ROOT, "%s, %d"
                    + " landmarks, %.3f px RMS", r.method(), r.landmarks(), r.landmarkRmsPx()) : r.method();
            notes.add(String.format(Locale.ROOT, "scale %.5f ± %.5f, shift (%.2f, %.2f) px; %s", r.scale(),
                    r.scaleUncertainty(), r.shiftPx()[0], r.shiftPx()[1], how));
            values[i] = r.residual();
        }
        charts.bars(file, "Energy-pair registration: relative RMS misfit of the gradient images (contrast differs)",
                "residual", labels, values, notes);
    }
}
