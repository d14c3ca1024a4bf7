package org.edgewise.gradient;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.Registration;
import org.edgewise.api.datasets.FlatArrays;

/**
 * Registration of one element's volume to the reference (Ni) grid, on which the particles were segmented: first on
 * the particles the two volumes show ({@link Registration#registerVolumes}: their centres as landmarks); when that
 * fails (touching particles form one blob, and the fallback on gradient images lets the scale follow the contrast)
 * on the segmented particles' centres of mass ({@link LabelLandmarks}).
 * <pre>{@code
 * Registration.Result r = ElementRegistrations.toReference(niBelow, mnBelow, labels, n);
 * float[] onNiGrid = ElementalMaps.resample(mnAbove, nz, ny, nx, r.shiftPx(), r.scale() * r.nominalScale());
 * }</pre>
 */
public final class ElementRegistrations {

    /** Margin of the particle windows of {@link LabelLandmarks}, voxels. */
    public static final double LABEL_MARGIN_VOXELS = 3;

    /** How a registration was found, as stored in its table ({@code method} column). */
    public enum Method {
        /** The particles of both volumes matched as landmarks. */
        VOLUME_LANDMARKS,
        /** The segmented particles' intensity-weighted centres of mass in both volumes. */
        PARTICLE_LABELS,
        /** Neither: the gradient images were registered (the scale may follow the contrast). */
        GRADIENT_IMAGES;

        /** @return the method of a registration result */
        public static Method of(Registration.Result result) {
            if (Registration.LANDMARKS.equals(result.method())) {
                return VOLUME_LANDMARKS;
            }
            return LabelLandmarks.METHOD.equals(result.method()) ? PARTICLE_LABELS : GRADIENT_IMAGES;
        }

        /** @return a short description for reports */
        public String describe() {
            return switch (this) {
            case VOLUME_LANDMARKS -> "particle landmarks of both volumes";
            case PARTICLE_LABELS -> "segmented particles' centres of mass";
            case GRADIENT_IMAGES -> "gradient images (landmarks failed)";
            };
        }
    }

    private ElementRegistrations() {
    }

    /**
     * @param reference the reference volume {@code [z, y, x]} with its voxel size (e.g. Ni below the edge)
     * @param moving    the volume to register, same shape, with its voxel size (e.g. Mn below the edge)
     * @param labels    particles 1..n on the reference grid, flat
     * @param n         the largest label
     * @return shift and scale of {@code moving} relative to {@code reference}
     * @throws IllegalArgumentException if the volumes differ in shape or lack a voxel size
     */
    public static Registration.Result toReference(Dataset reference, Dataset moving, int[] labels, int n) {
        Registration.Result r = Registration.registerVolumes(reference, moving);
        if (Method.of(r) == Method.VOLUME_LANDMARKS) {
            return r;
        }
        int[] s = FlatArrays.volumeShape(reference);
        Registration.Result byLabels = LabelLandmarks.register(FlatArrays.floatsReadOnly(reference),
                FlatArrays.floatsReadOnly(moving), labels, n, s[0], s[1], s[2], LABEL_MARGIN_VOXELS,
                r.nominalScale());
        return byLabels != null ? byLabels : r;
    }
}
