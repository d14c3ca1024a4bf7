package org.edgewise.workflow;

import java.nio.file.Path;

import org.edgewise.api.Element;

/**
 * One scan of a run as the workflows see it.
 *
 * @param name      the scan's name in pipelines and results: {@code ni_above} for a scan above the Ni K edge, the
 *                  file name's stem when no edge is near; unique within a {@link Scans} list
 * @param file      the Data Exchange file
 * @param energyKev beam energy, keV (NaN when the file has none)
 * @param element   the element whose K edge the energy brackets, or null
 * @param above     whether the energy lies above that edge
 * @param aligned   true for a scan written by {@code edgewise align}: aligned line integrals, no flats or darks
 * @param columns   detector columns (0 for aligned scans, whose axis is on the central column already)
 * @param anglesDeg projection angles, degrees (empty for aligned scans)
 */
public record Scan(String name, Path file, double energyKev, Element element, boolean above, boolean aligned,
        int columns, double[] anglesDeg) {

    /** @return the file name without its extension, e.g. {@code scan_06_ni_above}: the name of its output files */
    public String stem() {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
