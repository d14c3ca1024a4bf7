package org.edgewise.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.edgewise.api.Element;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.gradient.stages.CompositionMapsModel;
import org.edgewise.gradient.stages.CompositionMapsStage;
import org.edgewise.gradient.stages.DifferenceModel;
import org.edgewise.gradient.stages.DifferenceStage;
import org.edgewise.gradient.stages.MetricsStage;
import org.edgewise.gradient.stages.ProfilesStage;
import org.edgewise.gradient.stages.RegisterElementStage;
import org.edgewise.gradient.stages.ResampleStage;

/**
 * The gradient-analysis recipe of {@code edgewise analyze}: the six reconstructions (appended by
 * {@link ReconstructWorkflow} from raw scans, or read from the {@code volumes.h5} of {@code edgewise reconstruct}),
 * the particles of the Ni above-edge volume with their hull depth ({@code edgewise.segment.particles}), the Mn and Co
 * pairs registered to the Ni grid ({@code edgewise.gradient.register-element}, {@code edgewise.gradient.resample}),
 * Δμ per element ({@code edgewise.gradient.difference}), the depth profiles with ratio and calibrated fraction
 * ({@code edgewise.gradient.profiles}), the Table-1 metrics ({@code edgewise.gradient.metrics}) and the ratio and
 * fraction maps ({@code edgewise.gradient.composition-maps}).
 * <pre>{@code
 * AnalyzeWorkflow.Plan plan = AnalyzeWorkflow.builder().scans(Scans.read(List.of(folder)))
 *         .parameters(AnalysisParameters.defaults()).plan();
 * RunResult run = StandardIo.runner().run(plan.pipeline(), base, out, RunOptions.defaults(), monitor);
 * }</pre>
 * {@link Analysis#run} runs it and writes the analysis files; a larger workflow embeds it with
 * {@link Builder#appendTo(Recipe)}.
 */
public final class AnalyzeWorkflow {

    /** Name of the segmentation step: {@code particles.labels}, {@code particles.depth} ... */
    public static final String SEGMENTATION_STEP = SegmentWorkflow.STEP;
    /** Name of the profiles step. */
    public static final String PROFILES_STEP = "profiles";
    /** Name of the metrics step. */
    public static final String METRICS_STEP = "metrics";
    /** Name of the composition maps step. */
    public static final String MAPS_STEP = "maps";

    private AnalyzeWorkflow() {
    }

