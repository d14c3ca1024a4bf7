package org.edgewise.physics.phantom;

import java.util.List;

/**
 * What a large field holds: how many particles, the distributions their size, shape and composition are drawn
 * from, and how they are packed ({@link Field#generate}).
 *
 * @param particles      number of particles, ≥ 1
 * @param architectures  composition models; each particle draws one of them with equal probability
 * @param diameterUm     median equivalent-sphere diameter, µm (the paper's secondary particles: ≈ 5.5 µm)
 * @param diameterSpread σ of the natural logarithm of the diameter (0.12: about ±12 %)
 * @param feretRatioMin  smallest Feret ratio (shortest/longest axis); ratios are uniform in [min, max]
 * @param feretRatioMax  largest Feret ratio (paper: 0.66–0.75)
 * @param porosity       pore volume as a share of each particle's envelope, 0..0.3 (pores cluster near the centre)
 * @param shellStepUm    thickness of the constant-composition shells, µm
 * @param touchingShare  share of particles placed in contact with an earlier one, 0..1
 * @param maxOverlap     a touching pair may interpenetrate: its contact scale is uniform in [1 − maxOverlap, 1]
 *                       (0 = exact tangency; 0.03 lets a 5.5 µm pair overlap by up to about 0.15 µm)
 * @param gap            every other pair keeps a contact scale ≥ 1 + gap (0.05: about 0.1–0.3 µm apart at least)
 */
public record FieldSpec(int particles, List<ProfileModel> architectures, double diameterUm, double diameterSpread,
        double feretRatioMin, double feretRatioMax, double porosity, double shellStepUm, double touchingShare,
        double maxOverlap, double gap) {

    public FieldSpec {
        if (particles < 1 || architectures == null || architectures.isEmpty()) {
            throw new IllegalArgumentException("at least one particle and one architecture are required");
        }
        architectures = List.copyOf(architectures);
        if (!(diameterUm > 0) || !(diameterSpread >= 0 && diameterSpread <= 0.5)) {
            throw new IllegalArgumentException("the diameter must be > 0 µm and its log spread in [0, 0.5], were "
                    + diameterUm + ", " + diameterSpread);
        }
        if (!(feretRatioMin > 0.2 && feretRatioMin <= feretRatioMax && feretRatioMax <= 1)) {
            throw new IllegalArgumentException("Feret ratios must satisfy 0.2 < min <= max <= 1, were " + feretRatioMin
                    + ", " + feretRatioMax);
        }
        if (!(porosity >= 0 && porosity <= 0.3) || !(shellStepUm > 0)) {
            throw new IllegalArgumentException("porosity must lie in [0, 0.3] and the shell step be > 0");
        }
        if (!(touchingShare >= 0 && touchingShare <= 1) || !(maxOverlap >= 0 && maxOverlap <= 0.1)
                || !(gap >= 0 && gap <= 1)) {
            throw new IllegalArgumentException("touching share must lie in [0, 1], the overlap in [0, 0.1] and the gap"
                    + " in [0, 1]");
        }
    }

    /**
     * The paper's secondary particles: 5.5 µm median diameter with a 12 % log spread, Feret ratio 0.66–0.75, 4 %
     * porosity near the centre, 0.02 µm shells; a third of them touching a neighbour with up to 3 % overlap.
     *
     * @param architectures the composition models to draw from
     * @param particles     how many
     * @return the spec
     */
    public static FieldSpec paperLike(List<ProfileModel> architectures, int particles) {
        return new FieldSpec(particles, architectures, 5.5, 0.12, 0.66, 0.75, 0.04, 0.02, 0.3, 0.03, 0.05);
    }

    /** @return the same spec with another particle count */
    public FieldSpec withParticles(int count) {
        return new FieldSpec(count, architectures, diameterUm, diameterSpread, feretRatioMin, feretRatioMax, porosity,
                shellStepUm, touchingShare, maxOverlap, gap);
    }
}
