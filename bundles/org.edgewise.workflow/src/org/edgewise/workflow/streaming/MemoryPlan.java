package org.edgewise.workflow.streaming;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.edgewise.api.files.InputException;
import org.edgewise.recon.SlabwiseReconstruction;

/**
 * How an analysis uses its memory budget, decided from the shapes of its inputs before any work: the in-memory path
 * (every scan and volume held whole, as {@code AnalyzeWorkflow} runs it) when it fits, else the streaming path
 * (reduced copies for the estimates, full resolution slab by slab and particle by particle), with the reduced-copy
 * factor, the slab heights and the largest particle crop that fit, and the bytes each path needs. A run that fits
 * neither way is refused with one line, {@code needs 7.2 GB of memory for ..., has 4.0 GB (--memory or -Xmx)}, an
 * {@link InputException} (exit code 3: the data are more than the memory given can take).
 * <p>
 * The model and its calibration (the in-memory path's heap measured at 64, 128 and 256 pixels) are in
 * {@code docs/large-data.md}, section "Memory and scratch". Sizes are counted as the JVM counts {@code -Xmx}:
 * 1 GB = 1024³ bytes.
 * <pre>{@code
 * MemoryPlan plan = MemoryPlan.forScans(List.of(new MemoryPlan.ScanShape(721, 1024, 1224, 20, 10)), 1,
 *         MemoryPlan.parseSize("4g"), MemoryPlan.Choice.AUTO);
 * plan.path();              // STREAMING
 * plan.reductionFactor();   // the estimates run on copies binned by this factor
 * }</pre>
 */
public final class MemoryPlan {

    /** The two ways of running an analysis. */
    public enum Path {
        /** Every scan and volume whole in memory ({@code AnalyzeWorkflow}'s pipeline). */
        IN_MEMORY,
        /** Reduced copies for the estimates, full resolution slab by slab and particle by particle. */
        STREAMING;

        /** @return the name used in messages and provenance: {@code in-memory} or {@code streaming} */
        public String id() {
            return this == IN_MEMORY ? "in-memory" : "streaming";
        }
    }

    /** What {@code --streaming} asks for. */
    public enum Choice {
        /** The in-memory path when it fits the budget, else the streaming path. */
        AUTO,
        /** Always the streaming path. */
        ON,
        /** Always the in-memory path. */
        OFF;

        /**
         * @param text {@code auto}, {@code on} or {@code off}
         * @return the choice
         * @throws IllegalArgumentException naming the option and the accepted values
         */
        public static Choice parse(String text) {
            for (Choice c : values()) {
                if (c.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return c;
                }
            }
            throw new IllegalArgumentException("--streaming must be auto, on or off, was '" + text + "'");
        }
    }

    /**
     * The shape of one raw scan as stored (before binning).
     *
     * @param angles  projections
     * @param rows    detector rows
     * @param columns detector columns
     * @param flats   flat-field frames (0 for an aligned scan)
     * @param darks   dark frames (0 for an aligned scan)
     */
    public record ScanShape(int angles, int rows, int columns, int flats, int darks) {
        public ScanShape {
            if (angles < 1 || rows < 1 || columns < 1 || flats < 0 || darks < 0) {
                throw new IllegalArgumentException("a scan has at least one projection, row and column, was "
                        + angles + " × " + rows + " × " + columns);
            }
        }
    }

    /**
     * The shape of one volume {@code [z, y, x]}, voxels.
     *
     * @param depth   z
     * @param rows    y
     * @param columns x
     */
    public record VolumeShape(int depth, int rows, int columns) {
        public VolumeShape {
            if (depth < 1 || rows < 1 || columns < 1) {
                throw new IllegalArgumentException("a volume has at least one voxel along each axis, was " + depth
                        + " × " + rows + " × " + columns);
            }
        }

        long voxels() {
            return (long) depth * rows * columns;
        }
    }

    /** The memory given is too small for the inputs; the message is one line with what is needed and what there is. */
    public static final class TooSmallException extends InputException {
        private static final long serialVersionUID = 1L;
        private final long neededBytes;
        private final long budgetBytes;

