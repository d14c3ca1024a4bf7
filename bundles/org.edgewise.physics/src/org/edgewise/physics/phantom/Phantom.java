package org.edgewise.physics.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A set of particles in a cubic field of view centred on the rotation axis (world origin), built deterministically
 * from a seed.
 */
public final class Phantom {

    /** Gap kept between particles and between particles and the edge of the field, µm. */
    public static final double MARGIN_UM = 0.3;

    private final List<Particle> particles;
    private final double fieldUm;
    private final String profileName;

    public Phantom(List<Particle> particles, double fieldUm, String profileName) {
        this.particles = List.copyOf(particles);
        this.fieldUm = fieldUm;
        this.profileName = profileName;
    }

    public List<Particle> particles() {
        return particles;
    }

    /** @return side of the cubic field of view, µm */
    public double fieldUm() {
        return fieldUm;
    }

    public String profileName() {
        return profileName;
    }

    /**
     * Builds particles with sizes and Feret ratios scattered ±5% / ±0.03 about the requested values, random
     * orientations, pores clustered near the centre, and places them without overlap inside the cylinder that stays
     * in view over a full rotation.
     *
     * @param spec what to build
     * @param seed random seed; the same seed gives the same phantom
     * @return the phantom
     */
    public static Phantom generate(PhantomSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> axes = new ArrayList<>();
        List<double[]> rotations = new ArrayList<>();
        double maxRadius = 0;
        for (int i = 0; i < spec.particles(); i++) {
            double diameter = spec.diameterUm() * (1 + 0.05 * (2 * random.nextDouble() - 1));
            double ratio = Math.min(1, spec.feretRatio() + 0.03 * (2 * random.nextDouble() - 1));
            // a : b : c = 1 : sqrt(r) : r, abc = (D/2)^3
            double a = diameter / 2 / Math.sqrt(ratio);
            double[] s = { a, a * Math.sqrt(ratio), a * ratio };
            axes.add(s);
            rotations.add(randomRotation(random));
            maxRadius = Math.max(maxRadius, a);
        }
        double field = spec.fieldUm() > 0 ? spec.fieldUm() : 2 * (maxRadius + MARGIN_UM);
        List<Vec3> centres = null;
        while (centres == null) {
            centres = place(axes, field, random);
            if (centres == null) {
                if (spec.fieldUm() > 0) {
                    throw new IllegalArgumentException(spec.particles() + " particles of " + spec.diameterUm()
                            + " µm do not fit in a field of " + spec.fieldUm() + " µm");
                }
                field *= 1.04;
            }
        }
        List<Particle> particles = new ArrayList<>();
        for (int i = 0; i < spec.particles(); i++) {
            double[] s = axes.get(i);
            List<Pore> pores = pores(s, spec.porosity(), random);
            particles.add(new Particle(i + 1, centres.get(i), s, rotations.get(i), pores,
                    spec.profile().forParticle(s), spec.shellStepUm()));
        }
        return new Phantom(particles, field, spec.profile().name());
    }

    /**
     * The same phantom with its second particle moved along the line between the first two centres until the two
     * surfaces overlap by {@code overlapUm} along that line: a touching pair, one connected object in a mask, that a
     * segmentation must separate.
     *
     * @return the rearranged phantom (unchanged with fewer than two particles)
     */
    public Phantom touching(double overlapUm) {
        if (particles.size() < 2) {
            return this;
        }
        Particle a = particles.get(0);
        Particle b = particles.get(1);
        Vec3 d = b.centreUm().minus(a.centreUm());
        double length = d.norm();
        double[] u = { d.x() / length, d.y() / length, d.z() / length };
        double[] back = { -u[0], -u[1], -u[2] };
        double distance = a.radiusAlongUm(u) + b.radiusAlongUm(back) - overlapUm;
        Vec3 centre = new Vec3(a.centreUm().x() + u[0] * distance, a.centreUm().y() + u[1] * distance,
                a.centreUm().z() + u[2] * distance);
        List<Particle> moved = new ArrayList<>(particles);
        moved.set(1, b.movedTo(centre));
        return new Phantom(moved, fieldUm, profileName);
    }

    /** @return the same phantom made of Li<sub>lithium</sub>TMO<sub>2</sub> */
    public Phantom withLithium(double lithium) {
        return new Phantom(particles.stream().map(p -> p.withLithium(lithium)).toList(), fieldUm, profileName);
    }

    private static List<Vec3> place(List<double[]> axes, double field, SplittableRandom random) {
        List<Vec3> centres = new ArrayList<>();
        for (double[] s : axes) {
            double r = s[0] + MARGIN_UM;
            double room = field / 2 - r;
            if (room < 0) {
                return null;
            }
            Vec3 found = null;
            for (int attempt = 0; attempt < 2000 && found == null; attempt++) {
                double radial = room * Math.sqrt(random.nextDouble());
                double phi = 2 * Math.PI * random.nextDouble();
                Vec3 c = new Vec3(radial * Math.cos(phi), radial * Math.sin(phi), room * (2 * random.nextDouble() - 1));
                boolean free = true;
                for (int j = 0; j < centres.size() && free; j++) {
                    free = c.minus(centres.get(j)).norm() >= r + axes.get(j)[0] + MARGIN_UM;
                }
                if (free) {
                    found = c;
                }
            }
            if (found == null) {
                return null;
            }
            centres.add(found);
        }
        return centres;
    }

    /** Pores with log-uniform radii 0.08–0.30 µm, centres Gaussian about the particle centre (σ = 20% of each axis). */
    static List<Pore> pores(double[] s, double porosity, SplittableRandom random) {
        List<Pore> pores = new ArrayList<>();
        double target = porosity * Ellipsoids.volume(s[0], s[1], s[2]);
        double volume = 0;
        for (int attempt = 0; attempt < 20000 && volume < target; attempt++) {
            double r = 0.08 * Math.exp(Math.log(0.30 / 0.08) * random.nextDouble());
            Vec3 c = new Vec3(0.2 * s[0] * gaussian(random), 0.2 * s[1] * gaussian(random),
                    0.2 * s[2] * gaussian(random));
            double d = r + 0.15; // keep pores well inside: inside the shell ellipsoid at depth r + 0.15 µm
            double q = sq(c.x() / (s[0] - d)) + sq(c.y() / (s[1] - d)) + sq(c.z() / (s[2] - d));
            if (d >= Math.min(s[0], Math.min(s[1], s[2])) || q >= 1) {
                continue;
            }
            boolean free = true;
            for (Pore p : pores) {
                if (c.minus(p.centreLocalUm()).norm() < r + p.radiusUm() + 0.03) {
                    free = false;
                    break;
                }
            }
            if (free) {
                Pore pore = new Pore(c, r);
                pores.add(pore);
                volume += pore.volumeUm3();
            }
        }
        return pores;
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; SplittableRandom has no nextGaussian in Java 17
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A uniformly random rotation from a random unit quaternion (Shoemake). */
    static double[] randomRotation(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = 2 * Math.PI * random.nextDouble();
        double u3 = 2 * Math.PI * random.nextDouble();
        double w = Math.sqrt(1 - u1) * Math.sin(u2);
        double x = Math.sqrt(1 - u1) * Math.cos(u2);
        double y = Math.sqrt(u1) * Math.sin(u3);
        double z = Math.sqrt(u1) * Math.cos(u3);
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y) };
    }

    /** Standard normal variate (Box–Muller), for the simulator's noise terms. */
    static double normal(SplittableRandom random) {
        return gaussian(random);
    }
}
