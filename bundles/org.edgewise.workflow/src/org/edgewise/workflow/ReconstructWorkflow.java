package org.edgewise.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.edgewise.align.stages.AlignModel;
import org.edgewise.align.stages.NormaliseModel;
import org.edgewise.align.stages.RegisterModel;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.io.DataExchange;
import org.edgewise.recon.stages.ReconstructModel;
import org.edgewise.recon.stages.ReconstructStage;
import org.edgewise.recon.stages.SirtModel;
import org.edgewise.recon.stages.SirtStage;

/**
 * The reconstruction recipe of {@code edgewise reconstruct}: every raw scan is normalised and, with
 * {@link Centre#auto()}, aligned and its energy pair registered ({@link AlignWorkflow}); scans written by
 * {@code edgewise align} are taken as they are; then each scan is reconstructed (gridding or FBP by
 * {@code edgewise.recon.reconstruct}, or SIRT) into a volume in 1/µm named after the scan ({@code ni_above.volume}).
 * <pre>{@code
 * Pipeline pipeline = ReconstructWorkflow.builder().scans(Scans.read(List.of(folder)))
 *         .reconstruct(Parameters.defaults(ReconstructModel.class)).centre(Centre.auto()).build();
 * }</pre>
 * A larger workflow embeds it with {@link Builder#appendTo(Recipe)}, which returns the volume of every scan.
 */
public final class ReconstructWorkflow {

    private ReconstructWorkflow() {
    }

    /** @return a builder: gridding with the stage's defaults, automatic centre, pairs registered */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Where the rotation axis is.
     *
     * @param automatic true: align every raw scan (jitter and centre) first
     * @param columnPx  the axis column (0-based, fractional) when not automatic; NaN = the detector's middle
     */
    public record Centre(boolean automatic, double columnPx) {

        /** @return align each scan and find its axis */
        public static Centre auto() {
            return new Centre(true, Double.NaN);
        }

        /** @return the detector's middle column, {@code (columns − 1)/2} */
        public static Centre middle() {
            return new Centre(false, Double.NaN);
        }

        /** @param columnPx the axis column in pixels (0-based) @return that column for every scan */
        public static Centre column(double columnPx) {
            if (!Double.isFinite(columnPx)) {
                throw new IllegalArgumentException("a rotation axis column must be a finite number, was " + columnPx);
            }
            return new Centre(false, columnPx);
        }

        /**
         * @param columns detector columns before binning
         * @param binning detector binning factor
         * @return the axis relative to the binned detector's centre, binned pixels (the binned pixel {@code j} is
         *         centred on the detector column {@code f·j + (f − 1)/2}; columns beyond the last whole block are
         *         dropped)
         */
        public double offsetPx(int columns, int binning) {
            if (Double.isNaN(columnPx)) {
                return 0;
            }
            double binnedColumn = (columnPx - (binning - 1) / 2.0) / binning;
            return binnedColumn - (columns / binning - 1) / 2.0;
        }
    }

    /**
     * A built reconstruction.
     *
     * @param pipeline  the pipeline
     * @param volumes   scan name → its volume's dataset ({@code [z, y, x]}, 1/µm), in scan order
     * @param alignment the embedded alignment, or null when no scan was aligned
     */
    public record Plan(Pipeline pipeline, Map<String, String> volumes, AlignWorkflow.Plan alignment) {
    }

    /** Collects the scans, the centre and the stages' parameter records. */
    public static final class Builder {
        private List<Scan> scans = List.of();
        private Centre centre = Centre.auto();
        private boolean register = true;
        private int binning = 1;
        private ReconstructModel reconstruct = Parameters.defaults(ReconstructModel.class);
        private SirtModel sirt;
        private NormaliseModel normalise = Parameters.defaults(NormaliseModel.class);
        private AlignModel align = Parameters.defaults(AlignModel.class);
        private RegisterModel registration = Parameters.defaults(RegisterModel.class);
        private String description;

        private Builder() {
        }

        /** @param scans the scans (from {@link Scans#read}) @return this */
        public Builder scans(List<Scan> scans) {
            this.scans = List.copyOf(scans);
            return this;
        }

        /** @param centre where the rotation axis is (default {@link Centre#auto()}) @return this */
        public Builder centre(Centre centre) {
            this.centre = Objects.requireNonNull(centre);
            return this;
        }

        /**
         * @param on with an automatic centre, register each energy pair's above-edge scan to its below-edge scan and
         *           reconstruct both on one grid (default true)
         * @return this
         */
        public Builder register(boolean on) {
            this.register = on;
            return this;
        }

        /**
         * @param model gridding or FBP with these parameters (the centre offset is set per scan from
         *              {@link #centre}); replaces a SIRT choice
         * @return this
         */
        public Builder reconstruct(ReconstructModel model) {
            this.reconstruct = Parameters.validate(Objects.requireNonNull(model));
            this.sirt = null;
            return this;
        }

        /** @param model SIRT with these parameters (centre offset set per scan) instead of gridding/FBP @return this */
        public Builder sirt(SirtModel model) {
            this.sirt = Parameters.validate(Objects.requireNonNull(model));
            return this;
        }

