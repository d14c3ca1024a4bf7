package org.edgewise.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.files.InputException;
import org.edgewise.io.DataExchange;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.ResultsFile;
import org.edgewise.io.ScanCheck;
import org.edgewise.io.ScanGroups;
import org.edgewise.io.ScanSetCheck;

/**
 * The checks of the gradient analysis's inputs, made before any work: first those every command makes
 * ({@link ScanSetCheck}: each file whole with its units, each raw scan in one complete energy pair), then the
 * analysis's own: every scan has the size of the others, each of the Ni, Mn and Co edges has a scan below and one
 * above, and the Ni above-edge scan shows something in its field of view; or, for an intermediate
 * {@code volumes.h5}, it holds the six volumes. A problem is an {@link InputException} whose message is one line
 * naming the file and the problem.
 * <pre>{@code
 * AnalysisInputs.Input input = AnalysisInputs.check(List.of(folder));   // input.scans() or input.volumes()
 * }</pre>
 */
public final class AnalysisInputs {

    private AnalysisInputs() {
    }

    /**
     * What the inputs are.
     *
     * @param scans   the Data Exchange files found (empty for a volumes file)
     * @param volumes the intermediate volumes file, or null
     * @param given   the inputs as given
     */
    public record Input(List<Path> scans, Path volumes, List<Path> given) {
    }

    /**
     * @param inputs folders or files of Data Exchange scans, or one {@code volumes.h5}
     * @return what they are
     * @throws IOException naming the file and the problem in one line
     */
    public static Input check(List<Path> inputs) throws IOException {
        if (inputs == null || inputs.isEmpty()) {
            throw new InputException(null, null, "no input: give a folder of Data Exchange scans or a volumes.h5");
        }
        if (inputs.size() == 1 && Files.isRegularFile(inputs.get(0)) && isVolumes(inputs.get(0))) {
            List<String> names = ResultsFile.volumeNames(inputs.get(0));
            for (Element e : Element.values()) {
                String name = e.symbol().toLowerCase(Locale.ROOT);
                for (String side : List.of("_below", "_above")) {
                    if (!names.contains(name + side)) {
                        throw new InputException(inputs.get(0), null, "no volume " + name + side + "; volumes are "
                                + names);
                    }
                }
            }
            return new Input(List.of(), inputs.get(0), List.copyOf(inputs));
        }
        // the checks every command makes: each file whole (layout, units, counts), each raw scan in one pair
        ScanSetCheck set = ScanSetCheck.of(inputs, true);
        ScanCheck first = set.scans().get(0);
        for (ScanCheck scan : set.scans()) {
            if (scan.rows() != first.rows() || scan.columns() != first.columns()) {
                throw new InputException(scan.file(), DataExchange.DATA, "scan of " + scan.rows() + "×"
                        + scan.columns() + " pixels, but " + first.file().getFileName() + " has " + first.rows()
                        + "×" + first.columns() + "; accepted: scans of one size");
            }
        }
        List<ScanGroups.Scan> scans = new ArrayList<>();
        for (ScanCheck scan : set.scans()) {
            scans.add(ScanGroups.classify(scan.file(), scan.energyKev()));
        }
        List<ScanGroups.Pair> pairs = ScanGroups.pair(scans);
        for (Element e : Element.values()) {
            if (pairs.stream().noneMatch(p -> p.element() == e)) {
                Path where = inputs.size() == 1 ? inputs.get(0) : null;
                throw new InputException(where, null, "no scans at the " + e.symbol() + " edge"
                        + (where == null ? " in " + inputs : "") + "; the analysis needs a scan below and one above"
                        + " each of the Ni, Mn and Co K edges");
            }
        }
        ScanGroups.Pair ni = pairs.stream().filter(p -> p.element() == Element.NI).findFirst().orElseThrow();
        checkSomethingInView(ni.above().file());
        return new Input(set.scans().stream().map(ScanCheck::file).toList(), null, List.copyOf(inputs));
    }

    private static boolean isVolumes(Path file) {
        try {
            return !ResultsFile.volumeNames(file).isEmpty();
        } catch (IOException | RuntimeException e) {
            return false; // the scan checks name what is wrong with the file (the HDF5 library throws unchecked)
        }
    }

    /** A field with no particle: no projection pixel absorbs measurably more than the flat-field noise allows. */
    private static void checkSomethingInView(Path file) throws IOException {
        try (DataExchangeReader reader = DataExchangeReader.open(file)) {
            float[] p = FlatArrays.floats(reader.readProjections(0, 1));
            float[] flats = FlatArrays.floats(reader.flats().mean(0));
            float[] darks = FlatArrays.floats(reader.darks().mean(0));
            int rows = reader.rows();
            int cols = reader.columns();
            // line integrals averaged over 4×4 blocks against their own noise
            int block = 4;
            List<Double> values = new ArrayList<>();
            for (int r = 0; r + block <= rows; r += block) {
                for (int c = 0; c + block <= cols; c += block) {
                    double s = 0;
                    for (int i = 0; i < block; i++) {
                        for (int j = 0; j < block; j++) {
                            int k = (r + i) * cols + c + j;
                            double t = (p[k] - darks[k]) / Math.max(1e-6, flats[k] - darks[k]);
                            s += -Math.log(Math.max(1e-6, t));
                        }
                    }
                    values.add(s / (block * block));
                }
            }
            values.sort(Comparator.naturalOrder());
            double median = values.get(values.size() / 2);
            List<Double> deviations = new ArrayList<>();
            for (double v : values) {
                deviations.add(Math.abs(v - median));
            }
            deviations.sort(Comparator.naturalOrder());
            double sigma = 1.4826 * deviations.get(deviations.size() / 2);
            double max = values.get(values.size() - 1);
            if (!(max - median > Math.max(10 * sigma, 0.02))) {
                throw new InputException(file, DataExchange.DATA, "no particle in the field of view (largest"
                        + " absorption " + String.format(Locale.ROOT, "%.4f", max - median) + " above the background,"
                        + " noise " + String.format(Locale.ROOT, "%.4f", sigma) + "); the analysis needs at least"
                        + " one particle in the Ni above-edge scan");
            }
        }
    }
}
