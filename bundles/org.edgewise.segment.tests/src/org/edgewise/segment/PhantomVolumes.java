package org.edgewise.segment;

import java.util.List;

import org.edgewise.physics.phantom.Particle;
import org.edgewise.physics.phantom.Pore;
import org.edgewise.physics.phantom.Vec3;

/**
 * Test truth: voxelises analytic phantom particles independently of the code under test, by point membership
 * ({@link Particle#shellAt}), with 4×4×4 supersampling wherever a voxel may straddle a surface or a pore.
 * Voxel {@code [z, y, x]} has its centre at world {@code ((x − c)·v, (y − c)·v, (z − c)·v)}, c = (size − 1)/2.
 */
final class PhantomVolumes {

    private PhantomVolumes() {
    }

    /** @return solid fraction per voxel, flat [z, y, x] of a cube of {@code size} voxels of {@code voxelUm} */
    static float[] solidFraction(List<Particle> particles, int size, double voxelUm) {
        float[] out = new float[size * size * size];
        double c = (size - 1) / 2.0;
        double[] local = new double[3];
        int sub = 4;
        for (Particle p : particles) {
            double[] s = p.semiAxesUm();
            double minAxis = Math.min(s[0], Math.min(s[1], s[2]));
            double reach = p.boundingRadiusUm() + voxelUm;
            Vec3 centre = p.centreUm();
            int z0 = Math.max(0, (int) Math.floor(c + (centre.z() - reach) / voxelUm));
            int z1 = Math.min(size - 1, (int) Math.ceil(c + (centre.z() + reach) / voxelUm));
            int y0 = Math.max(0, (int) Math.floor(c + (centre.y() - reach) / voxelUm));
            int y1 = Math.min(size - 1, (int) Math.ceil(c + (centre.y() + reach) / voxelUm));
            int x0 = Math.max(0, (int) Math.floor(c + (centre.x() - reach) / voxelUm));
            int x1 = Math.min(size - 1, (int) Math.ceil(c + (centre.x() + reach) / voxelUm));
            double halfDiagonal = voxelUm * Math.sqrt(3) / 2;
            for (int z = z0; z <= z1; z++) {
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        double wx = (x - c) * voxelUm;
                        double wy = (y - c) * voxelUm;
                        double wz = (z - c) * voxelUm;
                        p.toLocal(wx, wy, wz, local);
                        double rho = Math.sqrt(local[0] * local[0] / (s[0] * s[0]) + local[1] * local[1] / (s[1] * s[1])
                                + local[2] * local[2] / (s[2] * s[2]));
                        if ((rho - 1) * minAxis > halfDiagonal) {
                            continue; // wholly outside
                        }
                        boolean nearPore = false;
                        for (Pore pore : p.pores()) {
                            Vec3 pc = pore.centreLocalUm();
                            double d = Math.sqrt(sq(local[0] - pc.x()) + sq(local[1] - pc.y()) + sq(local[2] - pc.z()));
                            nearPore |= Math.abs(d - pore.radiusUm()) < halfDiagonal || d < pore.radiusUm();
                        }
                        float value;
                        if ((1 - rho) * minAxis > halfDiagonal && !nearPore) {
                            value = 1;
                        } else {
                            int inside = 0;
                            for (int k = 0; k < sub * sub * sub; k++) {
                                double sx = wx + ((k % sub) + 0.5 - sub / 2.0) / sub * voxelUm;
                                double sy = wy + (((k / sub) % sub) + 0.5 - sub / 2.0) / sub * voxelUm;
                                double sz = wz + ((k / (sub * sub)) + 0.5 - sub / 2.0) / sub * voxelUm;
                                p.toLocal(sx, sy, sz, local);
                                if (p.shellAt(local) >= 0) {
                                    inside++;
                                }
                            }
                            value = inside / (float) (sub * sub * sub);
                        }
                        int i = (z * size + y) * size + x;
                        out[i] = Math.min(1, out[i] + value);
                    }
                }
            }
        }
        return out;
    }

    /** @return 1 where the voxel centre lies inside the particle's envelope (pores included), by label 1..n */
    static int[] envelopeLabels(List<Particle> particles, int size, double voxelUm) {
        int[] out = new int[size * size * size];
        double c = (size - 1) / 2.0;
        double[] local = new double[3];
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    for (int k = 0; k < particles.size(); k++) {
                        Particle p = particles.get(k);
                        double[] s = p.semiAxesUm();
                        p.toLocal((x - c) * voxelUm, (y - c) * voxelUm, (z - c) * voxelUm, local);
                        if (sq(local[0] / s[0]) + sq(local[1] / s[1]) + sq(local[2] / s[2]) < 1) {
                            out[(z * size + y) * size + x] = k + 1;
                        }
                    }
                }
            }
        }
        return out;
    }

    static double sq(double v) {
        return v * v;
    }
}
