package org.edgewise.core.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link CropStage}: a box of a volume {@code [z, y, x]} in voxel indices, start inclusive and end
 * exclusive. An end of 0 means "to the end of the axis"; ends beyond the volume are clipped to it.
 *
 * @param zStart first z index kept
 * @param zEnd   first z index dropped after the box, 0 = to the end
 * @param yStart first y index kept
 * @param yEnd   first y index dropped, 0 = to the end
 * @param xStart first x index kept
 * @param xEnd   first x index dropped, 0 = to the end
 */
public record CropModel(
        @Parameter(label = "z start", unit = "voxels", defaultValue = "0", min = 0,
                description = "First z index kept.") int zStart,
        @Parameter(label = "z end", unit = "voxels", defaultValue = "0", min = 0,
                description = "First z index dropped after the box; 0 = to the end.") int zEnd,
        @Parameter(label = "y start", unit = "voxels", defaultValue = "0", min = 0,
                description = "First y index kept.") int yStart,
        @Parameter(label = "y end", unit = "voxels", defaultValue = "0", min = 0,
                description = "First y index dropped; 0 = to the end.") int yEnd,
        @Parameter(label = "x start", unit = "voxels", defaultValue = "0", min = 0,
                description = "First x index kept.") int xStart,
        @Parameter(label = "x end", unit = "voxels", defaultValue = "0", min = 0,
                description = "First x index dropped; 0 = to the end.") int xEnd) {

    public CropModel {
        check("z", zStart, zEnd);
        check("y", yStart, yEnd);
        check("x", xStart, xEnd);
    }

    private static void check(String axis, int start, int end) {
        if (end != 0 && end <= start) {
            throw new IllegalArgumentException("parameter '" + axis + "End' = " + end + " must be greater than '"
                    + axis + "Start' = " + start + " (or 0 for the end of the axis)");
        }
    }
}
