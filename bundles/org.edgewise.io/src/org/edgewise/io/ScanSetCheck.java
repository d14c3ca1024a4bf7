package org.edgewise.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edgewise.api.Element;
import org.edgewise.api.files.InputException;

/**
 * The up-front check of every scan of a run, before any stage runs: the same for {@code align}, {@code reconstruct},
 * {@code analyze}, batch runs and the workbench. Each file gets its full {@link ScanCheck} (every frame read once);
 * then, when the scans are to be registered in energy pairs, every raw scan must belong to exactly one complete pair.
 * What cannot be used is an {@link InputException} naming the file, the dataset and the problem:
 * <ul>
 * <li>an energy more than {@value ScanGroups#MAX_EDGE_DISTANCE_KEV} keV from every Mn, Co and Ni K edge, or less than
 * {@value ScanGroups#MIN_EDGE_DISTANCE_KEV} keV from one (neither below nor above it);</li>
 * <li>a second scan on the same side of the same edge (a duplicated energy);</li>
 * <li>a scan whose partner on the other side of its edge is missing.</li>
 * </ul>
 * A single raw scan is aligned and reconstructed on its own; scans written by {@code edgewise align} are registered
 * already and need no partner.
 * <pre>{@code
 * ScanSetCheck run = ScanSetCheck.of(List.of(folder), true);   // InputException: "scan_05.h5: ...: ..."
 * run.warnings().forEach(err::println);
 * }</pre>
 *
 * @param scans    every scan file's check, in the order of {@link ScanGroups#expand}
 * @param pairs    the energy pairs of the raw scans (empty when not paired)
 * @param warnings what the scans can be used for only with caveats, one line each naming the file
 */
public record ScanSetCheck(List<ScanCheck> scans, List<ScanGroups.Pair> pairs, List<String> warnings) {

    public ScanSetCheck {
        scans = List.copyOf(scans);
        pairs = List.copyOf(pairs);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param inputs   Data Exchange files or folders of them
     * @param paired   true when the raw scans are registered in energy pairs: with more than one raw scan, each must
     *                 then belong to one complete pair
     * @return what the check found
     * @throws InputException naming the file (or folder) and the problem
     */
    public static ScanSetCheck of(List<Path> inputs, boolean paired) throws InputException {
        List<Path> files;
        try {
            files = ScanGroups.expand(inputs);
        } catch (InputException e) {
            throw e;
        } catch (IOException e) {
            throw new InputException(null, null, "cannot list the inputs " + inputs + ": "
                    + org.edgewise.api.files.FileErrors.describe(e), e);
        }
        if (files.isEmpty()) {
            Path where = inputs.size() == 1 ? inputs.get(0) : null;
            throw new InputException(where, null, "holds no Data Exchange files (.h5, .hdf5, .hdf)"
                    + (where == null ? " in " + inputs : ""));
        }
        List<ScanCheck> scans = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path file : files) {
            ScanCheck scan = ScanCheck.of(file);
            scans.add(scan);
            warnings.addAll(scan.warnings());
        }
        List<ScanCheck> raw = scans.stream().filter(scan -> !scan.aligned()).toList();
        List<ScanGroups.Pair> pairs = paired && raw.size() > 1 ? pair(raw) : List.of();
        return new ScanSetCheck(scans, pairs, warnings);
    }

    /** Every scan in one complete pair, or an error naming the first scan that is not. */
    private static List<ScanGroups.Pair> pair(List<ScanCheck> raw) throws InputException {
        Map<Element, ScanGroups.Scan> below = new EnumMap<>(Element.class);
        Map<Element, ScanGroups.Scan> above = new EnumMap<>(Element.class);
        for (ScanCheck scan : raw) {
            ScanGroups.Scan classified = ScanGroups.classify(scan.file(), scan.energyKev());
            Element element = classified.element();
            if (element == null) {
                throw new InputException(scan.file(), DataExchange.ENERGY, String.format(Locale.ROOT, "%.4f keV is"
                        + " more than %.0f eV from every K edge (Mn %.3f, Co %.3f, Ni %.3f keV), so it has no pair;"
                        + " accepted: energies within %.0f eV below or above one of these edges", scan.energyKev(),
                        ScanGroups.MAX_EDGE_DISTANCE_KEV * 1000, Element.MN.kEdgeKev(), Element.CO.kEdgeKev(),
                        Element.NI.kEdgeKev(), ScanGroups.MAX_EDGE_DISTANCE_KEV * 1000));
            }
            if (Math.abs(scan.energyKev() - element.kEdgeKev()) < ScanGroups.MIN_EDGE_DISTANCE_KEV) {
                throw new InputException(scan.file(), DataExchange.ENERGY, String.format(Locale.ROOT, "%.4f keV lies"
                        + " on the %s K edge (%.4f keV): neither below nor above it; accepted: at least %.1f eV away",
                        scan.energyKev(), element.symbol(), element.kEdgeKev(),
                        ScanGroups.MIN_EDGE_DISTANCE_KEV * 1000));
            }
            Map<Element, ScanGroups.Scan> side = classified.above() ? above : below;
            ScanGroups.Scan first = side.putIfAbsent(element, classified);
            if (first != null) {
                throw new InputException(scan.file(), DataExchange.ENERGY, String.format(Locale.ROOT, "%.4f keV is a"
                        + " second scan %s the %s K edge (the first is %s at %.4f keV); accepted: one scan on each"
                        + " side of each edge", scan.energyKev(), side == above ? "above" : "below",
                        element.symbol(), first.file().getFileName(), first.energyKev()));
            }
        }
        List<ScanGroups.Pair> pairs = new ArrayList<>();
        for (Element element : Element.values()) {
            ScanGroups.Scan lower = below.get(element);
            ScanGroups.Scan upper = above.get(element);
            if (lower != null && upper != null) {
                pairs.add(new ScanGroups.Pair(element, lower, upper));
            } else if (lower != null || upper != null) {
                ScanGroups.Scan alone = lower != null ? lower : upper;
                throw new InputException(alone.file(), DataExchange.ENERGY, String.format(Locale.ROOT, "%.4f keV is"
                        + " %s the %s K edge, but no scan %s it was given, so it cannot be registered; accepted: both"
                        + " scans of each element, or a single scan on its own", alone.energyKev(),
                        alone.above() ? "above" : "below", element.symbol(), alone.above() ? "below" : "above"));
            }
        }
        return pairs;
    }
}
