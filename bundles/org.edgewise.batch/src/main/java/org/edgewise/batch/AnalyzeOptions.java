package org.edgewise.batch;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edgewise.api.parameters.InvalidParameterException;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.gradient.stages.MetricsModel;
import org.edgewise.gradient.stages.ProfilesModel;
import org.edgewise.segment.stages.ParticlesModel;
import org.edgewise.workflow.AnalysisParameters;

/**
 * A run's parameter overrides as {@link AnalysisParameters}: the names are the options of {@code edgewise analyze}
 * without their dashes, with the same meaning, units and checks; what a run does not override keeps the default of
 * {@code edgewise analyze} ({@link AnalysisParameters#defaults()}).
 * <pre>
 * surface-level 0.45   dilate-um 0.1   depth-offset 0.2   cluster 4   resolution 1   confidence 0.99   lithium 1.0
 * edge 0.25,0.30       core 1.95,2.00  region 0.25,2.00   no-register true
 * </pre>
 */
final class AnalyzeOptions {

    /** Every name a manifest may use, in the order of {@code edgewise analyze --help}. */
    static final List<String> NAMES = List.of("surface-level", "dilate-um", "depth-offset", "cluster", "resolution",
            "confidence", "lithium", "edge", "core", "region", "no-register");

    /** Stage parameter (record component) → the option that sets it. */
    private static final Map<String, String> OPTION_OF = Map.ofEntries(Map.entry("surfaceLevel", "surface-level"),
            Map.entry("dilateUm", "dilate-um"), Map.entry("depthOffsetVoxels", "depth-offset"),
            Map.entry("clusterVoxels", "cluster"), Map.entry("resolutionVoxels", "resolution"),
            Map.entry("confidence", "confidence"), Map.entry("lithium", "lithium"), Map.entry("edgeFromUm", "edge"),
            Map.entry("edgeToUm", "edge"), Map.entry("coreFromUm", "core"), Map.entry("coreToUm", "core"),
            Map.entry("regionFromUm", "region"), Map.entry("regionToUm", "region"));

    private AnalyzeOptions() {
    }

    /**
     * @param overrides name → value as text
     * @return the defaults with the overrides applied, validated
     * @throws IllegalArgumentException with one line naming the parameter and the problem
     */
    static AnalysisParameters parse(Map<String, String> overrides) {
        for (String name : overrides.keySet()) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "' (the options of edgewise analyze:"
                        + " " + String.join(", ", NAMES) + ")");
            }
        }
        AnalysisParameters d = AnalysisParameters.defaults();
        ParticlesModel p = d.particles();
        ProfilesModel q = d.profiles();
        MetricsModel m = d.metrics();
        double[] edge = window(overrides, "edge", m.edgeFromUm(), m.edgeToUm());
        double[] core = window(overrides, "core", m.coreFromUm(), m.coreToUm());
        double[] region = window(overrides, "region", m.regionFromUm(), m.regionToUm());
        try {
            return new AnalysisParameters(
                    Parameters.validate(new ParticlesModel(p.method(), p.threshold(), p.openRadiusUm(),
                            p.minVolumeUm3(), p.hUm(), number(overrides, "dilate-um", p.dilateUm()),
                            number(overrides, "surface-level", p.surfaceLevel()),
                            number(overrides, "depth-offset", p.depthOffsetVoxels()))),
                    Parameters.validate(new ProfilesModel(q.binUm(), integer(overrides, "cluster", q.clusterVoxels()),
                            number(overrides, "confidence", q.confidence()), number(overrides, "lithium",
                                    q.lithium()), q.tolerance(), number(overrides, "resolution",
                                            q.resolutionVoxels()))),
                    Parameters.validate(new MetricsModel(edge[0], edge[1], core[0], core[1], region[0], region[1])),
                    !flag(overrides, "no-register", !d.register()));
        } catch (InvalidParameterException e) {
            // the stage's bounds, said under the manifest's name of the parameter
            throw new IllegalArgumentException(OPTION_OF.getOrDefault(e.parameter(), e.parameter()) + ": "
                    + e.getMessage(), e);
        }
    }

    private static double number(Map<String, String> overrides, String name, double fallback) {
        String text = overrides.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + text + "'", e);
        }
    }

    private static int integer(Map<String, String> overrides, String name, int fallback) {
        String text = overrides.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + text + "'", e);
        }
    }

    private static boolean flag(Map<String, String> overrides, String name, boolean fallback) {
        String text = overrides.get(name);
        if (text == null) {
            return fallback;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + text + "'");
        };
    }

    /** {@code FROM,TO} in µm with 0 ≤ FROM ≤ TO, as {@code edgewise analyze --edge} takes it. */
    private static double[] window(Map<String, String> overrides, String name, double from, double to) {
        String text = overrides.get(name);
        if (text == null) {
            return new double[] { from, to };
        }
        String[] parts = text.split(",");
        try {
            double a = Double.parseDouble(parts[0].trim());
            double b = Double.parseDouble(parts[1].trim());
            if (parts.length == 2 && a >= 0 && b >= a) {
                return new double[] { a, b };
            }
        } catch (RuntimeException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be FROM,TO in µm with 0 ≤ FROM ≤ TO, was '" + text + "'");
    }
}
