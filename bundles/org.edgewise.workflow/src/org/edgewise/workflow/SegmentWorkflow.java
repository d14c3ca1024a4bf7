package org.edgewise.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.core.stages.AddStage;
import org.edgewise.segment.stages.ParticlesModel;
import org.edgewise.segment.stages.ParticlesStage;

/**
 * The segmentation recipe of {@code edgewise segment}: the particles of one volume ({@code edgewise.segment.particles}:
 * threshold, opening, hole filling, small-object removal, watershed, optional growth, hulls, depth, shape metrics).
 * The volume comes from a results file: the one named, else the above-edge Ni volume, else the sum of all its
 * floating-point volumes ({@code edgewise.core.add}).
 * <pre>{@code
 * SegmentWorkflow.Plan plan = SegmentWorkflow.builder().file(Path.of("recon/volumes.h5"))
 *         .particles(Parameters.defaults(ParticlesModel.class)).plan();
 * }</pre>
 * A larger workflow segments a volume of its own recipe with {@link #appendSteps}.
 */
public final class SegmentWorkflow {

    /** Name of the segmentation step; its outputs are {@code particles.labels}, {@code particles.depth} ... */
    public static final String STEP = "particles";
    /** The name of the segmented volume when it is the sum of several. */
    public static final String SUM = "sum";

    private SegmentWorkflow() {
    }

    /** @return a builder with the stage's default parameters */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The datasets of a segmentation step (see {@link ParticlesStage}).
     *
     * @param labels    particles 1..n
     * @param grown     the particles after the growth
     * @param hulls     hull interiors
     * @param depth     depth below the hull, µm
     * @param solid     the material mask
     * @param particles shape metrics, one row per particle
     * @param threshold the threshold used, [1, 1]
     */
    public record Segmentation(String labels, String grown, String hulls, String depth, String solid,
            String particles, String threshold) {
    }

    /**
     * A built segmentation of a results file's volume.
     *
     * @param pipeline     the pipeline; results: every dataset of {@link #segmentation()} (the grown labels only
     *                     when the particles grow)
     * @param volume       the segmented volume's name ({@value #SUM} for a sum)
     * @param summed       the volumes added up for a sum, else just {@link #volume()}
     * @param segmentation its datasets
     * @param model        the parameters
     */
    public record Plan(Pipeline pipeline, String volume, List<String> summed, Segmentation segmentation,
            ParticlesModel model) {
    }

    /**
     * Appends the segmentation of a dataset of a recipe (adds no results).
     *
     * @param recipe the recipe
     * @param volume a volume dataset of it, e.g. {@code ni_above.volume}
     * @param model  the parameters
     * @param name   the step's name (e.g. {@value #STEP}, or one per volume)
     * @return the step's datasets
     */
    public static Segmentation appendSteps(Recipe recipe, String volume, ParticlesModel model, String name) {
        String step = recipe.step(ParticlesStage.ID, name, Parameters.validate(model),
                Recipe.bind(ParticlesStage.VOLUME, volume));
        return new Segmentation(Recipe.output(step, ParticlesStage.LABELS), Recipe.output(step, ParticlesStage.GROWN),
                Recipe.output(step, ParticlesStage.HULLS), Recipe.output(step, ParticlesStage.DEPTH),
                Recipe.output(step, ParticlesStage.SOLID), Recipe.output(step, ParticlesStage.PARTICLES),
                Recipe.output(step, ParticlesStage.THRESHOLD));
    }

    /** Collects the file, the volume and the parameters. */
    public static final class Builder {
        private Path file;
        private String volume;
        private ParticlesModel model = Parameters.defaults(ParticlesModel.class);
        private String description;

        private Builder() {
        }

        /** @param volumesFile a results file with volumes (e.g. {@code volumes.h5}) @return this */
        public Builder file(Path volumesFile) {
            this.file = Objects.requireNonNull(volumesFile);
            return this;
        }

        /**
         * @param name the volume to segment; null (default): the above-edge Ni volume, else the sum of all
         *             floating-point volumes
         * @return this
         */
        public Builder volume(String name) {
            this.volume = name;
            return this;
        }

