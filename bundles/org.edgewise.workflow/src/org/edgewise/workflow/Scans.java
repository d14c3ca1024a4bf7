package org.edgewise.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.edgewise.api.Element;
import org.edgewise.io.DataExchange;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.DataFileException;
import org.edgewise.io.ScanGroups;

/**
 * Finds and names the scans of a run, and pairs them by K edge: the first thing every workflow on Data Exchange
 * files does.
 * <pre>{@code
 * List<Scan> scans = Scans.read(List.of(Path.of("run")));     // ni_above, ni_below, ...
 * List<Scans.Pair> pairs = Scans.pairs(scans);                  // Mn, Co, Ni pairs, or a ScanGroupingException
 * }</pre>
 */
public final class Scans {

    private Scans() {
    }

    /**
     * The two scans of one element.
     *
     * @param element the element
     * @param below   the scan below its K edge (the reference of a registration)
     * @param above   the scan above it
     */
    public record Pair(Element element, Scan below, Scan above) {
    }

    /**
     * Reads the metadata (energy, columns, angles) of every Data Exchange file of the inputs and names the scans.
     *
     * @param inputs Data Exchange files or folders of them (a folder's {@code .h5}, {@code .hdf5}, {@code .hdf} files
     *               in name order)
     * @return the scans in input order
     * @throws IOException if an input does not exist, holds no Data Exchange file, or a file cannot be read (a
     *                     {@link DataFileException} names the file)
     */
    public static List<Scan> read(List<Path> inputs) throws IOException {
        List<Path> files = ScanGroups.expand(inputs);
        if (files.isEmpty()) {
            throw new IOException("no Data Exchange files (.h5, .hdf5, .hdf) in " + inputs);
        }
        List<Scan> scans = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            if (DataExchange.isAligned(file)) {
                double energyKev = DataExchange.energyKev(file);
                ScanGroups.Scan classified = ScanGroups.classify(file, energyKev);
                scans.add(new Scan(unique(name(classified), names), file, energyKev, classified.element(),
                        classified.above(), true, 0, new double[0]));
            } else {
                try (DataExchangeReader reader = DataExchangeReader.open(file)) {
                    ScanGroups.Scan classified = ScanGroups.classify(file, reader.energyKev());
                    scans.add(new Scan(unique(name(classified), names), file, reader.energyKev(),
                            classified.element(), classified.above(), false, reader.columns(), reader.anglesDeg()));
                }
            }
        }
        return scans;
    }

    /**
     * @param scans scans of one run
     * @return one pair per element present, in the order Mn, Co, Ni
     * @throws ScanGroups.ScanGroupingException if a scan matches no edge or sits on one, an element has two scans on
     *                                          one side or lacks one (the message lists every scan)
     */
    public static List<Pair> pairs(List<Scan> scans) throws ScanGroups.ScanGroupingException {
        List<ScanGroups.Scan> classified = new ArrayList<>();
        for (Scan scan : scans) {
            classified.add(ScanGroups.classify(scan.file(), scan.energyKev()));
        }
        List<Pair> pairs = new ArrayList<>();
        for (ScanGroups.Pair pair : ScanGroups.pair(classified)) {
            pairs.add(new Pair(pair.element(), byFile(scans, pair.below().file()), byFile(scans,
                    pair.above().file())));
        }
        return pairs;
    }

    private static Scan byFile(List<Scan> scans, Path file) {
        return scans.stream().filter(scan -> scan.file().equals(file)).findFirst().orElseThrow();
    }

    /** @return {@code ni_above} for a scan above the Ni edge; the file name's stem when no edge is near */
    private static String name(ScanGroups.Scan scan) {
        if (scan.element() != null) {
            return scan.element().symbol().toLowerCase(Locale.ROOT) + (scan.above() ? "_above" : "_below");
        }
        String stem = scan.file().getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return stem.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }
}
