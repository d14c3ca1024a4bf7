package org.edgewise.ui.views;

import java.util.Locale;

import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.image.StackAxes;

/** How a registry entry is labelled and calibrated on screen. */
public final class DatasetDisplay {

    private DatasetDisplay() {
    }

    /**
     * @param entry a 3-D entry (projections, volume, labels, mask)
     * @return its axes: angles and pixel size for projections, voxel size for volumes; value unit
     */
    public static StackAxes axes(DatasetEntry entry) {
        if (entry.kind() == DataKind.PROJECTIONS) {
            double[] angles = PhysicalMetadata.find(entry.data()).map(PhysicalMetadata::anglesDeg)
                    .orElse(new double[0]);
            return StackAxes.projections(angles, entry.pixelSizeUm(), entry.valueUnit());
        }
        return StackAxes.volume(entry.pixelSizeUm(), entry.valueUnit());
    }

    /** @return e.g. {@code scan_05_ni_below — Ni below the K edge, 8.313 keV, 180 × 128 × 128} */
    public static String describe(DatasetEntry entry) {
        StringBuilder text = new StringBuilder(entry.name());
        if (entry.scan() != null) {
            text.append(" — ").append(entry.scan().element().symbol()).append(' ').append(entry.scan().side())
                    .append(" the K edge");
        }
        if (Double.isFinite(entry.energyKev())) {
            text.append(String.format(Locale.ROOT, ", %.3f keV", entry.energyKev()));
        }
        text.append(", ").append(entry.shapeText());
        if (Double.isFinite(entry.pixelSizeUm())) {
            text.append(String.format(Locale.ROOT, ", %.4f µm", entry.pixelSizeUm()));
        }
        return text.toString();
    }
}
