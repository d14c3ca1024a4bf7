package org.edgewise.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.edgewise.align.ProjectionAlignment;
import org.edgewise.align.stages.AlignModel;
import org.edgewise.align.stages.AlignStage;
import org.edgewise.align.stages.ApplyRegistrationStage;
import org.edgewise.align.stages.ApplyShiftsStage;
import org.edgewise.align.stages.DetectorBinModel;
import org.edgewise.align.stages.DetectorBinStage;
import org.edgewise.align.stages.NormaliseModel;
import org.edgewise.align.stages.NormaliseStage;
import org.edgewise.align.stages.RegisterModel;
import org.edgewise.align.stages.RegisterPairStage;
import org.edgewise.api.files.InputException;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.io.DataExchange;
import org.edgewise.io.DataFileException;
import org.edgewise.io.ScanGroups;

/**
 * The alignment recipe of {@code edgewise align} (and the first half of {@link ReconstructWorkflow}): per scan
 * normalise → align (jitter and rotation centre) → apply the shifts; per energy pair register the above-edge scan
 * to the below-edge one → resample it once onto the reference's grid (its own alignment and the registration
 * together).
 * <pre>{@code
 * AlignWorkflow.Plan plan = AlignWorkflow.builder().scans(Scans.read(List.of(folder)))
 *         .align(new AlignModel(12, 0.01, 256, 0.3)).plan();
 * RunResult run = StandardIo.runner().run(plan.pipeline(), base, out, RunOptions.defaults(), monitor);
 * }</pre>
 * Step names: {@code <scan>_normalised}, {@code <scan>_alignment}, {@code <scan>_aligned}; per pair
 * {@code <above>_registration} and {@code <above>_registered}; inputs {@code <scan>}, {@code <scan>_flats},
 * {@code <scan>_darks}, where {@code <scan>} is the {@link Scan#name()}.
 */
public final class AlignWorkflow {

    private AlignWorkflow() {
    }

    /** @return a builder with the stages' default parameters and pair registration on */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The datasets of one scan's steps.
     *
     * @param scan          the scan
     * @param lineIntegrals its normalised projections, before alignment
     * @param statistics    per projection the clamped and replaced pixels
     * @param alignment     its alignment table
     * @param projections   its aligned projections: for the above-edge scan of a registered pair, on the reference's
     *                      grid
     * @param registration  the pair's registration table when the scan was registered to another, else null
     * @param reference     the scan it was registered to, else null
     */
    public record AlignedScan(Scan scan, String lineIntegrals, String statistics, String alignment,
            String projections, String registration, Scan reference) {
    }

    /**
     * A built alignment.
     *
     * @param pipeline the pipeline; its results are every dataset of {@link #scans()}
     * @param scans    per scan in input order, its datasets
     * @param pairs    the registered pairs
     * @param warning  why the scans were not registered in pairs, or empty (now always empty: a scan that belongs to
     *                 no pair is an error)
     */
    public record Plan(Pipeline pipeline, List<AlignedScan> scans, List<Scans.Pair> pairs, String warning) {
    }

    /** Collects the scans and the stages' parameter records. */
    public static final class Builder {
        private List<Scan> scans = List.of();
        private NormaliseModel normalise = Parameters.defaults(NormaliseModel.class);
        private AlignModel align = Parameters.defaults(AlignModel.class);
        private RegisterModel register = Parameters.defaults(RegisterModel.class);
        private boolean registerPairs = true;
        private int binning = 1;
        private String description;

        private Builder() {
        }

        /** @param scans the scans (from {@link Scans#read}); raw scans only @return this */
        public Builder scans(List<Scan> scans) {
            this.scans = List.copyOf(scans);
            return this;
        }

        /** @param model parameters of {@code edgewise.align.normalise} @return this */
        public Builder normalise(NormaliseModel model) {
            this.normalise = Parameters.validate(Objects.requireNonNull(model));
            return this;
        }

        /** @param model parameters of {@code edgewise.align.projections} @return this */
        public Builder align(AlignModel model) {
            this.align = Parameters.validate(Objects.requireNonNull(model));
            return this;
        }

