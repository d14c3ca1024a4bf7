package org.edgewise.physics.phantom;

/**
 * Makes the composition profile of one particle from its shape: an {@link Architecture} places its precursor
 * layers by volume, so their depths depend on the particle's size; a {@link TabulatedProfile} ignores the shape.
 */
public interface ProfileModel {

    /**
     * @param semiAxesUm the particle's three semi-axes, µm
     * @return the profile in depth below the surface
     */
    CompositionProfile forParticle(double[] semiAxesUm);

    /** @return a short name for reports, e.g. {@code 63ni} or {@code user:profile.csv} */
    String name();
}
