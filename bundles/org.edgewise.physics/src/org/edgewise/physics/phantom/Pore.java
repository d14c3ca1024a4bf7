package org.edgewise.physics.phantom;

/**
 * An empty spherical void inside a particle, in the particle's own (principal-axis) frame.
 *
 * @param centreLocalUm centre relative to the particle centre, along its principal axes, µm
 * @param radiusUm      radius, µm
 */
public record Pore(Vec3 centreLocalUm, double radiusUm) {

    /** @return the pore volume, µm³ */
    public double volumeUm3() {
        return 4.0 / 3.0 * Math.PI * radiusUm * radiusUm * radiusUm;
    }
}
