package org.edgewise.ui.data;

import java.util.Objects;

/**
 * The particle a user picked (in the particle table, or by clicking a label): every view that shows particles
 * follows it through the window's selection, without knowing which view made it.
 *
 * @param table      the particle table's registry entry
 * @param label      the particle's label (1..n) in the label images computed with that table
 * @param centroidUm its centroid {@code {z, y, x}}, µm from the centre of voxel {@code [0, 0, 0]}
 */
public record ParticleSelection(DatasetEntry table, int label, double[] centroidUm) {

    public ParticleSelection {
        Objects.requireNonNull(table, "table");
        if (label < 1) {
            throw new IllegalArgumentException("particle labels start at 1, was " + label);
        }
        centroidUm = centroidUm.clone();
    }

    /**
     * @param voxelUm the voxel size of the volume it is shown in, µm
     * @return the voxel {@code [z, y, x]} nearest the centroid
     */
    public int[] centroidVoxel(double voxelUm) {
        return new int[] { (int) Math.round(centroidUm[0] / voxelUm), (int) Math.round(centroidUm[1] / voxelUm),
            (int) Math.round(centroidUm[2] / voxelUm) };
    }
}