        /**
         * @param factor detector binning of every raw scan on input (1 = none, 2 or 4): {@code factor × factor}
         *               blocks of projections, flats and darks averaged before normalisation, pixel (and voxel)
         *               size × factor; a given centre column is in unbinned detector pixels
         * @return this
         */
        public Builder binning(int factor) {
            this.binning = AlignWorkflow.checkBinning(factor);
            return this;
        }

        /** @return the detector binning factor (1 = none) */
        public int binning() {
            return binning;
        }

        /** @param model parameters of the normalisation @return this */
        public Builder normalise(NormaliseModel model) {
            this.normalise = Parameters.validate(Objects.requireNonNull(model));
            return this;
        }

        /** @param model parameters of the projection alignment @return this */
        public Builder align(AlignModel model) {
            this.align = Parameters.validate(Objects.requireNonNull(model));
            return this;
        }

        /** @param model parameters of the pair registration @return this */
        public Builder registration(RegisterModel model) {
            this.registration = Parameters.validate(Objects.requireNonNull(model));
            return this;
        }

        /** @param text the pipeline's description (default: {@code edgewise reconstruct} and the files) @return this */
        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /**
         * Appends the steps to a larger recipe, with every alignment table, registration table and volume as a
         * result.
         *
         * @param recipe the recipe
         * @return the plan (its pipeline is the recipe so far)
         * @throws IOException if there are no scans, or a scan to align is unfit (see {@link AlignWorkflow})
         */
        public Plan appendTo(Recipe recipe) throws IOException {
            if (scans.isEmpty()) {
                throw new IOException("no scans to reconstruct");
            }
            Map<String, String> projections = new LinkedHashMap<>();
            List<Scan> toAlign = new ArrayList<>();
            for (Scan scan : scans) {
                if (scan.aligned() && binning > 1) {
                    throw new IOException(scan.file() + ": an aligned scan (written by 'edgewise align') cannot be"
                            + " binned; bin the raw scans");
                }
                if (scan.aligned()) {
                    // written by 'edgewise align': aligned line integrals, axis on the central column, a pair's
                    // above-edge scan already on its reference's grid
                    projections.put(scan.name(), recipe.input(new InputSpec(scan.name(),
                            scan.file().toAbsolutePath().toString(), DataExchange.DATA, DataKind.PROJECTIONS, null,
                            null, null, null)));
                } else if (centre.automatic()) {
                    projections.put(scan.name(), null); // filled in by the alignment, in scan order
                    toAlign.add(scan);
                } else {
                    projections.put(scan.name(), AlignWorkflow.normalised(recipe, scan, normalise, binning));
                }
            }
            AlignWorkflow.Plan alignment = null;
            if (!toAlign.isEmpty()) {
                alignment = AlignWorkflow.builder().scans(toAlign).binning(binning).normalise(normalise).align(align)
                        .register(registration).registerPairs(register).appendTo(recipe);
                for (AlignWorkflow.AlignedScan scan : alignment.scans()) {
                    projections.put(scan.scan().name(), scan.projections());
                    recipe.result(scan.alignment());
                }
                for (AlignWorkflow.AlignedScan scan : alignment.scans()) {
                    if (scan.registration() != null) {
                        recipe.result(scan.registration());
                    }
                }
            }
            Map<String, String> volumes = new LinkedHashMap<>();
            for (Scan scan : scans) {
                double offsetPx = scan.aligned() || centre.automatic() ? 0 : centre.offsetPx(scan.columns(), binning);
                String input = projections.get(scan.name());
                String step;
                if (sirt != null) {
                    step = recipe.step(SirtStage.ID, scan.name(), new SirtModel(sirt.iterations(), sirt.relaxation(),
                            sirt.nonNegative(), offsetPx), Recipe.bind(ReconstructStage.PROJECTIONS, input));
                } else {
                    step = recipe.step(ReconstructStage.ID, scan.name(), new ReconstructModel(reconstruct.method(),
                            reconstruct.filter(), reconstruct.padding(), offsetPx, reconstruct.ringWindow(),
                            reconstruct.slabRows()), Recipe.bind(ReconstructStage.PROJECTIONS, input));
                }
                String volume = Recipe.output(step, ReconstructStage.VOLUME);
                recipe.result(volume);
                volumes.put(scan.name(), volume);
            }
            return new Plan(recipe.build(description()), volumes, alignment);
        }

        /** @return the reconstruction alone @throws IOException as {@link #appendTo} */
        public Plan plan() throws IOException {
            Recipe recipe = new Recipe();
            Plan plan = appendTo(recipe);
            return new Plan(recipe.build(description()), plan.volumes(), plan.alignment());
        }

        /** @return {@link #plan()}'s pipeline @throws IOException as {@link #appendTo} */
        public Pipeline build() throws IOException {
            return plan().pipeline();
        }

        private String description() {
            return description != null ? description
                    : "edgewise reconstruct " + scans.stream().map(Scan::file).map(Path::toString).toList();
        }
    }
}
