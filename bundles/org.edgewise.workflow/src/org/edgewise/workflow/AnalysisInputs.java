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
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.ResultsFile;
import org.edgewise.io.ScanGroups;

/**
 * The checks of the gradient analysis's inputs, made before any work: every scan has an energy and the size of the
 * others, every energy lies at a K edge of Ni, Mn or Co, every edge has a scan below and one above, and the Ni
 * above-edge scan shows something in its field of view; or, for an intermediate {@code volumes.h5}, it holds the six
 * volumes. A problem is an {@link IOException} whose message is one line naming the file and the problem.
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
            throw new IOException("no input: give a folder of Data Exchange scans or a volumes.h5");
        }
        if (inputs.size() == 1 && Files.isRegularFile(inputs.get(0)) && isVolumes(inputs.get(0))) {
            for (Element e : Element.values()) {
                String name = e.symbol().toLowerCase(Locale.ROOT);
                List<String> names = ResultsFile.volumeNames(inputs.get(0));
                for (String side : List.of("_below", "_above")) {
                    if (!names.contains(name + side)) {
                        throw new IOException(inputs.get(0) + ": no volume " + name + side + "; volumes are " + names);
                    }
                }
            }
            return new Input(List.of(), inputs.get(0), List.copyOf(inputs));
        }
        List<Path> files = ScanGroups.expand(inputs);
        if (files.isEmpty()) {
            throw new IOException(inputs + ": no Data Exchange files (.h5, .hdf5, .hdf)");
        }
        List<ScanGroups.Scan> scans = new ArrayList<>();
        int[] size = null;
        Path first = null;
        for (Path file : files) {
            try (DataExchangeReader reader = DataExchangeReader.open(file)) {
                int[] s = { reader.rows(), reader.columns() };
                if (size == null) {
                    size = s;
                    first = file;
                } else if (s[0] != size[0] || s[1] != size[1]) {
                    throw new IOException(file + ": scan of " + s[0] + "×" + s[1] + " pixels, but " + first
                            + " has " + size[0] + "×" + size[1]);
                }
                ScanGroups.Scan scan = ScanGroups.classify(file, reader.energyKev());
                if (scan.element() == null) {
                    throw new IOException(file + ": energy " + reader.energyKev() + " keV lies near no K edge of Ni,"
                            + " Mn or Co (within " + ScanGroups.MAX_EDGE_DISTANCE_KEV * 1000 + " eV)");
                }
                scans.add(scan);
            }
        }
        for (Element e : Element.values()) {
            List<ScanGroups.Scan> of = scans.stream().filter(s -> s.element() == e).toList();
            boolean below = of.stream().anyMatch(s -> !s.above());
            boolean above = of.stream().anyMatch(ScanGroups.Scan::above);
            if (below != above) {
                throw new IOException(of.get(0).file() + ": no scan " + (below ? "above" : "below") + " the "
                        + e.symbol() + " edge to pair it with");
            }
        }
        List<ScanGroups.Pair> pairs = ScanGroups.pair(scans);
        for (Element e : Element.values()) {
            if (pairs.stream().noneMatch(p -> p.element() == e)) {
                throw new IOException(inputs.get(0) + ": no scans at the " + e.symbol() + " edge; the analysis"
                        + " needs below and above scans of Ni, Mn and Co");
            }
        }
        ScanGroups.Pair ni = pairs.stream().filter(p -> p.element() == Element.NI).findFirst().orElseThrow();
        checkSomethingInView(ni.above().file());
        return new Input(List.copyOf(files), null, List.copyOf(inputs));
    }

    private static boolean isVolumes(Path file) {
        try {
            return !ResultsFile.volumeNames(file).isEmpty();
        } catch (IOException e) {
            return false;
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
                throw new IOException(file + ": no particle in the field of view (largest absorption "
                        + String.format(Locale.ROOT, "%.4f", max - median) + " above the background, noise "
                        + String.format(Locale.ROOT, "%.4f", sigma) + ")");
            }
        }
    }
}
