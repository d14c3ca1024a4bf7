package org.edgewise.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.january.dataset.FloatDataset;

/**
 * The pre-flight check of one scan file, run on every input scan before the first stage of a run: everything
 * {@link DataExchangeReader#open} checks (layout, shapes, angles, energy and pixel size with their units), then every
 * frame read once, so a damaged or truncated file is found before any work rather than after other scans were
 * processed.
 * <p>
 * What the method cannot use is a {@link DataFileException} naming the file, the dataset and the problem:
 * <ul>
 * <li>projection angles that span less than {@value #MIN_SPAN_DEG}° (a tomogram needs a half turn);</li>
 * <li>a projection in which more than {@value #MAX_UNUSABLE_SHARE} of the pixels (0.1 %) have no usable counts:
 * NaN or infinite, negative, or at or below the dark level, so no transmission can be computed (pixels where the
 * flat field itself is dark do not count: they carry no information in any projection);</li>
 * <li>a flat field in which more than {@value #MAX_DEAD_FLAT_SHARE} of the pixels are no brighter than the darks
 * (flats and darks swapped, or a closed shutter; a circular field of view leaves about 21 % of a square detector
 * dark);</li>
 * <li>for a scan written by {@code edgewise align}, a projection with more than that share of non-finite line
 * integrals.</li>
 * </ul>
 * What it can use with caveats (fewer such pixels: the normalisation replaces them by their neighbours' median or
 * clamps them) is listed in {@link #warnings()}, which the runner records in the run's provenance.
 * <p>
 * A file's check is remembered for as long as the file is unchanged (same size, modification time and file key), so
 * a command's own check and the pipeline's reading of the same file read it once.
 * <pre>{@code
 * ScanCheck scan = ScanCheck.of(Path.of("scan_05_ni_below.h5"));   // DataFileException if unusable
 * scan.warnings().forEach(System.err::println);
 * }</pre>
 *
 * @param file        the file
 * @param aligned     true for a scan written by {@code edgewise align} (aligned line integrals, no flats or darks)
 * @param energyKev   beam energy, keV (converted from the file's units)
 * @param pixelSizeUm pixel size, µm (converted from the file's units)
 * @param rows        detector rows
 * @param columns     detector columns
 * @param anglesDeg   projection angles, degrees (converted from the file's units)
 * @param warnings    what can be used only with caveats, one line each naming the file and dataset
 */
