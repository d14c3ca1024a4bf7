package org.edgewise.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * where {@code (x, y)} is the sample translation that each scan's own alignment leaves free. The scale comes only
 * from the separations of two or more particle images in the same projection, known to
 * {@link #LANDMARK_SCALE_SIGMA_LIMIT}: one particle image per projection (one particle, or particles in contact) does
 * not fix it, since its column moves with the scale exactly as with a sample translation. The residual of the result is always that of the gradient images (below) at
 * the result's geometry, so the two methods report comparable residuals.
 * <p>
 * <b>Volumes</b> (e.g. different elements' reconstructions) are registered the same way on the particles' 3-D
 * centres of mass: the scale from their separations (two or more particles needed), the shift from their positions;
 * there is no sample translation in 3-D beyond the shift.
 * <p>
 * <b>Methods, in turn</b>: every result is checked against {@link Plausibility} (scale within a few % of the nominal
 * ratio, shifts within the field, finite positive uncertainties, gradient images that match at the geometry); the
 * first plausible one is returned, and when none is, {@link ImplausibleResultException} says what each gave.
 * <ol>
 * <li>{@link #LANDMARKS}: scale, shifts (and sample translation) from the landmarks.</li>
 * <li>{@link #LANDMARKS_GRADIENT_SCALE}, when the landmarks match but do not fix the scale (one particle, or one
 * touching group, per projection; one particle in a volume): the scale from the gradient images (below), started
 * at the landmarks' geometry, and the shifts from the landmarks at that scale.</li>
 * <li>{@link #LANDMARKS_NOMINAL_SCALE}: the scale fixed at the nominal ratio, the shifts from the landmarks.</li>
 * <li>{@link #GRADIENT_IMAGES}, when no landmarks match: everything from the gradient images, started from a phase
 * correlation.</li>
 * <li>{@link #GRADIENT_IMAGES_NOMINAL_SCALE}: the gradient images with the scale fixed at the nominal ratio.</li>
 * </ol>
 * The result's {@link Result#warning()} says what a method other than the first leaves uncertain.
 * <p>
 * <b>Gradient images</b> ({@link GradientImageRegistration}): the moving gradient-magnitude image {@code |∇p|},
 * dominated by the particle outlines, is modelled as {@code gain·g + quadratic·g² + offset} of the reference's;
 * {@code (scale, shift, translation, gain, quadratic, offset)} are found by Gauss-Newton on all pixels with Keys
 * cubic interpolation, with bounded steps. The residual is {@code RMS(misfit) / RMS(moving gradient)} (0 = identical
 * up to contrast).
 * <p>
 * This class is the entry point and the result; the landmark method, the gradient-image Gauss-Newton and the robust
 * fits ({@link LeastSquares}) each live in their own class of this package.
 */
public final class Registration {

    /** Method name: particle centres of mass ({@link ParticleLandmarks}). */
    public static final String LANDMARKS = "particle landmarks";
    /** Method name: Gauss-Newton on gradient-magnitude images. */
    public static final String GRADIENT_IMAGES = "gradient images";
    /** Method name: shifts from the particle landmarks, the scale (which they do not fix) from the gradient images. */
    public static final String LANDMARKS_GRADIENT_SCALE = "particle landmarks, scale from gradient images";
    /** Method name: shifts from the particle landmarks, the scale fixed at the nominal ratio of the pixel sizes. */
    public static final String LANDMARKS_NOMINAL_SCALE = "particle landmarks, nominal scale";
    /** Method name: shifts from the gradient images, the scale fixed at the nominal ratio of the pixel sizes. */
    public static final String GRADIENT_IMAGES_NOMINAL_SCALE = "gradient images, nominal scale";
    /** The methods in the order they are tried; a method's code in a table is its position here plus one. */
    public static final List<String> METHODS = List.of(LANDMARKS, LANDMARKS_GRADIENT_SCALE, LANDMARKS_NOMINAL_SCALE, GRADIENT_IMAGES, GRADIENT_IMAGES_NOMINAL_SCALE);

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
     * @param scaleUncertainty    1σ of {@code scale} (landmark fit or Gauss-Newton covariance); NaN when the scale
     *                            was not estimated but fixed at the nominal ratio
     * @param shiftUncertaintyPx  1σ of each shift component, pixels
     * @param iterations          Gauss-Newton iterations (0 for the landmark method)
     * @param translationPx       projections only: translation {@code (x, y)} of the sample in the moving scan
     *                            relative to the reference, in the rotation plane, pixels of the moving scan: the
     *                            moving projection at angle θ is displaced by {@code x·cos θ + y·sin θ} columns
     *                            (each scan's alignment fixes the sample only up to such a translation); zeros for
     *                            volumes and for the image method
     * @param method              one of {@link #METHODS}
     * @param landmarks           landmark pairs used (0 for the image methods)
     * @param landmarkRmsPx       RMS distance between the moving scan's landmarks and the registered reference
     *                            landmarks (outliers excluded), pixels; NaN for the image method
     */
    public record Result(double scale, double nominalScale, double[] shiftPx, double gain, double offset,
            double residual, double scaleUncertainty, double[] shiftUncertaintyPx, int iterations,
            double[] translationPx, String method, int landmarks, double landmarkRmsPx) {

        /** @return a one-line summary */
        public String describe() {
            String how = method.startsWith(LANDMARKS) ? String.format(Locale.ROOT, "%s: %d landmarks (RMS misfit"
                    + " %.3f px)%s", method, landmarks, landmarkRmsPx, shiftPx.length == 2 ? ", sample translation "
                            + format(translationPx) + " px" : "")
                    : String.format(Locale.ROOT, "%s, %d iteration(s)%s", method, iterations, shiftPx.length == 2
                            ? ", sample translation " + format(translationPx) + " px" : "");
            return String.format(Locale.ROOT, "scale %.6f (± %.1e) × nominal %.6f, shift %s px (± %s), gain %.4f,"
                    + " residual %.4f; %s", scale, scaleUncertainty, nominalScale,
                    format(shiftPx), format(shiftUncertaintyPx), gain, residual, how);
        }

        /** @return whether the scale was fixed at the nominal ratio rather than estimated */
        public boolean scaleFixed() {
            return LANDMARKS_NOMINAL_SCALE.equals(method) || GRADIENT_IMAGES_NOMINAL_SCALE.equals(method);
        }

        /**
         * @return what this result's method leaves uncertain, one sentence; empty for {@link #LANDMARKS} (and for
         *         methods not of this class)
         */
        public String warning() {
            return Registration.warning(method, shiftPx.length == 2);
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
        LandmarkRegistration.Matches matches = LandmarkRegistration.matchProjections(r, m, shape, ra, nominal,
                new int[2]);
        int step = Math.max(1, (angles + maxAngles - 1) / maxAngles);
        int used = (angles + step - 1) / step;
        int frame = shape[1] * shape[2];
        float[] rs = new float[used * frame];
        float[] ms = new float[used * frame];
        double[] planeAnglesRad = new double[used];
        for (int i = 0; i < used; i++) {
            System.arraycopy(r, i * step * frame, rs, i * frame, frame);
            System.arraycopy(m, i * step * frame, ms, i * frame, frame);
            planeAnglesRad[i] = Math.toRadians(ra[i * step]);
        }
        Images images = new Images(GradientImageRegistration.gradientMagnitude(rs, used, shape[1], shape[2]),
                GradientImageRegistration.gradientMagnitude(ms, used, shape[1], shape[2]),
                new int[] { used, shape[1], shape[2] }, false, nominal, 1, new int[] { 0, mr, mc }, planeAnglesRad);
        return firstPlausible(matches, images, new int[] { shape[1], shape[2] });
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
        LandmarkRegistration.Matches matches = LandmarkRegistration.matchVolumes(r, m, shape, nominal);
        Images images = new Images(GradientImageRegistration.gradientMagnitude3(r, shape),
                GradientImageRegistration.gradientMagnitude3(m, shape), shape, true, nominal, stride, new int[3],
                null);
        return firstPlausible(matches, images, shape);
    }

    /** The gradient images of a registration and how to fit them. */
    private record Images(float[] reference, float[] moving, int[] shape, boolean transformAxis0, double nominal,
            int stride, int[] margin, double[] planeAnglesRad) {

        Estimate fit(Result start, GradientImageRegistration.Free free) {
            return GradientImageRegistration.fit(reference, moving, shape, transformAxis0, nominal, stride, margin,
                    planeAnglesRad, start, free);
        }

        /**
         * @return the geometry with the contrast, residual and (where the geometry has none: one landmark in a
         *         volume) shift uncertainties of the gradient images at that geometry
         */
        Estimate withContrast(Result geometry) {
            Estimate contrast = fit(geometry, GradientImageRegistration.Free.CONTRAST);
            if (contrast.result() == null) {
                return contrast;
            }
            Result c = contrast.result();
            double[] shiftSigma = geometry.shiftUncertaintyPx().clone();
            for (int a = 0; a < shiftSigma.length; a++) {
                if (Double.isNaN(shiftSigma[a])) {
                    shiftSigma[a] = c.shiftUncertaintyPx()[a];
                }
            }
            return Estimate.of(new Result(geometry.scale(), nominal, geometry.shiftPx(), c.gain(), c.offset(),
                    c.residual(), geometry.scaleUncertainty(), shiftSigma, geometry.iterations(),
                    geometry.translationPx(), geometry.method(), geometry.landmarks(), geometry.landmarkRmsPx()));
        }
    }

    /**
     * Tries the methods in turn (see the class comment) and returns the first result within the
     * {@link Plausibility} bounds.
     *
     * @param matches     the matched landmarks, or null when there are too few
     * @param images      the gradient images
     * @param axisLengths length of each transformed axis
     * @return the registration
     * @throws ImplausibleResultException naming what each method gave when none is plausible
     */
    private static Result firstPlausible(LandmarkRegistration.Matches matches, Images images, int[] axisLengths) {
        List<String> rejected = new ArrayList<>();
        double nominal = images.nominal();
        Result found = null;
        if (matches != null) {
            Estimate byLandmarks = LandmarkRegistration.fit(matches, nominal);
            found = plausible(LANDMARKS, byLandmarks.result() == null ? byLandmarks
                    : images.withContrast(byLandmarks.result()), axisLengths, rejected);
            Result atNominal = LandmarkRegistration.atScale(matches, nominal, 1, Double.NaN, LANDMARKS_NOMINAL_SCALE);
            if (found == null) {
                Estimate scale = images.fit(atNominal, GradientImageRegistration.Free.ALL);
                Estimate combined = scale;
                if (scale.result() != null) {
                    Result s = scale.result();
                    // the gradient images' scale first on its own: a wild one would drag the landmark shifts with it
                    List<String> problems = scaleProblems(s);
                    combined = !problems.isEmpty() ? Estimate.failed(String.format(Locale.ROOT, "the gradient"
                            + " images give %s", String.join(", ", problems)))
                            : images.withContrast(LandmarkRegistration.atScale(matches, nominal, s.scale(),
                                    s.scaleUncertainty(), LANDMARKS_GRADIENT_SCALE));
                }
                found = plausible(LANDMARKS_GRADIENT_SCALE, combined, axisLengths, rejected);
            }
            if (found == null) {
                found = plausible(LANDMARKS_NOMINAL_SCALE, images.withContrast(atNominal), axisLengths, rejected);
            }
        } else {
            rejected.add(LANDMARKS + ": " + (axisLengths.length == 2 ? "fewer than "
                    + LandmarkRegistration.MIN_PROJECTION_LANDMARKS + " particle images matched between the scans"
                    : "no particle matched between the volumes"));
        }
        if (found == null) {
            found = plausible(GRADIENT_IMAGES, images.fit(null, GradientImageRegistration.Free.ALL), axisLengths,
                    rejected);
        }
        if (found == null) {
            found = plausible(GRADIENT_IMAGES_NOMINAL_SCALE, images.fit(null, GradientImageRegistration.Free.FIXED_SCALE),
                    axisLengths, rejected);
        }
        if (found == null) {
            throw new ImplausibleResultException("no registration within the physical bounds: "
                    + String.join("; ", rejected));
        }
        return found;
    }

    /** @return the estimate's result if it is within the bounds, else null with the reason added to rejected */
    private static Result plausible(String method, Estimate estimate, int[] axisLengths, List<String> rejected) {
        if (estimate.result() == null) {
            rejected.add(method + ": " + estimate.failure());
            return null;
        }
        List<String> problems = Plausibility.problems(estimate.result(), axisLengths);
        if (problems.isEmpty()) {
            return estimate.result();
        }
        rejected.add(method + ": " + String.join(", ", problems));
        return null;
    }

    /** @return the problems of an estimated scale alone (value and uncertainty) */
    private static List<String> scaleProblems(Result r) {
        return Plausibility.problems(r, r.shiftPx().length == 2 ? new int[] { Integer.MAX_VALUE,
            Integer.MAX_VALUE } : new int[] { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE }).stream()
                .filter(p -> p.startsWith("scale")).toList();
    }

    /**
     * @param method        a method name
     * @param projections   whether the registration is of projections (else of volumes)
     * @return what the method leaves uncertain, one sentence; empty for {@link #LANDMARKS} and unknown methods
     */
    static String warning(String method, boolean projections) {
        String shifts = projections ? "the shifts and the sample translation" : "the shifts";
        String one = projections ? "one particle, or one touching group, per projection" : "fewer than two separate"
                + " particles";
        String contrast = "follows contrast (errors of a few 0.1 % on simulated pairs, not in the stated"
                + " uncertainty)";
        if (LANDMARKS_GRADIENT_SCALE.equals(method)) {
            return "the particle landmarks do not fix the scale (" + one + "): it comes from the gradient images,"
                    + " whose scale " + contrast + "; " + shifts + " are the landmarks'";
        }
        if (LANDMARKS_NOMINAL_SCALE.equals(method)) {
            return "the scale was not measured (the particle landmarks do not fix it and the gradient images gave no"
                    + " plausible one): it is the nominal ratio of the pixel sizes, uncertainty unknown; " + shifts
                    + " are the landmarks'";
        }
        if (GRADIENT_IMAGES.equals(method)) {
            return "no particle landmarks matched between the " + (projections ? "scans" : "volumes") + ": scale and "
                    + shifts + " come from the gradient images, whose scale " + contrast;
        }
        if (GRADIENT_IMAGES_NOMINAL_SCALE.equals(method)) {
            return "the scale was not measured (no particle landmarks matched and the gradient images gave no"
                    + " plausible one): it is the nominal ratio of the pixel sizes, uncertainty unknown; " + shifts
                    + " come from the gradient images";
        }
        return "";
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
     * The gradient-image registration alone ({@link GradientImageRegistration}, all parameters fitted from a phase
     * correlation start), without landmarks or the other methods.
     *
     * @param ref            reference {@code [d0, d1, d2]}
     * @param mov            moving, same shape
     * @param shape          the shape
     * @param transformAxis0 whether axis 0 is scaled and shifted too (volumes) or left alone (projection stacks)
     * @param nominal        nominal scale from the pixel sizes
     * @param stride         use every stride-th sample along each transformed axis
     * @return the result (not checked against {@link Plausibility})
     * @throws IllegalArgumentException if the images overlap too little or carry no structure, or the fit diverges
     *                                  or does not converge
     */
    public static Result register(float[] ref, float[] mov, int[] shape, boolean transformAxis0, double nominal,
            int stride) {
        return register(ref, mov, shape, transformAxis0, nominal, stride, new int[3]);
    }

    /**
     * @param ref            reference {@code [d0, d1, d2]}
     * @param mov            moving, same shape
     * @param shape          the shape
     * @param transformAxis0 whether axis 0 is scaled and shifted too
     * @param nominal        nominal scale from the pixel sizes
     * @param stride         use every stride-th sample along each transformed axis
     * @param margin         per axis, samples this close to either end are ignored in both images
     * @return the result (not checked against {@link Plausibility})
     * @throws IllegalArgumentException as {@link #register(float[], float[], int[], boolean, double, int)}
     */
    public static Result register(float[] ref, float[] mov, int[] shape, boolean transformAxis0, double nominal,
            int stride, int[] margin) {
        Estimate e = GradientImageRegistration.fit(ref, mov, shape, transformAxis0, nominal, stride, margin, null,
                null, GradientImageRegistration.Free.ALL);
        if (e.result() == null) {
            throw new IllegalArgumentException(e.failure());
        }
        return e.result();
    }
}
