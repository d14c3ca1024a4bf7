package org.edgewise.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.edgewise.api.Element;

/**
 * Sorts a run's scans into below/above-edge pairs by their energies and the tabulated K edges.
 * <pre>{@code
 * List<ScanGroups.Pair> pairs = ScanGroups.group(List.of(folder), DataExchangeReader.Metadata.none());
 * }</pre>
 */
public final class ScanGroups {

    /** A scan belongs to an element when its energy lies within this distance of the element's K edge, keV. */
    public static final double MAX_EDGE_DISTANCE_KEV = 0.15;

    /** Energies closer than this to an edge cannot be called below or above, keV. */
    public static final double MIN_EDGE_DISTANCE_KEV = 0.0005;

    private ScanGroups() {
    }

    /**
     * One classified scan.
     *
     * @param file      the file
     * @param energyKev its energy, keV
     * @param element   the element whose edge it brackets, or {@code null} when none is near
     * @param above     whether it lies above that edge
     */
    public record Scan(Path file, double energyKev, Element element, boolean above) {

        /** @return e.g. {@code "scan_05.h5: 8.313 keV → Ni below the K edge (8.333 keV)"} */
        public String describe() {
            String name = file.getFileName().toString();
            if (element == null) {
                return String.format(Locale.ROOT, "%s: %.4f keV → no Mn/Co/Ni K edge within %.0f eV", name,
                        energyKev, MAX_EDGE_DISTANCE_KEV * 1000);
            }
            return String.format(Locale.ROOT, "%s: %.4f keV → %s %s the K edge (%.3f keV)", name, energyKev,
                    element.symbol(), above ? "above" : "below", element.kEdgeKev());
        }
    }

    /**
     * The two scans of one element.
     *
     * @param element the element
     * @param below   the scan below its edge
     * @param above   the scan above its edge
     */
    public record Pair(Element element, Scan below, Scan above) {
    }

    /**
     * Classifies one energy.
     *
     * @return the scan; its element is {@code null} when no edge is near
     */
    public static Scan classify(Path file, double energyKev) {
        Element element = Element.nearestEdge(energyKev, MAX_EDGE_DISTANCE_KEV).orElse(null);
        return new Scan(file, energyKev, element, element != null && energyKev > element.kEdgeKev());
    }

    /**
     * Lists the Data Exchange files of folders (files ending {@code .h5}, {@code .hdf5}, {@code .hdf}, sorted by
     * name) and takes files as they are.
     *
     * @throws IOException if an input does not exist or a folder cannot be listed
     */
    public static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                // broken links and unreadable files are listed too: their check says what is wrong with them
                try (Stream<Path> list = Files.list(input)) {
                    list.filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return !Files.isDirectory(p) && !n.startsWith(".")
                                && (n.endsWith(".h5") || n.endsWith(".hdf5") || n.endsWith(".hdf"));
                    }).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new DataFileException(input, null, "folder cannot be listed: "
                            + org.edgewise.api.files.FileErrors.reason(e), e);
                }
            } else if (Files.exists(input) || Files.isSymbolicLink(input)) {
                files.add(input);
            } else {
                throw new DataFileException(input, null, "file or folder does not exist");
            }
        }
        return files;
    }

    /**
     * Reads the energy of every scan (from the file, or the supplied one) and pairs them.
     *
     * @param inputs   folders and/or files
     * @param supplied metadata for files that lack it
     * @return one pair per element present, in the order Mn, Co, Ni
     * @throws IOException if a file cannot be read, or the set is ambiguous or incomplete (the message lists
     *                     every scan and what it was taken for)
     */
    public static List<Pair> group(List<Path> inputs, DataExchangeReader.Metadata supplied) throws IOException {
        List<Scan> scans = new ArrayList<>();
        for (Path file : expand(inputs)) {
            try (DataExchangeReader reader = DataExchangeReader.open(file, supplied)) {
                scans.add(classify(file, reader.energyKev()));
            }
        }
        return pair(scans);
    }

    /**
     * Pairs classified scans.
     *
     * @throws ScanGroupingException if a scan matches no edge or sits on one, an element has two scans on one side,
     *                               an element lacks one side, or there are no scans
     */
    public static List<Pair> pair(List<Scan> scans) throws ScanGroupingException {
        List<String> problems = new ArrayList<>();
        if (scans.isEmpty()) {
            problems.add("no scans were found");
        }
        Map<Element, Scan> below = new EnumMap<>(Element.class);
        Map<Element, Scan> above = new EnumMap<>(Element.class);
        for (Scan scan : scans) {
            if (scan.element() == null) {
                problems.add(scan.file().getFileName() + " matches no K edge");
                continue;
            }
            if (Math.abs(scan.energyKev() - scan.element().kEdgeKev()) < MIN_EDGE_DISTANCE_KEV) {
                problems.add(scan.file().getFileName() + " lies on the " + scan.element().symbol()
                        + " edge: neither below nor above");
                continue;
            }
            Map<Element, Scan> side = scan.above() ? above : below;
            Scan previous = side.putIfAbsent(scan.element(), scan);
            if (previous != null) {
                problems.add("two scans " + (scan.above() ? "above" : "below") + " the " + scan.element().symbol()
                        + " edge: " + previous.file().getFileName() + " and " + scan.file().getFileName());
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (Element e : Element.values()) {
            boolean hasBelow = below.containsKey(e);
            boolean hasAbove = above.containsKey(e);
            if (hasBelow && hasAbove) {
                pairs.add(new Pair(e, below.get(e), above.get(e)));
            } else if (hasBelow || hasAbove) {
                problems.add(e.symbol() + " has no scan " + (hasBelow ? "above" : "below") + " its edge");
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("cannot pair the scans: ").append(String.join("; ", problems))
                    .append(". Found:");
            for (Scan scan : scans) {
                message.append("\n  ").append(scan.describe());
            }
            throw new ScanGroupingException(message.toString());
        }
        return pairs;
    }

    /** The scans of a run do not form clean below/above pairs. */
    public static final class ScanGroupingException extends IOException {
        private static final long serialVersionUID = 1L;

        ScanGroupingException(String message) {
            super(message);
        }
    }
}
