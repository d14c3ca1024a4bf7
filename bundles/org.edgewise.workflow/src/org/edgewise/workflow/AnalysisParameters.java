package org.edgewise.workflow;

import java.util.Objects;

import org.edgewise.api.parameters.Parameters;
import org.edgewise.gradient.stages.MetricsModel;
import org.edgewise.gradient.stages.ProfilesModel;
import org.edgewise.segment.stages.ParticlesModel;

/**
 * Everything the gradient analysis can be told, as the parameter records of its stages: where depth zero lies and
 * how particles are found ({@link ParticlesModel}: surface level, growth, depth offset), the depth statistics
 * ({@link ProfilesModel}: bins, variance clusters, confidence, lithium, reliable region, depth resolution) and the
 * Table-1 windows ({@link MetricsModel}). The defaults are those of {@code edgewise analyze}, chosen by measurement
 * ({@code docs/method.md}).
 *
 * @param particles segmentation and depth map of {@code edgewise.segment.particles}
 * @param profiles  depth statistics of {@code edgewise.gradient.profiles} (its lithium also calibrates the maps)
 * @param metrics   windows of {@code edgewise.gradient.metrics}
 * @param register  whether the Mn and Co pairs are registered to the Ni grid in 3-D (false: taken as they are)
 */
public record AnalysisParameters(ParticlesModel particles, ProfilesModel profiles, MetricsModel metrics,
        boolean register) {

    public AnalysisParameters {
        Parameters.validate(Objects.requireNonNull(particles, "particles"));
        Parameters.validate(Objects.requireNonNull(profiles, "profiles"));
        Parameters.validate(Objects.requireNonNull(metrics, "metrics"));
    }

    /** @return the defaults of every stage, pairs registered */
    public static AnalysisParameters defaults() {
        return new AnalysisParameters(Parameters.defaults(ParticlesModel.class),
                Parameters.defaults(ProfilesModel.class), Parameters.defaults(MetricsModel.class), true);
    }

    /** @param model other segmentation parameters @return a copy with them */
    public AnalysisParameters withParticles(ParticlesModel model) {
        return new AnalysisParameters(model, profiles, metrics, register);
    }

    /** @param model other depth statistics @return a copy with them */
    public AnalysisParameters withProfiles(ProfilesModel model) {
        return new AnalysisParameters(particles, model, metrics, register);
    }

    /** @param model other Table-1 windows @return a copy with them */
    public AnalysisParameters withMetrics(MetricsModel model) {
        return new AnalysisParameters(particles, profiles, model, register);
    }

    /** @param on whether to register the Mn and Co pairs to the Ni grid @return a copy with it */
    public AnalysisParameters withRegister(boolean on) {
        return new AnalysisParameters(particles, profiles, metrics, on);
    }
}