        /** @param particles parameters of {@code edgewise.segment.particles} @return this */
        public Builder particles(ParticlesModel particles) {
            this.model = Parameters.validate(Objects.requireNonNull(particles));
            return this;
        }

        /** @param text the pipeline's description (default: {@code edgewise segment} and the file) @return this */
        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /**
         * @return the segmentation of the chosen volume, its datasets as results
         * @throws IOException              if the file cannot be read
         * @throws IllegalArgumentException if the named volume is missing, or the volumes to add differ in shape or
         *                                  voxel size, or there is no floating-point volume (naming the file)
         */
        public Plan plan() throws IOException {
            if (file == null) {
                throw new IllegalArgumentException("no volumes file to segment");
            }
            List<StandardIo.StoredVolume> stored = StandardIo.volumes(file);
            List<String> names = stored.stream().map(StandardIo.StoredVolume::name).toList();
            List<StandardIo.StoredVolume> chosen = choose(stored, names);
            Recipe recipe = new Recipe();
            String dataset = recipe.input(chosen.get(0).input());
            for (int i = 1; i < chosen.size(); i++) {
                String addend = recipe.input(chosen.get(i).input());
                dataset = Recipe.output(recipe.step(AddStage.ID, "add_" + addend, new NoParameters(),
                        Recipe.bind(AddStage.VOLUME, dataset, AddStage.ADDEND, addend)), AddStage.VOLUME);
            }
            Segmentation segmentation = appendSteps(recipe, dataset, model, STEP);
            recipe.result(segmentation.labels());
            if (model.dilateUm() > 0) {
                recipe.result(segmentation.grown());
            }
            recipe.result(segmentation.hulls());
            recipe.result(segmentation.depth());
            recipe.result(segmentation.solid());
            recipe.result(segmentation.particles());
            recipe.result(segmentation.threshold());
            List<String> summed = chosen.stream().map(StandardIo.StoredVolume::name).toList();
            String text = description != null ? description : "edgewise segment " + file;
            return new Plan(recipe.build(text), chosen.size() == 1 ? summed.get(0) : SUM, summed, segmentation,
                    model);
        }

        /** @return {@link #plan()}'s pipeline @throws IOException as {@link #plan()} */
        public Pipeline build() throws IOException {
            return plan().pipeline();
        }

        /** The requested volume, the above-edge Ni one, or all floating-point volumes (to be added up). */
        private List<StandardIo.StoredVolume> choose(List<StandardIo.StoredVolume> stored, List<String> names) {
            if (volume != null) {
                return List.of(stored.stream().filter(v -> v.name().equals(volume)).findFirst().orElseThrow(
                        () -> new IllegalArgumentException(file + ": no volume '" + volume + "'; volumes are "
                                + names)));
            }
            for (StandardIo.StoredVolume v : stored) {
                String lower = v.name().toLowerCase(Locale.ROOT);
                if (lower.matches("(.*[^a-z])?ni([^a-z].*)?") && lower.contains("above")) {
                    return List.of(v);
                }
            }
            List<StandardIo.StoredVolume> floating = new ArrayList<>();
            for (StandardIo.StoredVolume v : stored) {
                if (!v.floating()) {
                    continue;
                }
                if (!floating.isEmpty()) {
                    StandardIo.StoredVolume first = floating.get(0);
                    if (!Arrays.equals(first.shape(), v.shape())
                            || !(Math.abs(v.voxelSizeUm() - first.voxelSizeUm()) <= 1e-6 * first.voxelSizeUm())) {
                        throw new IllegalArgumentException(file + ": volume '" + v.name() + "' differs in shape or"
                                + " voxel size from " + floating.stream().map(StandardIo.StoredVolume::name).toList()
                                + "; choose one volume to segment");
                    }
                }
                floating.add(v);
            }
            if (floating.isEmpty()) {
                throw new IllegalArgumentException(file + ": no floating-point volume to segment; volumes are "
                        + names);
            }
            return floating;
        }
    }
}