        /** @param model parameters of {@code edgewise.align.register-pair} @return this */
        public Builder register(RegisterModel model) {
            this.register = Parameters.validate(Objects.requireNonNull(model));
            return this;
        }

        /**
         * @param factor detector binning on input (1 = none, 2, 4): projections, flats and darks are averaged in
         *               {@code factor × factor} blocks before normalisation ({@code edgewise.align.bin-detector}),
         *               the pixel size grows by the factor
         * @return this
         */
        public Builder binning(int factor) {
            this.binning = checkBinning(factor);
            return this;
        }

        /** @param on register each energy pair (default true) @return this */
        public Builder registerPairs(boolean on) {
            this.registerPairs = on;
            return this;
        }

        /** @param text the pipeline's description (default: {@code edgewise align} and the files) @return this */
        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /**
         * Appends the steps to a larger recipe (adds no results).
         *
         * @param recipe the recipe
         * @return the plan of these steps (its pipeline is the recipe so far, with every dataset of the scans as a
         *         result)
         * @throws IOException if a scan is already aligned or its angles do not span a half turn (a
         *                     {@link DataFileException} names the file), or pairs are registered and a scan
         *                     belongs to no complete pair (an {@link InputException})
         */
        public Plan appendTo(Recipe recipe) throws IOException {
            if (scans.isEmpty()) {
                throw new IOException("no scans to align");
            }
            for (Scan scan : scans) {
                if (scan.aligned()) {
                    throw new DataFileException(scan.file(), DataExchange.ALIGNMENT, "is aligned already (written by"
                            + " 'edgewise align'); align the raw scans");
                }
                try {
                    ProjectionAlignment.checkAngles(scan.anglesDeg());
                } catch (IllegalArgumentException e) {
                    throw new DataFileException(scan.file(), DataExchange.THETA, e.getMessage(), e);
                }
            }
            Map<Scan, AlignedScan> aligned = new LinkedHashMap<>();
            for (Scan scan : scans) {
                aligned.put(scan, appendScan(recipe, scan));
            }
            List<Scans.Pair> pairs = List.of();
            String warning = "";
            if (registerPairs && scans.size() > 1) {
                try {
                    pairs = Scans.pairs(scans);
                } catch (ScanGroups.ScanGroupingException e) {
                    // never a silent switch-off of every pair's registration (org.edgewise.io.ScanSetCheck names
                    // the scan at fault before a command gets here)
                    throw new InputException(null, DataExchange.ENERGY, e.getMessage().replace('\n', ' '), e);
                }
            }
            for (Scans.Pair pair : pairs) {
                AlignedScan below = aligned.get(pair.below());
                AlignedScan above = aligned.get(pair.above());
                aligned.put(pair.above(), appendPair(recipe, below, above));
            }
            return new Plan(recipe.build(description()), new ArrayList<>(aligned.values()), pairs, warning);
        }

        /**
         * @return the alignment alone: its results are every scan's statistics, alignment table and aligned
         *         projections, and every pair's registration
         * @throws IOException as {@link #appendTo}
         */
        public Plan plan() throws IOException {
            Recipe recipe = new Recipe();
            Plan plan = appendTo(recipe);
            for (AlignedScan scan : plan.scans()) {
                recipe.result(scan.statistics());
                recipe.result(scan.alignment());
                recipe.result(scan.projections());
                if (scan.registration() != null) {
                    recipe.result(scan.registration());
                }
            }
            return new Plan(recipe.build(description()), plan.scans(), plan.pairs(), plan.warning());
        }

        /** @return {@link #plan()}'s pipeline @throws IOException as {@link #appendTo} */
        public Pipeline build() throws IOException {
            return plan().pipeline();
        }

        private String description() {
            return description != null ? description
                    : "edgewise align " + scans.stream().map(Scan::file).map(Path::toString).toList();
        }