        TooSmallException(long neededBytes, long budgetBytes, String what, String hint) {
            super(null, null, "needs " + formatSize(neededBytes) + " of memory for " + what + ", has "
                    + formatSize(budgetBytes) + " (--memory or -Xmx)" + hint);
            this.neededBytes = neededBytes;
            this.budgetBytes = budgetBytes;
        }

        /** @return the bytes the smallest possible run needs */
        public long neededBytes() {
            return neededBytes;
        }

        /** @return the budget, bytes */
        public long budgetBytes() {
            return budgetBytes;
        }
    }

    // ---- the model (docs/large-data.md, "Memory and scratch"); the first three numbers are measured ----

    /**
     * Heap taken by the application itself (OSGi framework, stages, libraries, the runner) besides the data. With the
     * two factors below it puts the in-memory need at or above the smallest {@code -Xmx} measured to complete
     * {@code analyze} at 64, 128 and 256 pixels ({@code docs/large-data.md}).
     */
    static final long BASE_BYTES = 64L << 20;
    /**
     * Heap per byte of float32 projections (flats and darks included) in the in-memory path: the raw counts and
     * their normalised and aligned copies are not all alive at once.
     */
    static final double BYTES_PER_PROJECTION_BYTE = 2.0;
    /**
     * Heap per byte of float32 volume (six reconstructions) in the in-memory path, measured: the volumes with the
     * labels, hulls, depth map, Δμ, maps and standard deviations of the analysis, all held until the results file is
     * written, and the segmentation's work arrays.
     */
    static final double BYTES_PER_VOLUME_BYTE = 8.9;
    /** Largest reduced-copy factor: beyond it an estimate on a 1224-wide detector sees fewer than 150 pixels. */
    public static final int MAX_REDUCTION = 8;
    /**
     * Heap of one slab of the reconstruction per byte of {@link SlabwiseReconstruction#slabRowsFor}'s two slabs:
     * the raw rows read, their shifted and resampled copies, the filter's and the sink's buffers.
     */
    static final int RECONSTRUCTION_SLAB_WORK = 2;
    /**
     * Heap per voxel of one slice in the slab passes over a volume: float32 values, int32 labels, the threshold mask
     * and the opening's two work masks.
     */
    static final int PASS_BYTES_PER_VOXEL = 12;
    /**
     * The slab passes take at most this share (1/n) of the budget: each of their arrays is one contiguous block of
     * the heap, which a collector finds only with room to spare, and the labelling's runs grow beside them. Measured:
     * slabs sized to the whole 4 GB budget (219 of 1224 × 1224 voxels) ran out of memory in the opening.
     */
    static final int PASS_SHARE = 2;
    /** Slices added above and below a pass slab (the opening's reach and the labelling's union across borders). */
    static final int PASS_OVERLAP_SLICES = 8;
    /** Smallest slab worth running: fewer rows give more per-slab overhead than work. */
    static final int MIN_SLAB_ROWS = 8;
    /** Smallest particle crop the streaming path must be able to hold: a cube of this edge, voxels. */
    public static final int MIN_CROP_EDGE = 64;
    /** Volumes of an analysis: below and above the Ni, Mn and Co K edges. */
    static final int VOLUMES = 6;
    /** Volumes the element registration holds at once: the Ni grid and one element's pair. */
    static final int REGISTRATION_VOLUMES = 3;

    private final Path path;
    private final long budgetBytes;
    private final int bin;
    private final int reductionFactor;
    private final int reconstructionSlabRows;
    private final int passSlabRows;
    private final long cropVoxels;
    private final long inMemoryBytes;
    private final long streamingBytes;
    private final long scratchBytes;
    private final String what;

    private MemoryPlan(Path path, long budgetBytes, int bin, int reductionFactor, int reconstructionSlabRows,
            int passSlabRows, long cropVoxels, long inMemoryBytes, long streamingBytes, long scratchBytes,
            String what) {
        this.path = path;
        this.budgetBytes = budgetBytes;
        this.bin = bin;
        this.reductionFactor = reductionFactor;
        this.reconstructionSlabRows = reconstructionSlabRows;
        this.passSlabRows = passSlabRows;
        this.cropVoxels = cropVoxels;
        this.inMemoryBytes = inMemoryBytes;
        this.streamingBytes = streamingBytes;
        this.scratchBytes = scratchBytes;
        this.what = what;
    }

