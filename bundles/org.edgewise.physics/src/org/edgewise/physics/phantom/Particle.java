package org.edgewise.physics.phantom;

import java.util.List;

import org.edgewise.physics.LayeredOxide;
import org.edgewise.physics.TmFractions;

/**
 * One secondary particle: an ellipsoid of layered oxide whose composition depends on depth, with empty spherical
 * pores inside.
 * <p>
 * The composition is piecewise constant on nested shells: shell {@code k} is the part of the ellipsoid with semi-axes
 * {@code (a−d_k, b−d_k, c−d_k)} outside the next one, {@code d_k = k·shellStepUm}. Shell {@code k} takes the
 * profile averaged over depths {@code [d_k, d_k+1]}. Because every shell boundary is an ellipsoid and every pore a
 * sphere, the line integral of μ along any ray is exact ({@link #lineIntegral}): no voxels are involved.
 * <p>
 * The shell depth {@code d} equals the Euclidean depth below the surface at the ends of the principal axes and
 * differs slightly elsewhere; the true depth profiles in {@code truth.json} are therefore measured with the
 * Euclidean depth ({@link Ellipsoids#depthBelowSurface}), as an analysis would measure them.
 */
public final class Particle {

    private final int id;
    private final Vec3 centreUm;
    private final double[] semiAxesUm;
    private final double[] rotation; // row-major; columns are the local axes in world coordinates
    private final List<Pore> pores;
    private final double[] shellDepthsUm;
    private final TmFractions[] shellComposition;
    private final LayeredOxide[] shellOxide;
    private final double boundingRadiusUm;
    private final double poreReachUm2; // squared distance from the centre beyond which there are no pores

    /**
     * @param id             1-based label
     * @param centreUm       centre in world coordinates, µm
     * @param semiAxesUm     semi-axes along the local x, y, z axes, µm
     * @param rotation       3×3 rotation, row-major, mapping local to world coordinates
     * @param pores          pores in the local frame; must lie inside and not overlap
     * @param profile        composition in depth
     * @param shellStepUm    shell thickness, µm
     */
    public Particle(int id, Vec3 centreUm, double[] semiAxesUm, double[] rotation, List<Pore> pores,
            CompositionProfile profile, double shellStepUm) {
        if (semiAxesUm.length != 3 || rotation.length != 9 || !(shellStepUm > 0)) {
            throw new IllegalArgumentException("3 semi-axes, a 3×3 rotation and a positive shell step are required");
        }
        this.id = id;
        this.centreUm = centreUm;
        this.semiAxesUm = semiAxesUm.clone();
        this.rotation = rotation.clone();
        this.pores = List.copyOf(pores);
        double minAxis = Math.min(semiAxesUm[0], Math.min(semiAxesUm[1], semiAxesUm[2]));
        int shells = Math.max(1, (int) Math.ceil(minAxis / shellStepUm - 1e-9));
        this.shellDepthsUm = new double[shells];
        this.shellComposition = new TmFractions[shells];
        this.shellOxide = new LayeredOxide[shells];
        for (int k = 0; k < shells; k++) {
            double d0 = k * shellStepUm;
            double d1 = Math.min(minAxis, (k + 1) * shellStepUm);
            shellDepthsUm[k] = d0;
            double ni = 0;
            double mn = 0;
            double co = 0;
            int samples = 5;
            for (int s = 0; s < samples; s++) {
                TmFractions f = profile.at(d0 + (s + 0.5) / samples * (d1 - d0));
                ni += f.ni();
                mn += f.mn();
                co += f.co();
            }
            shellComposition[k] = TmFractions.normalised(ni, mn, co);
            shellOxide[k] = LayeredOxide.of(shellComposition[k]);
        }
        this.boundingRadiusUm = Math.max(semiAxesUm[0], Math.max(semiAxesUm[1], semiAxesUm[2]));
        double reach = 0;
        for (Pore pore : this.pores) {
            reach = Math.max(reach, pore.centreLocalUm().norm() + pore.radiusUm());
        }
        this.poreReachUm2 = reach * reach;
    }

    private Particle(Particle other, Vec3 centreUm, LayeredOxide[] shellOxide) {
        this.id = other.id;
        this.centreUm = centreUm;
        this.semiAxesUm = other.semiAxesUm;
        this.rotation = other.rotation;
        this.pores = other.pores;
        this.shellDepthsUm = other.shellDepthsUm;
        this.shellComposition = other.shellComposition;
        this.shellOxide = shellOxide;
        this.boundingRadiusUm = other.boundingRadiusUm;
        this.poreReachUm2 = other.poreReachUm2;
    }

    /** @return the same particle with its centre elsewhere, µm (world) */
    public Particle movedTo(Vec3 centre) {
        return new Particle(this, centre, shellOxide);
    }