    /** @return a builder with the defaults of every stage */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The reconstructions of one element's energy pair, as datasets of the recipe, each on its own grid.
     *
     * @param below the volume below the edge, 1/µm
     * @param above the volume above the edge (on the below-edge scan's grid when the pair was registered)
     */
    public record PairVolumes(String below, String above) {
    }

    /**
     * A built analysis; every dataset named here is a result of its pipeline.
     *
     * @param pipeline       the pipeline
     * @param reconstruction the embedded reconstruction, or null when the volumes came from a file
     * @param volumesFile    the volumes file read instead of reconstructing, or null
     * @param volumes        per element its pair's reconstructions
     * @param segmentation   the particles and their depth map, on the Ni grid
     * @param registrations  per registered element (Mn, Co) the table of {@code edgewise.gradient.register-element}
     * @param deltaMu        per element Δμ on the Ni grid, 1/µm
     * @param profiles       the profile table
     * @param metrics        the Table-1 metrics table
     * @param maps           the ratio and fraction maps, by the output port names of
     *                       {@code edgewise.gradient.composition-maps} (e.g. {@code fraction_ni})
     * @param parameters     the parameters
     */
    public record Plan(Pipeline pipeline, ReconstructWorkflow.Plan reconstruction, Path volumesFile,
            Map<Element, PairVolumes> volumes, SegmentWorkflow.Segmentation segmentation,
            Map<Element, String> registrations, Map<Element, String> deltaMu, String profiles, String metrics,
            Map<String, String> maps, AnalysisParameters parameters) {
    }

    /** @return the name of an element in dataset names, e.g. {@code ni} */
    static String name(Element element) {
        return element.symbol().toLowerCase(Locale.ROOT);
    }

    /** @return the volume name of one side of an element's pair, e.g. {@code ni_above} */
    public static String volumeName(Element element, boolean above) {
        return name(element) + (above ? "_above" : "_below");
    }

    /** Collects the input (scans or a volumes file) and the parameters. */
    public static final class Builder {
        private List<Scan> scans;
        private Path volumesFile;
        private ReconstructWorkflow.Builder reconstruction = ReconstructWorkflow.builder();
        private AnalysisParameters parameters = AnalysisParameters.defaults();
        private String description;

        private Builder() {
        }

        /** @param scans the six raw (or aligned) scans, reconstructed first @return this */
        public Builder scans(List<Scan> scans) {
            this.scans = List.copyOf(scans);
            this.volumesFile = null;
            return this;
        }

        /**
         * @param file a results file with the volumes {@code ni_below}, {@code ni_above}, ... {@code co_above}
         *             (the {@code volumes.h5} of {@code edgewise reconstruct}), analysed without reconstructing
         * @return this
         */
        public Builder volumes(Path file) {
            this.volumesFile = Objects.requireNonNull(file);
            this.scans = null;
            return this;
        }

        /** @param builder how the scans are reconstructed (its scans are replaced by {@link #scans}) @return this */
        public Builder reconstruction(ReconstructWorkflow.Builder builder) {
            this.reconstruction = Objects.requireNonNull(builder);
            return this;
        }

        /** @param parameters the stages' parameters @return this */
        public Builder parameters(AnalysisParameters parameters) {
            this.parameters = Objects.requireNonNull(parameters);
            return this;
        }

        /** @param text the pipeline's description (provenance) @return this */
        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /**
         * Appends the reconstruction (or the volumes file's inputs) and the analysis to a recipe.
         *
         * @param recipe the recipe
         * @return the plan (its pipeline is the recipe so far)
         * @throws IOException              if there is no input, a volume or scan of a pair is missing, or the
         *                                  volumes file cannot be read (naming the file)
         */
        public Plan appendTo(Recipe recipe) throws IOException {
            Map<Element, PairVolumes> volumes = new EnumMap<>(Element.class);
            ReconstructWorkflow.Plan reconstructed = null;
            if (volumesFile != null) {
                Map<String, StandardIo.StoredVolume> stored = new LinkedHashMap<>();
                for (StandardIo.StoredVolume v : StandardIo.volumes(volumesFile)) {
                    stored.put(v.name(), v);
                }
                for (Element e : Element.values()) {
                    String[] sides = new String[2];
                    for (int above = 0; above < 2; above++) {
                        String volume = volumeName(e, above == 1);
                        StandardIo.StoredVolume v = stored.get(volume);
                        if (v == null) {
                            throw new IOException(volumesFile + ": no volume " + volume + "; volumes are "
                                    + stored.keySet());
                        }
                        sides[above] = recipe.input(v.input());
                        recipe.result(sides[above]);
                    }
                    volumes.put(e, new PairVolumes(sides[0], sides[1]));
                }
            } else if (scans != null) {
                reconstructed = reconstruction.scans(scans).appendTo(recipe);
                for (Element e : Element.values()) {
                    String below = null;
                    String above = null;
                    for (Scan scan : scans) {
                        if (scan.element() == e) {
                            if (scan.above()) {
                                above = reconstructed.volumes().get(scan.name());
                            } else {
                                below = reconstructed.volumes().get(scan.name());
                            }
                        }
                    }
                    if (below == null || above == null) {
                        throw new IOException("no " + (below == null ? "below" : "above") + "-edge scan of "
                                + e.symbol() + " among " + scans.stream().map(Scan::file).toList());
                    }
                    volumes.put(e, new PairVolumes(below, above));
                }
            } else {
                throw new IOException("no scans or volumes to analyse");
            }
            return appendAnalysis(recipe, volumes, reconstructed);
        }

        private Plan appendAnalysis(Recipe recipe, Map<Element, PairVolumes> volumes,
                ReconstructWorkflow.Plan reconstructed) {
            String niBelow = volumes.get(Element.NI).below();
            // the particles are found on the Ni above-edge volume, the reference grid of every element
            SegmentWorkflow.Segmentation segmentation = SegmentWorkflow.appendSteps(recipe,
                    volumes.get(Element.NI).above(), parameters.particles(), SEGMENTATION_STEP);
            recipe.result(segmentation.labels());
            if (parameters.particles().dilateUm() > 0 || parameters.particles().surfaceLevel() > 0) {
                recipe.result(segmentation.grown());
            }
            recipe.result(segmentation.hulls());
            recipe.result(segmentation.depth());
            recipe.result(segmentation.particles());
            recipe.result(segmentation.threshold());
            Map<Element, String> registrations = new EnumMap<>(Element.class);
            Map<Element, String> deltaMu = new EnumMap<>(Element.class);
            for (Element e : Element.values()) {
                PairVolumes pair = volumes.get(e);
                String below = pair.below();
                String above = pair.above();
                if (e != Element.NI && parameters.register()) {
                    String registration = Recipe.output(recipe.step(RegisterElementStage.ID, name(e) + "_to_ni",
                            new NoParameters(), Recipe.bind(RegisterElementStage.REFERENCE, niBelow,
                                    RegisterElementStage.MOVING, below, RegisterElementStage.LABELS,
                                    segmentation.labels())), RegisterElementStage.REGISTRATION);
                    recipe.result(registration);
                    registrations.put(e, registration);
                    below = resample(recipe, volumeName(e, false), below, registration);
                    above = resample(recipe, volumeName(e, true), above, registration);
                }
                String difference = Recipe.output(recipe.step(DifferenceStage.ID, "delta_mu_" + name(e),
                        new DifferenceModel(e.symbol()), Recipe.bind(DifferenceStage.ABOVE, above,
                                DifferenceStage.BELOW, below)), DifferenceStage.DELTA_MU);
                recipe.result(difference);
                deltaMu.put(e, difference);
            }
            Map<String, String> profileInputs = new LinkedHashMap<>();
            for (Element e : Element.values()) {
                profileInputs.put(ProfilesStage.port(e), deltaMu.get(e));
            }
            Map<String, String> profileBindings = new LinkedHashMap<>(profileInputs);
            profileBindings.put(ProfilesStage.HULLS, segmentation.hulls());
            profileBindings.put(ProfilesStage.DEPTH, segmentation.depth());
            String profiles = Recipe.output(recipe.step(ProfilesStage.ID, PROFILES_STEP, parameters.profiles(),
                    profileBindings), ProfilesStage.PROFILES);
            recipe.result(profiles);
            String metrics = Recipe.output(recipe.step(MetricsStage.ID, METRICS_STEP, parameters.metrics(),
                    Recipe.bind(MetricsStage.PROFILES, profiles)), MetricsStage.METRICS);
            recipe.result(metrics);
            Map<String, String> mapBindings = new LinkedHashMap<>(profileInputs);
            mapBindings.put(CompositionMapsStage.HULLS, segmentation.hulls());
            String step = recipe.step(CompositionMapsStage.ID, MAPS_STEP,
                    new CompositionMapsModel(parameters.profiles().lithium()), mapBindings);
            Map<String, String> maps = new LinkedHashMap<>();
            for (Element e : Element.values()) {
                for (String port : List.of(CompositionMapsStage.ratio(e), CompositionMapsStage.fraction(e),
                        CompositionMapsStage.fractionSd(e))) {
                    String map = Recipe.output(step, port);
                    recipe.result(map);
                    maps.put(port, map);
                }
            }
            return new Plan(recipe.build(description()), reconstructed, volumesFile, volumes, segmentation,
                    registrations, deltaMu, profiles, metrics, maps, parameters);
        }

        private static String resample(Recipe recipe, String name, String volume, String registration) {
            return Recipe.output(recipe.step(ResampleStage.ID, name + "_on_ni", new NoParameters(), Recipe.bind(
                    ResampleStage.VOLUME, volume, ResampleStage.REGISTRATION, registration)), ResampleStage.VOLUME);
        }

        /** @return the analysis alone @throws IOException as {@link #appendTo} */
        public Plan plan() throws IOException {
            Recipe recipe = new Recipe();
            return appendTo(recipe);
        }

        /** @return {@link #plan()}'s pipeline @throws IOException as {@link #appendTo} */
        public Pipeline build() throws IOException {
            return plan().pipeline();
        }

        private String description() {
            if (description != null) {
                return description;
            }
            return "edgewise analyze " + (volumesFile != null ? volumesFile.toString()
                    : scans.stream().map(Scan::file).map(Path::toString).toList().toString());
        }
    }
}
