package org.edgewise.physics.phantom;

import java.util.stream.IntStream;

/**
 * Exact parallel-beam projections of a {@link Phantom}: every pixel value is the analytic line integral of μ
 * through nested ellipsoidal shells and spherical pores (see {@link ScanGeometry} for the ray of each pixel).
 */
public final class Projector {

    private Projector() {
    }

    /**
     * Projections at one energy.
     *
     * @param phantom    the object
     * @param geometry   the scan geometry
     * @param energyKev  beam energy, keV
     * @param subsamples rays per pixel along each direction (1 = the pixel centre; 2 = a 2×2 grid whose
     *                   transmissions are averaged, as a detector pixel averages intensity)
     * @return {@code −ln(mean transmission)} per pixel, {@code [angle, row, column]}, dimensionless
     */
    public static float[][][] project(Phantom phantom, ScanGeometry geometry, double energyKev, int subsamples) {
        int n = Math.max(1, subsamples);
        int particleCount = phantom.particles().size();
        double[][] increments = new double[particleCount][];
        for (int i = 0; i < particleCount; i++) {
            increments[i] = phantom.particles().get(i).attenuationIncrementsPerUm(energyKev);
        }
        float[][][] out = new float[geometry.anglesDeg().length][geometry.rows()][geometry.columns()];
        double pixel = geometry.truePixelUm();
        double rowCentre = (geometry.rows() - 1) / 2.0;
        IntStream.range(0, geometry.anglesDeg().length).parallel().forEach(a -> {
            double theta = Math.toRadians(geometry.anglesDeg()[a]);
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            double[] direction = { -sin, cos, 0 };
            double[] origin = new double[3];
            for (int r = 0; r < geometry.rows(); r++) {
                for (int c = 0; c < geometry.columns(); c++) {
                    double transmission = 0;
                    for (int sr = 0; sr < n; sr++) {
                        double z = (r + (sr + 0.5) / n - 0.5 - rowCentre - geometry.jitterRowPx()[a]) * pixel;
                        for (int sc = 0; sc < n; sc++) {
                            double s = (c + (sc + 0.5) / n - 0.5 - geometry.rotationCentrePx()
                                    - geometry.jitterColPx()[a]) * pixel;
                            origin[0] = s * cos;
                            origin[1] = s * sin;
                            origin[2] = z;
                            double p = 0;
                            for (int i = 0; i < particleCount; i++) {
                                Particle particle = phantom.particles().get(i);
                                if (Math.abs(z - particle.centreUm().z()) < particle.boundingRadiusUm()) {
                                    p += particle.lineIntegral(origin, direction, increments[i]);
                                }
                            }
                            transmission += n == 1 ? p : Math.exp(-p);
                        }
                    }
                    out[a][r][c] = (float) (n == 1 ? transmission : -Math.log(transmission / (n * n)));
                }
            }
        });
        return out;
    }
}
