package org.edgewise.recon;

import java.util.Locale;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The reconstruction filters of filtered back-projection.
 * <p>
 * Every filter is the exact discrete ramp of Kak &amp; Slaney (Principles of Computerized Tomographic Imaging,
 * eq. 3.61, the same construction as scikit-image's {@code iradon}): the spatial kernel {@code h[0] = 1/4},
 * {@code h[k] = -1/(πk)²} for odd {@code k}, {@code 0} for even {@code k}, transformed with an FFT of the padded
 * length. Its response is real, {@code 0} only at {@code k = 0} up to rounding, has no DC offset and rises to
 * {@code 1/2} at Nyquist. The apodised filters multiply that ramp by a window of the normalised frequency
 * {@code f = k/size ∈ [0, 1/2]}.
 */
public enum FbpFilter {
    /** The plain ramp (Ram-Lak), window 1. */
    RAMP,
    /** Ramp times {@code sinc(f) = sin(πf)/(πf)}. */
    SHEPP_LOGAN,
    /** Ramp times {@code cos(πf)}. */
    COSINE,
    /** Ramp times the Hann window {@code (1 + cos 2πf)/2}, zero at Nyquist. */
    HANN,
    /** Ramp times the Hamming window {@code 0.54 + 0.46 cos 2πf}. */
    HAMMING;

    /**
     * The window applied to the ramp.
     *
     * @param f normalised frequency in cycles per pixel, {@code 0 <= f <= 1/2}
     * @return the window value
     */
    public double window(double f) {
        return switch (this) {
            case RAMP -> 1.0;
            case SHEPP_LOGAN -> f == 0 ? 1.0 : Math.sin(Math.PI * f) / (Math.PI * f);
            case COSINE -> Math.cos(Math.PI * f);
            case HANN -> 0.5 * (1 + Math.cos(2 * Math.PI * f));
            case HAMMING -> 0.54 + 0.46 * Math.cos(2 * Math.PI * f);
        };
    }

    /**
     * The frequency response of the filter for an FFT of length {@code size}: element {@code k} is the gain at
     * frequency {@code k/size}, {@code k = 0..size/2} (the response is real and symmetric).
     *
     * @param size FFT length, even
     * @return {@code size/2 + 1} gains
     */
    public double[] response(int size) {
        if (size < 2 || size % 2 != 0) {
            throw new IllegalArgumentException("FFT length must be even and >= 2, was " + size);
        }
        double[] h = new double[size];
        h[0] = 0.25;
        for (int k = 1; k <= size / 2; k += 2) {
            double v = -1.0 / (Math.PI * k * Math.PI * k);
            h[k] = v;
            h[size - k] = v;
        }
        new DoubleFFT_1D(size).realForward(h);
        double[] gains = new double[size / 2 + 1];
        gains[0] = h[0];
        gains[size / 2] = h[1];
        for (int k = 1; k < size / 2; k++) {
            gains[k] = h[2 * k];
        }
        for (int k = 0; k <= size / 2; k++) {
            gains[k] *= window(k / (double) size);
        }
        return gains;
    }

    /**
     * Parses a filter name as used on command lines: {@code ramp} (or {@code ram-lak}), {@code shepp-logan},
     * {@code cosine}, {@code hann}, {@code hamming}; case and {@code -}/{@code _} do not matter.
     *
     * @param name the name
     * @return the filter
     * @throws IllegalArgumentException for an unknown name
     */
    public static FbpFilter parse(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (key.equals("RAM_LAK") || key.equals("RAMLAK")) {
            return RAMP;
        }
        if (key.equals("HANNING")) {
            return HANN;
        }
        try {
            return valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown filter '" + name + "'; use ramp, shepp-logan, cosine, hann or hamming", e);
        }
    }

    /** @return the command-line name, e.g. {@code shepp-logan} */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