        private AlignedScan appendScan(Recipe recipe, Scan scan) {
            String lineIntegrals = normalised(recipe, scan, normalise, binning);
            String name = scan.name();
            String alignment = recipe.step(AlignStage.ID, name + "_alignment", align,
                    Recipe.bind(AlignStage.PROJECTIONS, lineIntegrals));
            String applied = recipe.step(ApplyShiftsStage.ID, name + "_aligned", new NoParameters(),
                    Recipe.bind(ApplyShiftsStage.PROJECTIONS, lineIntegrals, ApplyShiftsStage.ALIGNMENT,
                            Recipe.output(alignment, AlignStage.ALIGNMENT)));
            return new AlignedScan(scan, lineIntegrals, Recipe.output(name + "_normalised",
                    NormaliseStage.STATISTICS), Recipe.output(alignment, AlignStage.ALIGNMENT),
                    Recipe.output(applied, ApplyShiftsStage.PROJECTIONS), null, null);
        }

        private AlignedScan appendPair(Recipe recipe, AlignedScan below, AlignedScan above) {
            String name = above.scan().name();
            String registration = recipe.step(RegisterPairStage.ID, name + "_registration", register, Recipe.bind(
                    RegisterPairStage.REFERENCE, below.projections(), RegisterPairStage.MOVING, above.projections(),
                    RegisterPairStage.REFERENCE_ALIGNMENT, below.alignment(), RegisterPairStage.MOVING_ALIGNMENT,
                    above.alignment()));
            String table = Recipe.output(registration, RegisterPairStage.REGISTRATION);
            String registered = recipe.step(ApplyRegistrationStage.ID, name + "_registered", new NoParameters(),
                    Recipe.bind(ApplyRegistrationStage.PROJECTIONS, above.lineIntegrals(),
                            ApplyRegistrationStage.ALIGNMENT, above.alignment(), ApplyRegistrationStage.REGISTRATION,
                            table));
            return new AlignedScan(above.scan(), above.lineIntegrals(), above.statistics(), above.alignment(),
                    Recipe.output(registered, ApplyRegistrationStage.PROJECTIONS), table, below.scan());
        }
    }

    /**
     * Appends a raw scan's inputs (counts, flats, darks), their detector binning when {@code binning > 1} (steps
     * {@code <scan>_binned}, {@code <scan>_flats_binned}, {@code <scan>_darks_binned}) and its normalisation.
     *
     * @param recipe  the recipe
     * @param scan    a raw scan
     * @param model   the normalisation's parameters
     * @param binning detector binning factor, 1 = none
     * @return the dataset of its line integrals
     */
    static String normalised(Recipe recipe, Scan scan, NormaliseModel model, int binning) {
        String name = scan.name();
        String file = scan.file().toAbsolutePath().toString();
        String counts = recipe.input(new InputSpec(name, file, DataExchange.DATA, DataKind.PROJECTIONS, null, null,
                null, null));
        String flats = recipe.input(new InputSpec(name + "_flats", file, DataExchange.WHITE, DataKind.PROJECTIONS,
                null, null, null, null));
        String darks = recipe.input(new InputSpec(name + "_darks", file, DataExchange.DARK, DataKind.PROJECTIONS,
                null, null, null, null));
        if (binning > 1) {
            DetectorBinModel bin = new DetectorBinModel(binning);
            counts = binned(recipe, name + "_binned", bin, counts);
            flats = binned(recipe, name + "_flats_binned", bin, flats);
            darks = binned(recipe, name + "_darks_binned", bin, darks);
        }
        String step = recipe.step(NormaliseStage.ID, name + "_normalised", model, Recipe.bind(
                NormaliseStage.PROJECTIONS, counts, NormaliseStage.FLATS, flats, NormaliseStage.DARKS, darks));
        return Recipe.output(step, NormaliseStage.PROJECTIONS);
    }

    private static String binned(Recipe recipe, String name, DetectorBinModel model, String frames) {
        return Recipe.output(recipe.step(DetectorBinStage.ID, name, model, Recipe.bind(DetectorBinStage.FRAMES,
                frames)), DetectorBinStage.FRAMES);
    }

    /**
     * @param factor a detector binning factor
     * @return it
     * @throws IllegalArgumentException unless it is 1, 2 or 4
     */
    static int checkBinning(int factor) {
        if (factor != 1 && factor != 2 && factor != 4) {
            throw new IllegalArgumentException("detector binning must be 1, 2 or 4, was " + factor);
        }
        return factor;
    }
}
