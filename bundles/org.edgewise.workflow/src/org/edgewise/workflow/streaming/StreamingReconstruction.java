package org.edgewise.workflow.streaming;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.Shifts;
import org.edgewise.align.stages.AlignModel;
import org.edgewise.align.stages.AlignStage;
import org.edgewise.align.stages.AlignmentTables;
import org.edgewise.align.stages.ApplyRegistrationStage;
import org.edgewise.align.stages.ApplyShiftsStage;
import org.edgewise.align.stages.DetectorBinStage;
import org.edgewise.align.stages.NormaliseModel;
import org.edgewise.align.stages.NormaliseStage;
import org.edgewise.align.stages.RegisterModel;
import org.edgewise.align.stages.RegisterPairStage;
import org.edgewise.api.files.InputException;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.tables.Tables;
import org.edgewise.io.DataExchange;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.ScanGroups;
import org.edgewise.io.VolumeStreamWriter;
import org.edgewise.recon.FbpOptions;
import org.edgewise.recon.FilteredBackProjection;
import org.edgewise.recon.FourierGridReconstruction;
import org.edgewise.recon.ParallelBeamGeometry;
import org.edgewise.recon.ProjectionSource;
import org.edgewise.recon.RingRemoval;
import org.edgewise.recon.SlabReconstructor;
import org.edgewise.recon.SlabwiseReconstruction;
import org.edgewise.recon.stages.ReconstructModel;
import org.edgewise.recon.stages.ReconstructStage;
import org.edgewise.workflow.ReconstructWorkflow;
import org.edgewise.workflow.Scan;
import org.edgewise.workflow.Scans;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Raw scans → a volumes file in bounded memory: what {@link ReconstructWorkflow} computes (normalise, align each
 * scan, register each energy pair, reconstruct), with memory bounded by one reduced copy of a pair of scans, one
 * projection slab and one volume slab, whatever the scan size.
 * <ol>
 * <li><b>Estimates on a reduced copy.</b> Each scan is read angle slab by angle slab, binned by the reduction factor
 * {@code f} (beyond the input binning) and normalised; the alignment (jitter and rotation centre,
 * {@code edgewise.align.projections}) and each energy pair's registration ({@code edgewise.align.register-pair}) run
 * on these copies through the same stages as the in-memory path. Shifts, centre and sample translation are scaled to
 * full resolution (a binned pixel {@code j} is centred on the full-resolution pixel {@code f·j + (f − 1)/2}); the
 * magnification is kept. With {@code f = 1} the estimates are the in-memory path's.</li>
 * <li><b>Full resolution, slab by slab.</b> For each volume slab of {@code slabRows} slices, the detector rows the
 * resampling needs (the slab plus a margin for the vertical shifts and the registration's magnification, plus one row
 * for the outlier test of the normalisation) are read from the file, binned, normalised, shifted and registered in one
 * cubic resampling ({@link Shifts#applyWindow}), reconstructed ({@link SlabwiseReconstruction}) and written through a
 * {@link VolumeStreamWriter}. The values equal the matching rows of the in-memory path.</li>
 * </ol>
 * Progress: one sub-task and one unit of work per slab of every volume; cancellation is checked between slabs and
 * between the estimates; after a cancel or a failure the volumes file is not written (nothing is left). SIRT is not
 * streamed.
 * <pre>{@code
 * StreamingReconstruction.run(Scans.read(List.of(folder)), out.resolve("volumes.h5"),
 *         StreamingReconstruction.Settings.defaults().withReductionFactor(2).withSlabRows(32), monitor);
 * }</pre>
 */
public final class StreamingReconstruction {

    /** The name of the step in the volumes' provenance. */
    public static final String STEP = "edgewise.workflow.streaming-reconstruction";

    private StreamingReconstruction() {
    }

    /**
     * How to reconstruct.
     *
     * @param reductionFactor the binning of the reduced copy the estimates are made on, ≥ 1 (1: at full resolution)
     * @param slabRows        volume slices (detector rows) reconstructed together, ≥ 1
     * @param binning         detector binning on input: 1, 2 or 4 (as {@link ReconstructWorkflow.Builder#binning})
     * @param centre          the rotation axis: automatic (align each scan) or a given column (unbinned pixels)
     * @param register        with an automatic centre, register each energy pair's above-edge scan to its below-edge
     *                        scan and reconstruct both on one grid
     * @param normalise       parameters of the normalisation
     * @param align           parameters of the projection alignment
     * @param registration    parameters of the pair registration
     * @param reconstruct     parameters of the reconstruction (its centre offset and slab rows are not used)
     */
    public record Settings(int reductionFactor, int slabRows, int binning, ReconstructWorkflow.Centre centre,
            boolean register, NormaliseModel normalise, AlignModel align, RegisterModel registration,
            ReconstructModel reconstruct) {

        public Settings {
            if (reductionFactor < 1) {
                throw new IllegalArgumentException("the reduction factor must be at least 1, was " + reductionFactor);
            }
            if (slabRows < 1) {
                throw new IllegalArgumentException("a slab must have at least one row, was " + slabRows);
            }
            if (binning != 1 && binning != 2 && binning != 4) {
                throw new IllegalArgumentException("detector binning must be 1, 2 or 4, was " + binning);
            }
            Objects.requireNonNull(centre, "centre");
            Parameters.validate(Objects.requireNonNull(normalise, "normalise"));
            Parameters.validate(Objects.requireNonNull(align, "align"));
            Parameters.validate(Objects.requireNonNull(registration, "registration"));
            Parameters.validate(Objects.requireNonNull(reconstruct, "reconstruct"));
        }

        /** @return f = 1, 16-row slabs, no binning, automatic centre, pairs registered, every stage's defaults */
        public static Settings defaults() {
            return new Settings(1, 16, 1, ReconstructWorkflow.Centre.auto(), true,
                    Parameters.defaults(NormaliseModel.class), Parameters.defaults(AlignModel.class),
                    Parameters.defaults(RegisterModel.class), Parameters.defaults(ReconstructModel.class));
        }

        /** @param factor the reduced copy's binning @return these settings with it */
        public Settings withReductionFactor(int factor) {
            return new Settings(factor, slabRows, binning, centre, register, normalise, align, registration,
                    reconstruct);
        }

        /** @param rows slices per slab @return these settings with them */
        public Settings withSlabRows(int rows) {
            return new Settings(reductionFactor, rows, binning, centre, register, normalise, align, registration,
                    reconstruct);
        }

        /** @param factor detector binning on input (1, 2, 4) @return these settings with it */
        public Settings withBinning(int factor) {
            return new Settings(reductionFactor, slabRows, factor, centre, register, normalise, align, registration,
                    reconstruct);
        }

        /** @param axis the rotation axis @return these settings with it */
        public Settings withCentre(ReconstructWorkflow.Centre axis) {
            return new Settings(reductionFactor, slabRows, binning, axis, register, normalise, align, registration,
                    reconstruct);
        }

        /** @param on register the energy pairs @return these settings with it */
        public Settings withRegister(boolean on) {
            return new Settings(reductionFactor, slabRows, binning, centre, on, normalise, align, registration,
                    reconstruct);
        }

        /** @param model the alignment's parameters @return these settings with them */
        public Settings withAlign(AlignModel model) {
            return new Settings(reductionFactor, slabRows, binning, centre, register, normalise, model, registration,
                    reconstruct);
        }

        /** @param model the reconstruction's parameters @return these settings with them */
        public Settings withReconstruct(ReconstructModel model) {
            return new Settings(reductionFactor, slabRows, binning, centre, register, normalise, align, registration,
                    model);
        }
    }

    /**
     * Where one scan's projections were resampled from, at full resolution (after the input binning): projection
     * {@code a}'s output pixel {@code (r, c)} is sampled at row {@code m_r + scale·(r − m_r) + shiftRowPx[a]}, column
     * {@code centrePx + shiftColPx[a] + scale·(c − m_c)} ({@link Shifts}); the volume's voxel is
     * {@code voxelSizeUm}.
     *
     * @param scan        the scan's name
     * @param centrePx    the rotation axis column, pixels (null geometry: a given centre, nothing resampled)
     * @param shiftRowPx  per projection, rows (alignment and registration together)
     * @param shiftColPx  per projection, columns (alignment, registration shift and sample translation together)
     * @param scale       input pixels per output pixel (the registration's magnification; 1 without)
     * @param voxelSizeUm the volume's voxel edge, µm
     * @param alignment   the alignment table on the reduced copy (reduced pixels), or null without alignment
     * @param registration the pair registration table on the reduced copy, or null
     */
    public record ScanGeometry(String scan, double centrePx, double[] shiftRowPx, double[] shiftColPx, double scale,
            double voxelSizeUm, Dataset alignment, Dataset registration) {
    }

    /**
     * What was written.
     *
     * @param volumesFile the volumes file
     * @param geometries  per scan in input order, how its projections were resampled
     */
    public record Result(Path volumesFile, List<ScanGeometry> geometries) {
    }

    /**
     * Reconstructs every scan into one volumes file ({@code [z, y, x]} μ in 1/µm per scan, named after the scan,
     * voxel = the (binned) pixel of the scan's reference, energy and provenance attached).
     *
     * @param scans       raw scans (from {@link Scans#read}), not aligned ones
     * @param volumesFile the file to create or replace (atomically, on success only)
     * @param settings    how
     * @param monitor     progress and cancel, or null
     * @return the file and per scan its geometry
     * @throws IOException           if a scan cannot be read or is unfit (naming the file), the pairs are incomplete, an
     *                               estimate fails, or the file cannot be written
     * @throws CancellationException when the monitor cancels (nothing is written)
     */
    public static Result run(List<Scan> scans, Path volumesFile, Settings settings, IMonitor monitor)
            throws IOException {
        IMonitor progress = monitor != null ? monitor : new IMonitor.Stub();
        if (scans.isEmpty()) {
            throw new IOException("no scans to reconstruct");
        }
        Map<String, ScanGeometry> geometries = new LinkedHashMap<>();
        if (settings.centre().automatic()) {
            // the estimates' own progress units are not slabs: they report sub-tasks and honour cancel only
            estimate(scans, settings, new Prefixed(progress, "estimates", false), geometries);
        }
        try (VolumeStreamWriter out = VolumeStreamWriter.create(volumesFile, provenance(scans, settings))) {
            for (Scan scan : scans) {
                try (ScanRows rows = open(scan, settings)) {
                    ScanGeometry geometry = geometries.get(scan.name());
                    if (geometry == null) {
                        geometry = new ScanGeometry(scan.name(), Double.NaN, null, null, 1, rows.pixelSizeUm(), null,
                                null);
                        geometries.put(scan.name(), geometry);
                    }
                    reconstruct(scan, rows, geometry, settings, out, progress);
                }
            }
            checkCancelled(progress, "before the volumes file is closed");
            out.commit();
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new Result(volumesFile, List.copyOf(geometries.values()));
    }

    /** @return the number of slabs {@link #run} reports progress for: one per slab of every scan */
    public static int work(List<Scan> scans, int detectorRows, Settings settings) {
        return scans.size() * ((detectorRows / settings.binning() + settings.slabRows() - 1) / settings.slabRows());
    }

    private static ScanRows open(Scan scan, Settings settings) throws IOException {
        if (scan.aligned()) {
            throw new org.edgewise.io.DataFileException(scan.file(), DataExchange.ALIGNMENT, "is aligned already"
                    + " (written by 'edgewise align'); the streaming reconstruction takes raw scans");
        }
        return new ScanRows(DataExchangeReader.open(scan.file()), settings.binning(), settings.normalise());
    }

    // ------------------------------------------------------------------ estimates on the reduced copy

    /** A scan's estimates on its reduced copy. */
    private record Reduced(Dataset alignment, Dataset aligned, int rows, int columns, int fullRows, int fullColumns,
            double fullPixelUm) {
    }

    private static void estimate(List<Scan> scans, Settings settings, IMonitor monitor,
            Map<String, ScanGeometry> geometries) throws IOException {
        List<Scans.Pair> pairs = List.of();
        if (settings.register() && scans.size() > 1) {
            try {
                pairs = Scans.pairs(scans);
            } catch (ScanGroups.ScanGroupingException e) {
                throw new InputException(null, DataExchange.ENERGY, e.getMessage().replace('\n', ' '), e);
            }
        }
        List<Scan> paired = new ArrayList<>();
        for (Scans.Pair pair : pairs) {
            checkCancelled(monitor, "before registering " + pair.above().name());
            Reduced below = reduce(pair.below(), settings, true, monitor);
            Reduced above = reduce(pair.above(), settings, true, monitor);
            Dataset registration = stage(pair.above(), RegisterPairStage.ID, () -> new RegisterPairStage().apply(
                    StageInput.whole(Map.of(RegisterPairStage.REFERENCE, below.aligned(), RegisterPairStage.MOVING,
                            above.aligned(), RegisterPairStage.REFERENCE_ALIGNMENT, below.alignment(),
                            RegisterPairStage.MOVING_ALIGNMENT, above.alignment())), settings.registration(), monitor)
                    .get(RegisterPairStage.REGISTRATION));
            geometries.put(pair.below().name(), scaled(pair.below(), below, null, settings));
            geometries.put(pair.above().name(), scaled(pair.above(), above, registration, settings));
            paired.add(pair.below());
            paired.add(pair.above());
        }
        for (Scan scan : scans) {
            if (!paired.contains(scan)) {
                checkCancelled(monitor, "before aligning " + scan.name());
                geometries.put(scan.name(), scaled(scan, reduce(scan, settings, false, monitor), null, settings));
            }
        }
        // in input order
        Map<String, ScanGeometry> ordered = new LinkedHashMap<>();
        for (Scan scan : scans) {
            ordered.put(scan.name(), geometries.get(scan.name()));
        }
        geometries.clear();
        geometries.putAll(ordered);
    }

    /** The reduced copy of one scan, its alignment and (for a registration) its aligned projections. */
    private static Reduced reduce(Scan scan, Settings settings, boolean keepAligned, IMonitor monitor)
            throws IOException {
        int f = settings.reductionFactor();
        try (ScanRows rows = open(scan, settings)) {
            monitor.subTask(scan.name() + ": alignment on a copy binned by " + f);
            Dataset lineIntegrals = rows.reduced(f, scan.name());
            Dataset alignment = stage(scan, AlignStage.ID, () -> new AlignStage().apply(StageInput.of(
                    AlignStage.PROJECTIONS, lineIntegrals), settings.align(), monitor).get(AlignStage.ALIGNMENT));
            Dataset aligned = null;
            if (keepAligned) {
                aligned = stage(scan, ApplyShiftsStage.ID, () -> new ApplyShiftsStage().apply(StageInput.whole(
                        Map.of(ApplyShiftsStage.PROJECTIONS, lineIntegrals, ApplyShiftsStage.ALIGNMENT, alignment)),
                        new NoParameters(), monitor).get(ApplyShiftsStage.PROJECTIONS));
            }
            int[] shape = lineIntegrals.getShape();
            return new Reduced(alignment, aligned, shape[1], shape[2], rows.rows(), rows.columns(),
                    rows.pixelSizeUm());
        }
    }

    /**
     * Scales the reduced copy's alignment (and registration) to full resolution, with the arithmetic of
     * {@code edgewise.align.apply-registration} for the combination.
     */
    private static ScanGeometry scaled(Scan scan, Reduced reduced, Dataset registration, Settings settings) {
        double f = settings.reductionFactor();
        double offset = (f - 1) / 2.0; // full-resolution position of a binned pixel's centre: f·j + offset
        double[] angles = Tables.column(reduced.alignment(), AlignmentTables.ANGLE_DEG);
        double[] rows = Tables.column(reduced.alignment(), AlignmentTables.SHIFT_ROW_PX);
        double[] cols = Tables.column(reduced.alignment(), AlignmentTables.SHIFT_COL_PX);
        double centre = Tables.get(reduced.alignment(), 0, AlignmentTables.ROTATION_CENTER_PX);
        double scale = 1;
        double nominal = 1;
        double[] shiftRow = rows.clone();
        double[] shiftCol = cols.clone();
        if (registration != null) {
            double dRow = Tables.get(registration, 0, AlignmentTables.SHIFT_ROW_PX);
            double dCol = Tables.get(registration, 0, AlignmentTables.SHIFT_COL_PX);
            double tx = Tables.get(registration, 0, AlignmentTables.TRANSLATION_X_PX);
            double ty = Tables.get(registration, 0, AlignmentTables.TRANSLATION_Y_PX);
            scale = Tables.get(registration, 0, AlignmentTables.SCALE);
            nominal = Tables.get(registration, 0, AlignmentTables.NOMINAL_SCALE);
            for (int a = 0; a < angles.length; a++) {
                double theta = Math.toRadians(angles[a]);
                shiftRow[a] = rows[a] + dRow;
                shiftCol[a] = cols[a] + dCol + tx * Math.cos(theta) + ty * Math.sin(theta);
            }
        }
        double magnification = scale * nominal;
        // rows keep detector coordinates: the magnification is about the reduced frame's middle row, which lies
        // (f·(rows' − 1)/2 + offset) − (rows − 1)/2 from the full frame's when the rows do not divide by f
        double reducedMiddle = f * (reduced.rows() - 1) / 2.0 + offset;
        double rowCorrection = (1 - magnification) * (reducedMiddle - (reduced.fullRows() - 1) / 2.0);
        for (int a = 0; a < angles.length; a++) {
            shiftRow[a] = f * shiftRow[a] + rowCorrection;
            shiftCol[a] = f * shiftCol[a];
        }
        // columns are measured from the rotation axis, which maps to the same physical point at both resolutions
        return new ScanGeometry(scan.name(), f * centre + offset, shiftRow, shiftCol, magnification,
                reduced.fullPixelUm() * nominal, reduced.alignment(), registration);
    }

    // ------------------------------------------------------------------ full resolution, slab by slab

    private static void reconstruct(Scan scan, ScanRows rows, ScanGeometry geometry, Settings settings,
            VolumeStreamWriter out, IMonitor monitor) throws IOException {
        double[] anglesDeg = scan.anglesDeg();
        int columns = rows.columns();
        int detectorRows = rows.rows();
        boolean resampled = geometry.shiftRowPx() != null;
        double offsetPx = resampled ? 0 : settings.centre().offsetPx(scan.columns(), settings.binning());
        ReconstructModel model = settings.reconstruct();
        ParallelBeamGeometry beam = ParallelBeamGeometry.of(anglesDeg, columns).withCenter((columns - 1) / 2.0
                + offsetPx);
        FbpOptions options = new FbpOptions(model.filter(), model.padding(), 0);
        SlabReconstructor method = switch (model.method()) {
        case GRIDDING -> SlabReconstructor.gridding(new FourierGridReconstruction(beam, options));
        case FBP -> SlabReconstructor.fbp(new FilteredBackProjection(beam, options));
        };
        RingRemoval rings = model.ringWindow() > 0 ? new RingRemoval(model.ringWindow()) : null;
        ProjectionSource source = new ProjectionSource() {
            @Override
            public int angleCount() {
                return anglesDeg.length;
            }

            @Override
            public int rows() {
                return detectorRows;
            }

            @Override
            public int columns() {
                return columns;
            }

            @Override
            public float[] read(int row0, int rowCount) throws IOException {
                if (!resampled) {
                    return rows.lineIntegralRows(row0, rowCount);
                }
                int[] window = Shifts.inputRows(row0, rowCount, detectorRows, geometry.shiftRowPx(),
                        geometry.scale());
                float[] input = rows.lineIntegralRows(window[0], window[1]);
                return Shifts.applyWindow(input, window[0], window[1], detectorRows, columns, geometry.centrePx(),
                        geometry.shiftRowPx(), geometry.shiftColPx(), geometry.scale(), row0, rowCount);
            }
        };
        double voxelUm = geometry.voxelSizeUm();
        List<String> steps = new ArrayList<>(List.of("input:" + scan.name()));
        if (settings.binning() > 1) {
            steps.add(DetectorBinStage.ID);
        }
        steps.add(NormaliseStage.ID);
        if (resampled) {
            steps.add(AlignStage.ID);
            steps.add(geometry.registration() != null ? ApplyRegistrationStage.ID : ApplyShiftsStage.ID);
        }
        steps.add(ReconstructStage.ID);
        steps.add(STEP);
        out.beginVolume(new VolumeStreamWriter.Volume(scan.name(), detectorRows, method.size(), method.size(),
                voxelUm, scan.energyKev(), ReconstructStage.PER_MICROMETRE, steps, ""));
        double perUm = 1.0 / voxelUm;
        IMonitor named = new Prefixed(monitor, scan.name(), true);
        new SlabwiseReconstruction(method, rings, settings.slabRows()).run(source, (z0, slices, size, slab) -> {
            // per voxel → 1/µm, as the in-memory stage does it
            for (int i = 0; i < slab.length; i++) {
                slab[i] = (float) (slab[i] * perUm);
            }
            out.writeSlab(z0, slices, slab);
        }, named);
    }

    // ------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface StageCall {
        Dataset call() throws StageException;
    }

    private static Dataset stage(Scan scan, String id, StageCall call) throws IOException {
        try {
            return call.call();
        } catch (StageException e) {
            if (e.getCause() instanceof CancellationException cancelled) {
                throw cancelled;
            }
            throw new IOException(scan.file() + ": " + e.getMessage(), e);
        }
    }

    private static void checkCancelled(IMonitor monitor, String where) {
        if (monitor.isCancelled()) {
            throw new CancellationException("streaming reconstruction cancelled " + where);
        }
    }

    private static String provenance(List<Scan> scans, Settings settings) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("step", STEP);
        ArrayNode inputs = root.putArray("inputs");
        for (Scan scan : scans) {
            inputs.addObject().put("name", scan.name()).put("file", scan.file().toAbsolutePath().toString())
                    .put("energy_kev", scan.energyKev());
        }
        ObjectNode parameters = root.putObject("settings");
        parameters.put("reduction_factor", settings.reductionFactor());
        parameters.put("slab_rows", settings.slabRows());
        parameters.put("binning", settings.binning());
        parameters.put("centre", settings.centre().automatic() ? "auto"
                : Double.isNaN(settings.centre().columnPx()) ? "middle"
                        : String.format(Locale.ROOT, "%.3f", settings.centre().columnPx()));
        parameters.put("register", settings.register());
        parameters.set(NormaliseStage.ID, json.valueToTree(Parameters.toMap(settings.normalise())));
        parameters.set(AlignStage.ID, json.valueToTree(Parameters.toMap(settings.align())));
        parameters.set(RegisterPairStage.ID, json.valueToTree(Parameters.toMap(settings.registration())));
        parameters.set(ReconstructStage.ID, json.valueToTree(Parameters.toMap(settings.reconstruct())));
        return root.toString();
    }

    /** Sub-tasks named after a scan or phase; units of work passed on or not. */
    private record Prefixed(IMonitor monitor, String name, boolean passWork) implements IMonitor {
        @Override
        public void worked(int amount) {
            if (passWork) {
                monitor.worked(amount);
            }
        }

        @Override
        public boolean isCancelled() {
            return monitor.isCancelled();
        }

        @Override
        public void subTask(String taskName) {
            monitor.subTask(name + ": " + taskName);
        }
    }
}