    /**
     * Plans an analysis of raw scans.
     *
     * @param scans       the scans' shapes as stored
     * @param bin         detector binning on input: 1, 2 or 4 (rows and columns divided, angles kept)
     * @param budgetBytes the memory to stay within, bytes (the JVM's maximum heap, or {@code --memory})
     * @param choice      what {@code --streaming} asks for
     * @return the plan
     * @throws TooSmallException if no path fits the budget (or not the one asked for)
     */
    public static MemoryPlan forScans(List<ScanShape> scans, int bin, long budgetBytes, Choice choice)
            throws TooSmallException {
        checkBin(bin);
        if (scans.isEmpty()) {
            throw new IllegalArgumentException("no scans to plan");
        }
        long projectionBytes = 0;
        long volumeBytes = 0;
        long largestFlatsBytes = 0;
        int maxAngles = 0;
        int maxRows = 0;
        int maxColumns = 0;
        for (ScanShape s : scans) {
            int rows = binned(s.rows(), bin);
            int columns = binned(s.columns(), bin);
            long pixels = (long) rows * columns;
            projectionBytes += 4L * (s.angles() + s.flats() + s.darks()) * pixels;
            volumeBytes += 4L * rows * columns * columns;
            // the averaged flat and dark images of the scan being reconstructed
            largestFlatsBytes = Math.max(largestFlatsBytes, (s.flats() > 0 ? 2 : 0) * 4L * pixels);
            maxAngles = Math.max(maxAngles, s.angles());
            maxRows = Math.max(maxRows, rows);
            maxColumns = Math.max(maxColumns, columns);
        }
        long inMemory = BASE_BYTES + round(BYTES_PER_PROJECTION_BYTE * projectionBytes)
                + round(BYTES_PER_VOLUME_BYTE * volumeBytes);
        ScanShape first = scans.get(0);
        String shape = scans.size() + " scan" + (scans.size() == 1 ? "" : "s") + " of " + first.angles() + " × "
                + first.rows() + " × " + first.columns() + " (angles × rows × columns)"
                + (bin > 1 ? " binned by " + bin : "");

        // streaming: the estimates on reduced copies, then the slab passes and the particle crops
        int factor = 0;
        for (int f = 1; f <= MAX_REDUCTION && factor == 0; f++) {
            if (reducedEstimatesBytes(scans, bin, f) <= budgetBytes) {
                factor = f;
            }
        }
        int worstFactor = factor == 0 ? MAX_REDUCTION : factor;
        long available = budgetBytes - BASE_BYTES - largestFlatsBytes;
        long perRow = reconstructionBytesPerRow(maxAngles, maxColumns);
        int minReconstructionRows = Math.min(MIN_SLAB_ROWS, maxRows);
        int reconstructionRows = available <= 0 ? 0
                : Math.min(maxRows, SlabwiseReconstruction.slabRowsFor(maxAngles, maxColumns, maxColumns,
                        available / RECONSTRUCTION_SLAB_WORK));
        if (reconstructionRows < minReconstructionRows) {
            reconstructionRows = 0;
        }
        VolumeShape volume = new VolumeShape(maxRows, maxColumns, maxColumns);
        Slabs passes = passes(volume, budgetBytes);
        long streaming = max(reducedEstimatesBytes(scans, bin, worstFactor),
                BASE_BYTES + largestFlatsBytes + perRow * minReconstructionRows,
                passes.minimumBytes, cropBytes(minimumCropVoxels(volume)));
        boolean streams = factor > 0 && reconstructionRows > 0 && passes.rows > 0 && passes.cropVoxels > 0;
        long scratch = VOLUMES * 4L * volume.voxels() + labelsBytes(volume);
        return decide(choice, budgetBytes, bin, inMemory, streaming, streams, factor, reconstructionRows, passes,
                scratch, shape);
    }

