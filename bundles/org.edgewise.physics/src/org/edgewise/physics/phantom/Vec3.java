package org.edgewise.physics.phantom;

/**
 * A point or vector in µm. World coordinates: z along the rotation axis (detector rows), x along the detector
 * columns at angle 0, y along the beam at angle 0; the origin is the centre of the field of view.
 *
 * @param x µm
 * @param y µm
 * @param z µm
 */
public record Vec3(double x, double y, double z) {

    /** @return the Euclidean length */
    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** @return {@code this - other} */
    public Vec3 minus(Vec3 other) {
        return new Vec3(x - other.x, y - other.y, z - other.z);
    }
}
