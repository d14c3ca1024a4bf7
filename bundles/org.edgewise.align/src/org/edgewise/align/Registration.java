package org.edgewise.align;

import java.util.Arrays;
import java.util.Locale;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;

/**
 * Registration of two scans of an energy pair (aligned projections {@code [angle, row, column]}) or of two volumes
 * {@code [z, y, x]}: a shift and an isotropic scale about the image centre, sub-pixel, with a residual.
 * <p>
 * <b>Model</b>: with {@code k = nominalScale · scale} (nominal = the files' pixel sizes, reference µm over moving
 * µm), a point at reference pixel {@code x} appears in the moving image at
 * {@code x' = m + k·(x − m) + shift}, where {@code m = (n − 1)/2} on each transformed axis (rows and columns for
 * projections, whose angle axis is left alone; all three axes for volumes). For projections aligned onto the
 * central column this is the magnification about the rotation axis and the optical centre row.
 * <p>
 * <b>Contrast</b>: the two sides of an absorption edge (or two elements) differ in contrast inside the particles, and
 * by different amounts at different depths. Anything whose position follows contrast (intensities, outlines,
 * gradients) then moves between the scans and, away from the centre, reads as a scale change: registering gradient
 * magnitudes still left −0.4 % to +0.6 % scale errors on simulated pairs with 0.1 % truth.
 * <p>
 * <b>Projections</b> are therefore registered on landmarks first ({@link ParticleLandmarks}): the centre of mass of
 * every particle image in every projection, which is the projection of the particle's centre of mass and does not
 * depend on a depth-dependent composition. Landmarks are matched between the scans per projection (mutual nearest
 * under the nominal scale, similar size) and fitted by least squares, with outliers rejected, to
 * <pre>
 *   row' − m = k·(row − m) + shift_row
 *   col' − m = k·(col − m) + shift_col + x·cos θ + y·sin θ
 * </pre>
 * where {@code (x, y)} is the sample translation that each scan's own alignment leaves free. The scale needs
 * landmarks spread in the image: one particle alone does not fix it, and the fit's scale uncertainty decides
 * ({@link #LANDMARK_SCALE_SIGMA_LIMIT}). The residual of the result is always that of the gradient images (below) at
 * the result's geometry, so the two methods report comparable residuals.
 * <p>
 * <b>Volumes</b> (e.g. different elements' reconstructions) are registered the same way on the particles' 3-D
 * centres of mass: the scale from their separations (two or more particles needed), the shift from their positions;
 * there is no sample translation in 3-D beyond the shift.
 * <p>
 * <b>Fallback</b>: without enough landmarks, images are registered as gradient magnitudes {@code |∇p|}, dominated
 * by the particle outlines. The moving gradient image is modelled as
 * {@code gain·g + quadratic·g² + offset} of the reference's; {@code (scale, shift, gain, quadratic, offset)} are found
 * by Gauss-Newton on all pixels with Keys cubic interpolation, started from a phase correlation of the summed
 * images. The residual is {@code RMS(misfit) / RMS(moving gradient)} (0 = identical up to contrast).
 * <p>
 * This class is the entry point and the result; the landmark method, the gradient-image Gauss-Newton and the robust
 * fits ({@link LeastSquares}) each live in their own class of this package.
 */
public final class Registration {

    /** Method name: particle centres of mass ({@link ParticleLandmarks}). */
    public static final String LANDMARKS = "particle landmarks";
    /** Method name: Gauss-Newton on gradient-magnitude images. */
    public static final String GRADIENT_IMAGES = "gradient images";

    /** A landmark fit is trusted when its scale is known to this relative 1σ; otherwise the image method is used. */
    static final double LANDMARK_SCALE_SIGMA_LIMIT = 5e-4;

    private Registration() {
    }