    /**
     * Plans an analysis of the volumes of a volumes file ({@code edgewise reconstruct}'s {@code volumes.h5}).
     *
     * @param volumes     the six volumes' shapes
     * @param budgetBytes the memory to stay within, bytes
     * @param choice      what {@code --streaming} asks for
     * @return the plan (its {@link #reconstructionSlabRows()} is 0: nothing is reconstructed)
     * @throws TooSmallException if no path fits the budget (or not the one asked for)
     */
    public static MemoryPlan forVolumes(List<VolumeShape> volumes, long budgetBytes, Choice choice)
            throws TooSmallException {
        if (volumes.isEmpty()) {
            throw new IllegalArgumentException("no volumes to plan");
        }
        long volumeBytes = 0;
        int depth = 0;
        int rows = 0;
        int columns = 0;
        for (VolumeShape v : volumes) {
            volumeBytes += 4L * v.voxels();
            depth = Math.max(depth, v.depth());
            rows = Math.max(rows, v.rows());
            columns = Math.max(columns, v.columns());
        }
        VolumeShape largest = new VolumeShape(depth, rows, columns);
        long inMemory = BASE_BYTES + round(BYTES_PER_VOLUME_BYTE * volumeBytes);
        int factor = 0;
        for (int f = 1; f <= MAX_REDUCTION && factor == 0; f++) {
            if (registrationBytes(largest, f) <= budgetBytes) {
                factor = f;
            }
        }
        Slabs passes = passes(largest, budgetBytes);
        long streaming = max(registrationBytes(largest, factor == 0 ? MAX_REDUCTION : factor),
                passes.minimumBytes, cropBytes(minimumCropVoxels(largest)), 0);
        boolean streams = factor > 0 && passes.rows > 0 && passes.cropVoxels > 0;
        String shape = volumes.size() + " volume" + (volumes.size() == 1 ? "" : "s") + " of " + depth + " × " + rows
                + " × " + columns + " voxels";
        return decide(choice, budgetBytes, 1, inMemory, streaming, streams, factor, 0, passes,
                labelsBytes(largest), shape);
    }

    private record Slabs(int rows, long cropVoxels, long minimumBytes) {
    }

    /** The slab passes over the Ni volume and the largest particle crop within the budget. */
    private static Slabs passes(VolumeShape volume, long budgetBytes) {
        long slice = (long) PASS_BYTES_PER_VOXEL * volume.rows() * volume.columns();
        int minRows = Math.min(MIN_SLAB_ROWS, volume.depth());
        long minimum = BASE_BYTES + PASS_SHARE * slice * (minRows + 2L * PASS_OVERLAP_SLICES);
        long available = budgetBytes - BASE_BYTES;
        long rows = available <= 0 ? 0 : available / PASS_SHARE / slice - 2L * PASS_OVERLAP_SLICES;
        int passRows = rows < minRows ? 0 : (int) Math.min(volume.depth(), rows);
        long crop = available <= 0 ? 0 : (long) (available / (BYTES_PER_VOLUME_BYTE * 4 * VOLUMES));
        long cropVoxels = Math.min(crop, volume.voxels());
        if (cropVoxels < minimumCropVoxels(volume)) {
            cropVoxels = 0;
        }
        return new Slabs(passRows, cropVoxels, minimum);
    }

    private static MemoryPlan decide(Choice choice, long budget, int bin, long inMemory, long streaming,
            boolean streams, int factor, int reconstructionRows, Slabs passes, long scratch, String shape)
            throws TooSmallException {
        boolean inMemoryFits = inMemory <= budget;
        Path path;
        switch (Objects.requireNonNull(choice, "choice")) {
        case OFF:
            if (!inMemoryFits) {
                throw new TooSmallException(inMemory, budget, "the in-memory analysis (--streaming off) of " + shape,
                        streams ? "; the streaming path (--streaming auto) fits" : hint(bin));
            }
            path = Path.IN_MEMORY;
            break;
        case ON:
            if (!streams) {
                throw new TooSmallException(streaming, budget, "the streaming analysis of " + shape, hint(bin));
            }
            path = Path.STREAMING;
            break;
        default:
            if (inMemoryFits) {
                path = Path.IN_MEMORY;
            } else if (streams) {
                path = Path.STREAMING;
            } else if (inMemory <= streaming) {
                throw new TooSmallException(inMemory, budget, "the in-memory analysis of " + shape, hint(bin));
            } else {
                throw new TooSmallException(streaming, budget, "the streaming analysis of " + shape
                        + " (in memory " + formatSize(inMemory) + ")", hint(bin));
            }
        }
        if (path == Path.IN_MEMORY) {
            return new MemoryPlan(path, budget, bin, 1, 0, 0, 0, inMemory, streaming, 0, shape);
        }
        return new MemoryPlan(path, budget, bin, factor, reconstructionRows, passes.rows, passes.cropVoxels,
                inMemory, streaming, scratch, shape);
    }

