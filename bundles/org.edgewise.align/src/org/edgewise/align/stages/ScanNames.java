package org.edgewise.align.stages;

import java.util.Locale;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.metadata.PhysicalMetadata;

/** How a stage names the scan (or volume) a dataset came from in its messages. */
final class ScanNames {

    private static final String INPUT = "input:";

    private ScanNames() {
    }

    /**
     * @param dataset a dataset with {@link PhysicalMetadata}
     * @return the pipeline input it was made from (the first {@code input:} entry of its provenance) and its energy,
     *         e.g. {@code scan_02_mn_above (6.558 keV)}; without an input, {@code the 6.558 keV scan}
     */
    static String describe(Dataset dataset) {
        PhysicalMetadata metadata = PhysicalMetadata.find(dataset).orElse(null);
        if (metadata == null) {
            return "an unnamed dataset";
        }
        String energy = String.format(Locale.ROOT, "%.3f keV", metadata.energyKev());
        return metadata.provenance().stream().filter(p -> p.startsWith(INPUT)).findFirst()
                .map(p -> p.substring(INPUT.length()) + " (" + energy + ")").orElse("the " + energy + " scan");
    }
}
