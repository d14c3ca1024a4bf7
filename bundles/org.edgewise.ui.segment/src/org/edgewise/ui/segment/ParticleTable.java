package org.edgewise.ui.segment;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.DatasetException;
import org.edgewise.api.tables.TableMetadata;
import org.edgewise.api.tables.Tables;
import org.edgewise.ui.data.DatasetEntry;

/**
 * The particle table of a segmentation, read by column name: label, envelope volume, equivalent diameter, Feret
 * ratio, centroid, and whether the field of view cuts the particle.
 */
public final class ParticleTable {

    /** Column names of the segmentation's particle table (the segment stage's table). */
    static final String PARTICLE = "particle";
    static final String VOLUME_UM3 = "volume_um3";
    static final String EQUIV_DIAMETER_UM = "equiv_diameter_um";
    static final String FERET_RATIO = "feret_ratio";
    static final String CENTROID_Z_UM = "centroid_z_um";
    static final String CENTROID_Y_UM = "centroid_y_um";
    static final String CENTROID_X_UM = "centroid_x_um";
    static final String CUT_BY_FOV = "cut_by_fov";

    /**
     * One particle.
     *
     * @param label            its label
     * @param volumeUm3        envelope volume, µm³
     * @param equivDiameterUm  equivalent-sphere diameter, µm
     * @param feretRatio       smallest over largest orthogonal caliper
     * @param centroidUm       {@code {z, y, x}}, µm
     * @param cutByFieldOfView whether it touches a face of the volume
     */
    public record Row(int label, double volumeUm3, double equivDiameterUm, double feretRatio, double[] centroidUm,
            boolean cutByFieldOfView) {
    }

    private ParticleTable() {
    }

    /**
     * @param entry a registry entry
     * @return true if it is a particle table (a table with the particle and Feret columns)
     */
    public static boolean isParticleTable(DatasetEntry entry) {
        if (entry.kind() != org.edgewise.api.stages.DataKind.TABLE) {
            return false;
        }
        TableMetadata columns = entry.data().getFirstMetadata(TableMetadata.class);
        return columns != null && columns.names().contains(PARTICLE) && columns.names().contains(FERET_RATIO);
    }

    /**
     * @param entry a particle table
     * @return its rows, in table order
     * @throws DatasetException if the table cannot be read
     */
    public static List<Row> rows(DatasetEntry entry) throws DatasetException {
        Dataset table = DatasetUtils.sliceAndConvertLazyDataset(entry.data());
        if (table.getFirstMetadata(TableMetadata.class) == null) {
            table.setMetadata(entry.data().getFirstMetadata(TableMetadata.class));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Tables.rows(table); i++) {
            rows.add(new Row((int) Math.round(Tables.get(table, i, PARTICLE)), Tables.get(table, i, VOLUME_UM3),
                    Tables.get(table, i, EQUIV_DIAMETER_UM), Tables.get(table, i, FERET_RATIO),
                    new double[] { Tables.get(table, i, CENTROID_Z_UM), Tables.get(table, i, CENTROID_Y_UM),
                        Tables.get(table, i, CENTROID_X_UM) },
                    Tables.has(table, CUT_BY_FOV) && Tables.get(table, i, CUT_BY_FOV) != 0));
        }
        return rows;
    }
}