public record ScanCheck(Path file, boolean aligned, double energyKev, double pixelSizeUm, int rows, int columns,
        double[] anglesDeg, List<String> warnings) {

    /** Largest share of pixels of one projection (or of the flat field) that may lack usable counts. */
    public static final double MAX_UNUSABLE_SHARE = 0.001;
    /** Largest share of flat-field pixels that may be no brighter than the darks. */
    public static final double MAX_DEAD_FLAT_SHARE = 0.5;
    /** Smallest span of projection angles, degrees (a half turn; one angular step beyond the last angle counts). */
    public static final double MIN_SPAN_DEG = 179.5;

    private static final int SLAB = 16;
    /** Checks remembered: enough for every scan of a few runs, bounded for a long workbench session. */
    private static final int REMEMBERED = 64;
    private static final Map<Key, ScanCheck> CHECKED = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, ScanCheck> eldest) {
                    return size() > REMEMBERED;
                }
            });

    public ScanCheck {
        anglesDeg = anglesDeg.clone();
        warnings = List.copyOf(warnings);
    }

    @Override
    public double[] anglesDeg() {
        return anglesDeg.clone();
    }

    /** @return the number of projections */
    public int angleCount() {
        return anglesDeg.length;
    }

    /** The identity of a file's content as far as the file system tells it. */
    private record Key(Path path, long size, long modifiedNanos, Object fileKey) {
        static Key of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Key(file.toRealPath(), attributes.size(), attributes.lastModifiedTime()
                    .to(java.util.concurrent.TimeUnit.NANOSECONDS), attributes.fileKey());
        }
    }

    /**
     * Checks a scan, or returns the remembered check of the unchanged file.
     *
     * @param file a Data Exchange scan (raw, or written by {@code edgewise align})
     * @return what the check found
     * @throws DataFileException naming the file, the dataset and the problem
     */
    public static ScanCheck of(Path file) throws DataFileException {
        Hdf5Files.checkFile(file);
        Key key;
        try {
            key = Key.of(file);
        } catch (IOException e) {
            throw new DataFileException(file, null, "cannot be read: " + org.edgewise.api.files.FileErrors.reason(e),
                    e);
        }
        ScanCheck known = CHECKED.get(key);
        if (known != null) {
            return known;
        }
        ScanCheck checked = check(file);
        CHECKED.put(key, checked);
        return checked;
    }

    private static ScanCheck check(Path file) throws DataFileException {
        try (DataExchangeReader reader = DataExchangeReader.open(file)) {
            double[] angles = reader.anglesDeg();
            checkAngles(file, angles);
            List<String> warnings = new ArrayList<>();
            if (reader.isAligned()) {
                checkLineIntegrals(reader, warnings);
            } else {
                float[] dark = medianFrame(reader.darks());
                float[] flat = medianFrame(reader.flats());
                checkFlats(reader, flat, dark, warnings);
                checkCounts(reader, flat, dark, warnings);
            }
            return new ScanCheck(file, reader.isAligned(), reader.energyKev(), reader.pixelSizeUm(), reader.rows(),
                    reader.columns(), angles, warnings);
        }
    }

    /**
     * @param file      for messages
     * @param anglesDeg projection angles, degrees
     * @throws DataFileException if they span less than a half turn
     */
    static void checkAngles(Path file, double[] anglesDeg) throws DataFileException {
        double min = Arrays.stream(anglesDeg).min().orElse(0);
        double max = Arrays.stream(anglesDeg).max().orElse(0);
        int n = anglesDeg.length;
        double span = n > 1 ? (max - min) * n / (n - 1) : 0; // one step beyond the last angle closes the half turn
        if (span < MIN_SPAN_DEG) {
            String hint = n > 2 && max - min > 0 && max - min <= 2 * Math.PI + 1e-6
                    ? "; they look like radians: set the dataset's units attribute to rad" : "";
            throw new DataFileException(file, DataExchange.THETA, String.format(Locale.ROOT, "projection angles span"
                    + " only %.2f° (%.2f° to %.2f° in %d projections): a tomogram needs at least 180°%s", span, min,
                    max, n, hint));
        }
    }

    private static void checkFlats(DataExchangeReader reader, float[] flat, float[] dark, List<String> warnings)
            throws DataFileException {
        long dead = 0;
        for (int i = 0; i < flat.length; i++) {
            if (!(flat[i] > dark[i])) {
                dead++;
            }
        }
        if (dead == 0) {
            return;
        }
        String what = String.format(Locale.ROOT, "%d of %d pixels (%s) of the flat field are no brighter than the"
                + " darks (%s)", dead, flat.length, percent(dead, flat.length), DataExchange.DARK);
        if (dead > MAX_DEAD_FLAT_SHARE * flat.length) {
            throw new DataFileException(reader.file(), DataExchange.WHITE, what + ": are flats and darks swapped? At"
                    + " most " + percent(MAX_DEAD_FLAT_SHARE) + " of the pixels may be dark in the flat field");
        }
        warnings.add(reader.file() + ": " + DataExchange.WHITE + ": " + what + "; their line integrals are set to 0");
    }

    private static void checkCounts(DataExchangeReader reader, float[] flat, float[] dark, List<String> warnings)
            throws DataFileException {
        int pixels = reader.rows() * reader.columns();
        long total = 0;
        int projections = 0;
        for (int first = 0; first < reader.angleCount(); first += SLAB) {
            int count = Math.min(SLAB, reader.angleCount() - first);
            float[] slab = reader.readProjections(first, count).getData();
            for (int a = 0; a < count; a++) {
                long nonFinite = 0;
                long negative = 0;
                long atDark = 0;
                int base = a * pixels;
                for (int i = 0; i < pixels; i++) {
                    float v = slab[base + i];
                    if (!(flat[i] > dark[i])) {
                        continue; // no information in any projection: the normalisation sets it to 0
                    }
                    if (!Float.isFinite(v)) {
                        nonFinite++;
                    } else if (v < 0) {
                        negative++;
                    } else if (v <= dark[i]) {
                        atDark++;
                    }
                }
                long bad = nonFinite + negative + atDark;
                if (bad == 0) {
                    continue;
                }
                if (bad > MAX_UNUSABLE_SHARE * pixels) {
                    throw new DataFileException(reader.file(), DataExchange.DATA, String.format(Locale.ROOT,
                            "projection %d has %d of %d pixels (%s) without usable counts (%d NaN or infinite, %d"
                                    + " negative, %d at or below the dark level) in %s; at most %s of a projection"
                                    + " can be replaced or clamped", first + a, bad, pixels, percent(bad, pixels),
                            nonFinite, negative, atDark, where(slab, base, reader.rows(), reader.columns(), flat,
                                    dark),
                            percent(MAX_UNUSABLE_SHARE)));
                }
                total += bad;
                projections++;
            }
        }
        if (total > 0) {
            warnings.add(String.format(Locale.ROOT, "%s: %s: %d pixel(s) in %d projection(s) have no usable counts"
                    + " (NaN, negative or at the dark level); they are replaced by their neighbours' median or"
                    + " clamped", reader.file(), DataExchange.DATA, total, projections));
        }
    }

    private static void checkLineIntegrals(DataExchangeReader reader, List<String> warnings)
            throws DataFileException {
        int pixels = reader.rows() * reader.columns();
        long total = 0;
        for (int first = 0; first < reader.angleCount(); first += SLAB) {
            int count = Math.min(SLAB, reader.angleCount() - first);
            float[] slab = reader.readProjections(first, count).getData();
            for (int a = 0; a < count; a++) {
                long bad = 0;
                for (int i = a * pixels; i < (a + 1) * pixels; i++) {
                    bad += Float.isFinite(slab[i]) ? 0 : 1;
                }
                if (bad > MAX_UNUSABLE_SHARE * pixels) {
                    throw new DataFileException(reader.file(), DataExchange.DATA, String.format(Locale.ROOT,
                            "aligned projection %d has %d of %d values (%s) NaN or infinite; at most %s are"
                                    + " accepted", first + a, bad, pixels, percent(bad, pixels),
                            percent(MAX_UNUSABLE_SHARE)));
                }
                total += bad;
            }
        }
        if (total > 0) {
            warnings.add(reader.file() + ": " + DataExchange.DATA + ": " + total + " aligned value(s) are NaN or"
                    + " infinite");
        }
    }

    /** @return the rows and columns that hold the unusable pixels of one projection, e.g. "rows 10–19, columns 4–9" */
    private static String where(float[] slab, int base, int rows, int columns, float[] flat, float[] dark) {
        int rowMin = rows;
        int rowMax = -1;
        int colMin = columns;
        int colMax = -1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int i = r * columns + c;
                float v = slab[base + i];
                if (flat[i] > dark[i] && (!Float.isFinite(v) || v < 0 || v <= dark[i])) {
                    rowMin = Math.min(rowMin, r);
                    rowMax = Math.max(rowMax, r);
                    colMin = Math.min(colMin, c);
                    colMax = Math.max(colMax, c);
                }
            }
        }
        return "rows " + rowMin + "–" + rowMax + ", columns " + colMin + "–" + colMax;
    }

    /** @return the per-pixel median over the frames of {@code [frame, row, column]}, ignoring non-finite values */
    private static float[] medianFrame(FloatDataset frames) {
        int[] shape = frames.getShape();
        int pixels = shape[1] * shape[2];
        float[] values = frames.getData();
        float[] median = new float[pixels];
        float[] column = new float[shape[0]];
        for (int i = 0; i < pixels; i++) {
            int n = 0;
            for (int f = 0; f < shape[0]; f++) {
                float v = values[f * pixels + i];
                if (Float.isFinite(v)) {
                    column[n++] = v;
                }
            }
            if (n == 0) {
                median[i] = Float.NaN;
                continue;
            }
            Arrays.sort(column, 0, n);
            median[i] = n % 2 == 1 ? column[n / 2] : 0.5f * (column[n / 2 - 1] + column[n / 2]);
        }
        return median;
    }

    private static String percent(long part, long whole) {
        return percent((double) part / whole);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, share >= 0.01 ? "%.1f %%" : "%.2g %%", 100 * share);
    }
}