    /**
     * @param scale               residual scale (total scale = nominal × this), 1 when the pixel sizes are exact
     * @param nominalScale        reference pixel size over moving pixel size, from the files
     * @param shiftPx             per transformed axis (rows, columns; or z, y, x), pixels of the moving image
     * @param gain                contrast of the moving image relative to the reference
     * @param offset              value offset, moving units
     * @param residual            relative RMS misfit after registration
     * @param scaleUncertainty    1σ of {@code scale} from the Gauss-Newton covariance
     * @param shiftUncertaintyPx  1σ of each shift component, pixels
     * @param iterations          Gauss-Newton iterations (0 for the landmark method)
     * @param translationPx       projections only: translation {@code (x, y)} of the sample in the moving scan
     *                            relative to the reference, in the rotation plane, pixels of the moving scan: the
     *                            moving projection at angle θ is displaced by {@code x·cos θ + y·sin θ} columns
     *                            (each scan's alignment fixes the sample only up to such a translation); zeros for
     *                            volumes and for the image method
     * @param method              {@link #LANDMARKS} or {@link #GRADIENT_IMAGES}
     * @param landmarks           landmark pairs used (0 for the image method)
     * @param landmarkRmsPx       RMS distance between the moving scan's landmarks and the registered reference
     *                            landmarks (outliers excluded), pixels; NaN for the image method
     */
    public record Result(double scale, double nominalScale, double[] shiftPx, double gain, double offset,
            double residual, double scaleUncertainty, double[] shiftUncertaintyPx, int iterations,
            double[] translationPx, String method, int landmarks, double landmarkRmsPx) {

        /** @return a one-line summary */
        public String describe() {
            String how = LANDMARKS.equals(method) ? String.format(Locale.ROOT, "%d particle landmarks (RMS misfit"
                    + " %.3f px)%s", landmarks, landmarkRmsPx, shiftPx.length == 2 ? ", sample translation "
                            + format(translationPx) + " px" : "")
                    : String.format(Locale.ROOT, "%s, %d iteration(s)", method, iterations);
            return String.format(Locale.ROOT, "scale %.6f (± %.1e) × nominal %.6f, shift %s px (± %s), gain %.4f,"
                    + " residual %.4f; %s", scale, scaleUncertainty, nominalScale,
                    format(shiftPx), format(shiftUncertaintyPx), gain, residual, how);
        }

        /**
         * @param angleDeg projection angle
         * @return the moving scan's extra column displacement at this angle, {@code x·cos θ + y·sin θ}, pixels
         */
        public double columnTranslationPx(double angleDeg) {
            if (translationPx.length < 2) {
                return 0;
            }
            double t = Math.toRadians(angleDeg);
            return translationPx[0] * Math.cos(t) + translationPx[1] * Math.sin(t);
        }

        private static String format(double[] v) {
            StringBuilder b = new StringBuilder("(");
            for (int i = 0; i < v.length; i++) {
                b.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4f", v[i]));
            }
            return b.append(')').toString();
        }
    }

    /**
     * Registers the aligned projections of one scan to those of the reference scan of its pair.
     *
     * @param reference aligned projections {@code [angle, row, column]} with {@link PhysicalMetadata} (pixel size,
     *                  angles)
     * @param moving    aligned projections of the other scan, same shape and angles
     * @param maxAngles at most this many evenly chosen projections are used (speed); ≥ 1
     * @return scale and shift (rows, columns)
     * @throws IllegalArgumentException if shapes or angles differ or a pixel size is missing
     */
    public static Result registerProjections(Dataset reference, Dataset moving, int maxAngles) {
        return registerProjections(reference, moving, maxAngles, 0, 0);
    }