    /**
     * @param lithium Li per formula unit of every shell (the density follows the molar mass at the constant molar
     *                volume of {@link LayeredOxide})
     * @return the same particle made of Li<sub>lithium</sub>TMO<sub>2</sub>
     */
    public Particle withLithium(double lithium) {
        LayeredOxide[] oxides = new LayeredOxide[shellOxide.length];
        for (int k = 0; k < oxides.length; k++) {
            LayeredOxide stoichiometric = new LayeredOxide(shellComposition[k], lithium, 1);
            oxides[k] = new LayeredOxide(shellComposition[k], lithium,
                    stoichiometric.molarMassGPerMol() / LayeredOxide.MOLAR_VOLUME_CM3_PER_MOL);
        }
        return new Particle(this, centreUm, oxides);
    }

    /**
     * Distance from the centre to the surface along a world direction.
     *
     * @param u unit direction, world
     * @return µm
     */
    public double radiusAlongUm(double[] u) {
        double[] l = new double[3];
        directionToLocal(u[0], u[1], u[2], l);
        double q = 0;
        for (int i = 0; i < 3; i++) {
            q += l[i] * l[i] / (semiAxesUm[i] * semiAxesUm[i]);
        }
        return 1 / Math.sqrt(q);
    }

    public int id() {
        return id;
    }

    /** @return centre, world coordinates, µm */
    public Vec3 centreUm() {
        return centreUm;
    }

    /** @return semi-axes along the local axes, µm */
    public double[] semiAxesUm() {
        return semiAxesUm.clone();
    }

    /** @return the local-to-world rotation, row-major 3×3 */
    public double[] rotation() {
        return rotation.clone();
    }

    public List<Pore> pores() {
        return pores;
    }

    /** @return the envelope volume (pores included), µm³ */
    public double volumeUm3() {
        return Ellipsoids.volume(semiAxesUm[0], semiAxesUm[1], semiAxesUm[2]);
    }

    /** @return the material volume (pores excluded), µm³ */
    public double solidVolumeUm3() {
        return volumeUm3() - pores.stream().mapToDouble(Pore::volumeUm3).sum();
    }

    /** @return the diameter of the sphere of equal envelope volume, µm */
    public double equivalentDiameterUm() {
        return 2 * Math.cbrt(semiAxesUm[0] * semiAxesUm[1] * semiAxesUm[2]);
    }

    /** @return smallest over largest caliper diameter (for an ellipsoid: shortest over longest axis) */
    public double feretRatio() {
        return Math.min(semiAxesUm[0], Math.min(semiAxesUm[1], semiAxesUm[2]))
                / Math.max(semiAxesUm[0], Math.max(semiAxesUm[1], semiAxesUm[2]));
    }

    /** @return radius of a sphere about the centre that contains the particle, µm */
    public double boundingRadiusUm() {
        return boundingRadiusUm;
    }

    /** @return shell depths d_k, µm */
    public double[] shellDepthsUm() {
        return shellDepthsUm.clone();
    }

    /** @return the number of shells */
    public int shellCount() {
        return shellDepthsUm.length;
    }

    /** @return the composition of shell k */
    public TmFractions shellComposition(int k) {
        return shellComposition[k];
    }

    /** @return the oxide of shell k */
    public LayeredOxide shellOxide(int k) {
        return shellOxide[k];
    }

    /**
     * Linear attenuation per shell at one energy, as increments: {@code out[k] = μ_k − μ_(k−1)}, {@code μ_(−1) = 0}.
     * This is the form {@link #lineIntegral} uses.
     *
     * @return 1/µm
     */
    public double[] attenuationIncrementsPerUm(double energyKev) {
        double[] inc = new double[shellOxide.length];
        double previous = 0;
        for (int k = 0; k < inc.length; k++) {
            double mu = shellOxide[k].linearAttenuationPerUm(energyKev);
            inc[k] = mu - previous;
            previous = mu;
        }
        return inc;
    }

    /** Transforms a world point to the local frame. */
    public void toLocal(double x, double y, double z, double[] out) {
        double dx = x - centreUm.x();
        double dy = y - centreUm.y();
        double dz = z - centreUm.z();
        // local = R^T (world - centre)
        out[0] = rotation[0] * dx + rotation[3] * dy + rotation[6] * dz;
        out[1] = rotation[1] * dx + rotation[4] * dy + rotation[7] * dz;
        out[2] = rotation[2] * dx + rotation[5] * dy + rotation[8] * dz;
    }

