package org.edgewise.align;

/**
 * Settings of {@link ProjectionAlignment}.
 *
 * @param maxIterations     re-projection iterations at most (0 = centre of mass only)
 * @param tolerancePx       stop when the RMS of one iteration's shift updates falls below this, pixels
 * @param maxWorkingColumns the stack is binned by a power of two until it has at most this many columns (alignment
 *                          of a 2048-wide scan runs on 256 columns); shifts are reported in full-resolution pixels
 * @param lowPass           σ of the phase-correlation window as a fraction of the Nyquist frequency
 */
public record AlignmentOptions(int maxIterations, double tolerancePx, int maxWorkingColumns,
        double lowPass) {

    /** 12 iterations, 0.01 px, 256 working columns, window 0.3. */
    public static final AlignmentOptions DEFAULTS = new AlignmentOptions(12, 0.01, 256, 0.3);

    public AlignmentOptions {
        if (maxIterations < 0 || !(tolerancePx > 0) || maxWorkingColumns < 16 || !(lowPass > 0 && lowPass <= 2)) {
            throw new IllegalArgumentException("need iterations ≥ 0, tolerance > 0 px, working columns ≥ 16 and "
                    + "low-pass in (0, 2]; were " + maxIterations + ", " + tolerancePx + ", " + maxWorkingColumns
                    + ", " + lowPass);
        }
    }

    /** @param iterations at most this many re-projection iterations @return a copy */
    public AlignmentOptions withMaxIterations(int iterations) {
        return new AlignmentOptions(iterations, tolerancePx, maxWorkingColumns, lowPass);
    }
}