    private static String hint(int bin) {
        return bin < 4 ? "; or bin the detector on input (--bin " + (bin * 2) + ")" : "";
    }

    /**
     * The estimates on reduced copies: the six normalised scans' copies held, the alignment and pair registration
     * working on one pair at a time (the in-memory factor on the two largest copies); then the element registration.
     */
    static long reducedEstimatesBytes(List<ScanShape> scans, int bin, int f) {
        long copies = 0;
        long largest = 0;
        long second = 0;
        int rows = 0;
        int columns = 0;
        for (ScanShape s : scans) {
            int r = binned(s.rows(), bin);
            int c = binned(s.columns(), bin);
            long copy = 4L * s.angles() * ceil(r, f) * ceil(c, f);
            copies += copy;
            if (copy > largest) {
                second = largest;
                largest = copy;
            } else if (copy > second) {
                second = copy;
            }
            rows = Math.max(rows, r);
            columns = Math.max(columns, c);
        }
        long alignment = BASE_BYTES + copies + round(BYTES_PER_PROJECTION_BYTE * (largest + second));
        return Math.max(alignment, registrationBytes(new VolumeShape(rows, columns, columns), f));
    }

    /** The element registration on copies of three volumes reduced by {@code f} along each axis. */
    static long registrationBytes(VolumeShape volume, int f) {
        long reduced = (long) ceil(volume.depth(), f) * ceil(volume.rows(), f) * ceil(volume.columns(), f);
        return BASE_BYTES + round(BYTES_PER_VOLUME_BYTE * 4 * REGISTRATION_VOLUMES * reduced);
    }

    /** One detector row of the reconstruction: {@link SlabwiseReconstruction#slabRowsFor}'s model, with its work. */
    static long reconstructionBytesPerRow(int angles, int columns) {
        return RECONSTRUCTION_SLAB_WORK * 4L * ((long) angles * columns * 2 + (long) columns * columns * 2);
    }

    /** A particle crop of the six volumes with the analysis chain's work. */
    static long cropBytes(long voxels) {
        return BASE_BYTES + round(BYTES_PER_VOLUME_BYTE * 4 * VOLUMES * voxels);
    }

    private static long minimumCropVoxels(VolumeShape volume) {
        return (long) Math.min(MIN_CROP_EDGE, volume.depth()) * Math.min(MIN_CROP_EDGE, volume.rows())
                * Math.min(MIN_CROP_EDGE, volume.columns());
    }

    /**
     * Room for the particle regions' intermediate files (each region's six cropped volumes and its own results until
     * they are merged): at most one int32 per voxel of the volume, as the regions' boxes together cover less than it.
     */
    private static long labelsBytes(VolumeShape volume) {
        return 4L * volume.voxels();
    }

    private static void checkBin(int bin) {
        if (bin != 1 && bin != 2 && bin != 4) {
            throw new IllegalArgumentException("--bin must be 2 or 4 (or 1: no binning), was " + bin);
        }
    }

    private static int binned(int pixels, int bin) {
        return Math.max(1, pixels / bin);
    }

    private static int ceil(int n, int f) {
        return (n + f - 1) / f;
    }

    private static long round(double bytes) {
        return (long) Math.ceil(bytes);
    }

    private static long max(long a, long b, long c, long d) {
        return Math.max(Math.max(a, b), Math.max(c, d));
    }

    /** @return the path the analysis takes */
    public Path path() {
        return path;
    }

    /** @return whether the analysis streams */
    public boolean streaming() {
        return path == Path.STREAMING;
    }