    /** Rotates a world direction to the local frame. */
    public void directionToLocal(double ux, double uy, double uz, double[] out) {
        out[0] = rotation[0] * ux + rotation[3] * uy + rotation[6] * uz;
        out[1] = rotation[1] * ux + rotation[4] * uy + rotation[7] * uz;
        out[2] = rotation[2] * ux + rotation[5] * uy + rotation[8] * uz;
    }

    /**
     * The exact line integral of μ along the world ray {@code origin + t·dir}, t over all reals.
     *
     * @param origin     a point on the ray, world, µm
     * @param direction  unit direction, world
     * @param increments {@link #attenuationIncrementsPerUm(double)} at the scan energy
     * @return ∫ μ dl, dimensionless
     */
    public double lineIntegral(double[] origin, double[] direction, double[] increments) {
        // quick rejection with the bounding sphere
        double dx = origin[0] - centreUm.x();
        double dy = origin[1] - centreUm.y();
        double dz = origin[2] - centreUm.z();
        double along = dx * direction[0] + dy * direction[1] + dz * direction[2];
        double perp2 = dx * dx + dy * dy + dz * dz - along * along;
        if (perp2 >= boundingRadiusUm * boundingRadiusUm) {
            return 0;
        }
        double[] p = new double[3];
        double[] u = new double[3];
        toLocal(origin[0], origin[1], origin[2], p);
        directionToLocal(direction[0], direction[1], direction[2], u);
        double[] chord = new double[2];
        // pores hit by this ray
        int poreCount = pores.size();
        double[] poreT0 = new double[poreCount];
        double[] poreT1 = new double[poreCount];
        int hits = 0;
        for (Pore pore : pores) {
            Vec3 c = pore.centreLocalUm();
            if (Ellipsoids.sphereChord(p, u, c.x(), c.y(), c.z(), pore.radiusUm(), chord)) {
                poreT0[hits] = chord[0];
                poreT1[hits] = chord[1];
                hits++;
            }
        }
        double sum = 0;
        for (int k = 0; k < shellDepthsUm.length; k++) {
            double d = shellDepthsUm[k];
            if (!Ellipsoids.chord(p, u, semiAxesUm[0] - d, semiAxesUm[1] - d, semiAxesUm[2] - d, chord)) {
                break; // nested: a ray that misses shell k misses every deeper one
            }
            double length = chord[1] - chord[0];
            for (int h = 0; h < hits; h++) {
                double overlap = Math.min(chord[1], poreT1[h]) - Math.max(chord[0], poreT0[h]);
                if (overlap > 0) {
                    length -= overlap;
                }
            }
            sum += increments[k] * length;
        }
        return sum;
    }

    /**
     * The shell containing a local point, or −1 outside the particle or inside a pore.
     *
     * @param local point in the local frame, µm
     * @return the shell index
     */
    public int shellAt(double[] local) {
        double r2 = local[0] * local[0] + local[1] * local[1] + local[2] * local[2];
        for (int i = 0; i < pores.size() && r2 < poreReachUm2; i++) {
            Pore pore = pores.get(i);
            Vec3 c = pore.centreLocalUm();
            double ex = local[0] - c.x();
            double ey = local[1] - c.y();
            double ez = local[2] - c.z();
            if (ex * ex + ey * ey + ez * ez < pore.radiusUm() * pore.radiusUm()) {
                return -1;
            }
        }
        return envelopeShellAt(local);
    }

    /**
     * The shell containing a local point as if there were no pores, or −1 outside the particle.
     *
     * @param local point in the local frame, µm
     * @return the shell index
     */
    public int envelopeShellAt(double[] local) {
        if (!inside(local, 0)) {
            return -1;
        }
        int lo = 0; // inside shell lo's ellipsoid
        int hi = shellDepthsUm.length; // treat as outside
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (inside(local, mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private boolean inside(double[] local, int k) {
        double d = shellDepthsUm[k];
        double a = semiAxesUm[0] - d;
        double b = semiAxesUm[1] - d;
        double c = semiAxesUm[2] - d;
        return local[0] * local[0] / (a * a) + local[1] * local[1] / (b * b) + local[2] * local[2] / (c * c) < 1;
    }

    /**
     * μ at a world point, by point membership (the slow path, for independent checks).
     *
     * @return 1/µm
     */
    public double attenuationAtPerUm(double x, double y, double z, double energyKev, double[] cachedMu) {
        double[] local = new double[3];
        toLocal(x, y, z, local);
        int k = shellAt(local);
        return k < 0 ? 0 : cachedMu[k];
    }

    /** @return μ per shell at one energy, 1/µm */
    public double[] attenuationPerUm(double energyKev) {
        double[] mu = new double[shellOxide.length];
        for (int k = 0; k < mu.length; k++) {
            mu[k] = shellOxide[k].linearAttenuationPerUm(energyKev);
        }
        return mu;
    }
}