    /**
     * As {@link #registerProjections(Dataset, Dataset, int)}, ignoring bands along the detector edges: after
     * alignment those hold data resampled from beyond the detector (edge values), which differ between the scans
     * and would bias the scale.
     *
     * @param reference  aligned projections of the reference scan
     * @param moving     aligned projections of the other scan
     * @param maxAngles  at most this many evenly chosen projections are used
     * @param marginRows rows ignored at the top and at the bottom (both images)
     * @param marginCols columns ignored at the left and at the right (both images)
     * @return scale and shift (rows, columns)
     */
    public static Result registerProjections(Dataset reference, Dataset moving, int maxAngles, int marginRows,
            int marginCols) {
        int[] shape = reference.getShape();
        if (reference.getRank() != 3 || !Arrays.equals(shape, moving.getShape())) {
            throw new IllegalArgumentException("pair projections must have one [angle, row, column] shape, were "
                    + Arrays.toString(shape) + " and " + Arrays.toString(moving.getShape()));
        }
        PhysicalMetadata rm = PhysicalMetadata.of(reference);
        PhysicalMetadata mm = PhysicalMetadata.of(moving);
        double[] ra = rm.anglesDeg();
        double[] ma = mm.anglesDeg();
        if (ra.length != ma.length) {
            throw new IllegalArgumentException("pair scans have " + ra.length + " and " + ma.length + " angles");
        }
        for (int i = 0; i < ra.length; i++) {
            if (Math.abs(ra[i] - ma[i]) > 1e-3) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "pair scans differ at projection %d:"
                        + " %.4f° vs %.4f°; registration needs the same angles", i, ra[i], ma[i]));
            }
        }
        double nominal = nominalScale(rm, mm);
        int angles = shape[0];
        int mr = Math.max(0, Math.min(marginRows, shape[1] / 2 - 4));
        int mc = Math.max(0, Math.min(marginCols, shape[2] / 2 - 4));
        float[] r = FlatArrays.floats(reference);
        float[] m = FlatArrays.floats(moving);
        // no margin for landmarks: a particle reaching the detector edge in the raw data is continued by edge
        // values to the aligned image's border, where ParticleLandmarks rejects it as cut by the field of view
        Result byLandmarks = LandmarkRegistration.projections(r, m, shape, ra, nominal, new int[2]);
        int step = Math.max(1, (angles + maxAngles - 1) / maxAngles);
        int used = (angles + step - 1) / step;
        int frame = shape[1] * shape[2];
        float[] rs = new float[used * frame];
        float[] ms = new float[used * frame];
        double[] planeOffsets = new double[used];
        for (int i = 0; i < used; i++) {
            System.arraycopy(r, i * step * frame, rs, i * frame, frame);
            System.arraycopy(m, i * step * frame, ms, i * frame, frame);
            planeOffsets[i] = byLandmarks == null ? 0 : byLandmarks.columnTranslationPx(ra[i * step]);
        }
        float[] rg = GradientImageRegistration.gradientMagnitude(rs, used, shape[1], shape[2]);
        float[] mg = GradientImageRegistration.gradientMagnitude(ms, used, shape[1], shape[2]);
        int[] dims = { used, shape[1], shape[2] };
        int[] margin = { 0, mr, mc };
        if (byLandmarks == null) {
            return GradientImageRegistration.fit(rg, mg, dims, false, nominal, 1, margin, null, null);
        }
        Result contrast = GradientImageRegistration.fit(rg, mg, dims, false, nominal, 1, margin, planeOffsets,
                byLandmarks);
        return new Result(byLandmarks.scale(), nominal, byLandmarks.shiftPx(), contrast.gain(), contrast.offset(),
                contrast.residual(), byLandmarks.scaleUncertainty(), byLandmarks.shiftUncertaintyPx(), 0,
                byLandmarks.translationPx(), LANDMARKS, byLandmarks.landmarks(), byLandmarks.landmarkRmsPx());
    }

    /**
     * Registers a volume to a reference volume (e.g. the reconstructions of two elements' pairs).
     *
     * @param reference {@code [z, y, x]} with {@link PhysicalMetadata} voxel size
     * @param moving    {@code [z, y, x]}, same shape
     * @return scale and shift (z, y, x)
     */
    public static Result registerVolumes(Dataset reference, Dataset moving) {
        int[] shape = reference.getShape();
        if (reference.getRank() != 3 || !Arrays.equals(shape, moving.getShape())) {
            throw new IllegalArgumentException("volumes must have one [z, y, x] shape, were "
                    + Arrays.toString(shape) + " and " + Arrays.toString(moving.getShape()));
        }
        double nominal = nominalScale(PhysicalMetadata.of(reference), PhysicalMetadata.of(moving));
        int stride = shape[0] * shape[1] * shape[2] > 2_000_000 ? 2 : 1;
        float[] r = FlatArrays.floats(reference);
        float[] m = FlatArrays.floats(moving);
        Result byLandmarks = LandmarkRegistration.volumes(r, m, shape, nominal);
        float[] rg = GradientImageRegistration.gradientMagnitude3(r, shape);
        float[] mg = GradientImageRegistration.gradientMagnitude3(m, shape);
        if (byLandmarks == null) {
            return GradientImageRegistration.fit(rg, mg, shape, true, nominal, stride, new int[3], null, null);
        }
        Result contrast = GradientImageRegistration.fit(rg, mg, shape, true, nominal, stride, new int[3], null,
                byLandmarks);
        return new Result(byLandmarks.scale(), nominal, byLandmarks.shiftPx(), contrast.gain(), contrast.offset(),
                contrast.residual(), byLandmarks.scaleUncertainty(), byLandmarks.shiftUncertaintyPx(), 0,
                new double[2], LANDMARKS, byLandmarks.landmarks(), byLandmarks.landmarkRmsPx());
    }

    private static double nominalScale(PhysicalMetadata reference, PhysicalMetadata moving) {
        double r = reference.pixelSizeUm();
        double m = moving.pixelSizeUm();
        if (!(r > 0) || !(m > 0)) {
            throw new IllegalArgumentException("registration needs the pixel sizes of both scans, were " + r
                    + " and " + m + " µm");
        }
        return r / m;
    }

    /**
     * The registration itself.
     *
     * @param ref            reference {@code [d0, d1, d2]}
     * @param mov            moving, same shape
     * @param shape          the shape
     * @param transformAxis0 whether axis 0 is scaled and shifted too (volumes) or left alone (projection stacks)
     * @param nominal        nominal scale from the pixel sizes
     * @param stride         use every stride-th sample along each transformed axis
     * @return the result
     */
    public static Result register(float[] ref, float[] mov, int[] shape, boolean transformAxis0, double nominal,
            int stride) {
        return GradientImageRegistration.fit(ref, mov, shape, transformAxis0, nominal, stride, new int[3], null, null);
    }

    /**
     * @param ref            reference {@code [d0, d1, d2]}
     * @param mov            moving, same shape
     * @param shape          the shape
     * @param transformAxis0 whether axis 0 is scaled and shifted too
     * @param nominal        nominal scale from the pixel sizes
     * @param stride         use every stride-th sample along each transformed axis
     * @param margin         per axis, samples this close to either end are ignored in both images
     * @return the result
     */
    public static Result register(float[] ref, float[] mov, int[] shape, boolean transformAxis0, double nominal,
            int stride, int[] margin) {
        return GradientImageRegistration.fit(ref, mov, shape, transformAxis0, nominal, stride, margin, null, null);
    }
}
