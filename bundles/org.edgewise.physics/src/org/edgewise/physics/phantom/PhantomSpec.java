package org.edgewise.physics.phantom;

/**
 * What to build: how many particles, their size and shape, composition and porosity.
 *
 * @param particles     number of particles, ≥ 1
 * @param diameterUm    mean equivalent diameter, µm (the paper's particles: ≈ 5.5 µm)
 * @param feretRatio    mean smallest/largest caliper ratio, 0..1 (paper: 0.66–0.75)
 * @param profile       composition in depth (a preset {@link Architecture} or a {@link TabulatedProfile})
 * @param porosity      pore volume as a share of each particle's envelope, 0..0.3 (pores cluster near the centre)
 * @param shellStepUm   thickness of the constant-composition shells, µm
 * @param fieldUm       side of the cubic field of view, µm; ≤ 0 chooses the smallest field that holds the particles
 */
public record PhantomSpec(int particles, double diameterUm, double feretRatio, ProfileModel profile, double porosity,
        double shellStepUm, double fieldUm) {

    public PhantomSpec {
        if (particles < 1) {
            throw new IllegalArgumentException("at least one particle is needed, was " + particles);
        }
        if (!(diameterUm > 0) || !(feretRatio > 0.2 && feretRatio <= 1)) {
            throw new IllegalArgumentException("diameter must be > 0 µm and the Feret ratio in (0.2, 1], were "
                    + diameterUm + ", " + feretRatio);
        }
        if (!(porosity >= 0 && porosity <= 0.3) || !(shellStepUm > 0) || profile == null) {
            throw new IllegalArgumentException("porosity must lie in [0, 0.3], the shell step be > 0 and a profile"
                    + " be given");
        }
    }

    /** The paper's particles: 5.5 µm, Feret ratio 0.7, 4% porosity, 0.02 µm shells, automatic field. */
    public static PhantomSpec paperLike(ProfileModel profile, int particles) {
        return new PhantomSpec(particles, 5.5, 0.7, profile, 0.04, 0.02, 0);
    }
}