    /** @return the memory budget, bytes */
    public long budgetBytes() {
        return budgetBytes;
    }

    /** @return the detector binning on input (1: none) */
    public int bin() {
        return bin;
    }

    /** @return the factor by which the estimates' copies are binned (1: the estimates see full resolution) */
    public int reductionFactor() {
        return reductionFactor;
    }

    /** @return detector rows per slab of the streaming reconstruction (0: in memory, or nothing to reconstruct) */
    public int reconstructionSlabRows() {
        return reconstructionSlabRows;
    }

    /** @return volume slices per slab of the streaming passes over a volume (0: in memory) */
    public int passSlabRows() {
        return passSlabRows;
    }

    /** @return voxels of the largest particle crop (six volumes) the streaming path may hold (0: in memory) */
    public long cropVoxels() {
        return cropVoxels;
    }

    /** @return the edge of a cube of {@link #cropVoxels()}, voxels */
    public int cropEdge() {
        return (int) Math.floor(Math.cbrt(cropVoxels) + 1e-9);
    }

    /** @return the heap the in-memory path needs, bytes */
    public long inMemoryBytes() {
        return inMemoryBytes;
    }

    /** @return the heap the streaming path needs at its smallest slabs and crop, bytes */
    public long streamingBytes() {
        return streamingBytes;
    }

    /** @return the heap of the chosen path, bytes */
    public long neededBytes() {
        return path == Path.IN_MEMORY ? inMemoryBytes : streamingBytes;
    }

    /** @return the scratch space the chosen path needs (the volumes file and the particle regions), bytes; 0 in memory */
    public long scratchBytes() {
        return scratchBytes;
    }

    /** @return the inputs in words, e.g. {@code 6 scans of 721 × 1024 × 1224 (angles × rows × columns)} */
    public String inputs() {
        return what;
    }

    /** @return the plan as recorded in {@code provenance.json} → {@code analysis.memory} */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", path.id());
        map.put("budgetBytes", budgetBytes);
        map.put("bin", bin);
        map.put("reductionFactor", reductionFactor);
        map.put("reconstructionSlabRows", reconstructionSlabRows);
        map.put("passSlabRows", passSlabRows);
        map.put("cropVoxels", cropVoxels);
        map.put("inMemoryBytes", inMemoryBytes);
        map.put("streamingBytes", streamingBytes);
        map.put("scratchBytes", scratchBytes);
        return map;
    }

    /** @return one line for the terminal and the log */
    @Override
    public String toString() {
        String needs = "in memory " + formatSize(inMemoryBytes) + ", streaming " + formatSize(streamingBytes)
                + ", budget " + formatSize(budgetBytes);
        if (path == Path.IN_MEMORY) {
            return "in-memory analysis of " + what + " (" + needs + ")";
        }
        return String.format(Locale.ROOT, "streaming analysis of %s: estimates on copies binned by %d, slabs of %d"
                + " rows (reconstruction) and %d slices (passes), particle crops up to %d³ voxels, scratch %s (%s)",
                what, reductionFactor, reconstructionSlabRows, passSlabRows, cropEdge(), formatSize(scratchBytes),
                needs);
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)b?", Pattern.CASE_INSENSITIVE);

    /**
     * @param text a size as {@code -Xmx} takes it: a number of bytes with an optional unit {@code k}, {@code m},
     *             {@code g} or {@code t} (powers of 1024; e.g. {@code 4g}, {@code 512m}, {@code 1.5g})
     * @return bytes
     * @throws IllegalArgumentException naming the option and the accepted form
     */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.trim());
        if (m.matches()) {
            int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
            };
            double bytes = Double.parseDouble(m.group(1)) * Math.pow(2, shift);
            if (bytes >= 1 && bytes < Long.MAX_VALUE) {
                return (long) bytes;
            }
        }
        throw new IllegalArgumentException("--memory must be a size such as 4g or 512m (bytes with an optional unit"
                + " k, m, g or t), was '" + text + "'");
    }

    /**
     * @param bytes a size
     * @return it in words as the JVM counts {@code -Xmx}: {@code 7.2 GB}, {@code 512.0 MB} (1 GB = 1024³ bytes)
     */
    public static String formatSize(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
    }
}
