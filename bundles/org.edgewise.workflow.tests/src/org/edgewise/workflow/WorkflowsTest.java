package org.edgewise.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.edgewise.align.stages.AlignModel;
import org.edgewise.align.stages.AlignStage;
import org.edgewise.align.stages.ApplyRegistrationStage;
import org.edgewise.align.stages.ApplyShiftsStage;
import org.edgewise.align.stages.DetectorBinStage;
import org.edgewise.align.stages.NormaliseStage;
import org.edgewise.align.stages.RegisterPairStage;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.core.pipeline.PipelinePlan;
import org.edgewise.core.pipeline.PipelineStep;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.physics.phantom.Architecture;
import org.edgewise.physics.phantom.SimulationSettings;
import org.edgewise.physics.phantom.Simulator;
import org.edgewise.recon.FbpFilter;
import org.edgewise.recon.stages.ReconstructModel;
import org.edgewise.recon.stages.ReconstructStage;
import org.edgewise.recon.stages.ReconstructionMethod;
import org.edgewise.recon.stages.SirtModel;
import org.edgewise.recon.stages.SirtStage;
import org.edgewise.segment.stages.ParticlesModel;
import org.edgewise.segment.stages.ParticlesStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builders make the pipelines the commands run, from parameter records, and they compose. */
class WorkflowsTest {

    @TempDir
    static Path dir;
    private static List<Scan> scans;

    @BeforeAll
    static void simulate() throws Exception {
        Simulator.run(new SimulationSettings(Architecture.preset("63ni"), 24, 20, 2e4, 1, 3, 0, 0.5, 2, 0.003, false,
                1, false), dir.resolve("scans"), line -> { });
        scans = Scans.read(List.of(dir.resolve("scans")));
    }

    @Test
    void scansAreNamedAfterTheirEdgeAndPaired() throws Exception {
        assertEquals(List.of("mn_below", "mn_above", "co_below", "co_above", "ni_below", "ni_above"),
                scans.stream().map(Scan::name).toList());
        assertEquals("scan_06_ni_above", scans.get(5).stem());
        List<Scans.Pair> pairs = Scans.pairs(scans);
        assertEquals(List.of("Mn", "Co", "Ni"), pairs.stream().map(p -> p.element().symbol()).toList());
        assertEquals(scans.get(4), pairs.get(2).below());
    }

    /** Per scan normalise, align, apply; per pair register (with both alignment tables) and apply. */
    @Test
    void theAlignmentRecipe() throws Exception {
        AlignModel model = new AlignModel(5, 0.02, 128, 0.4);
        AlignWorkflow.Plan plan = AlignWorkflow.builder().scans(scans).align(model).plan();
        Pipeline pipeline = plan.pipeline();
        assertEquals(6 * 3 + 3 * 2, pipeline.steps().size());
        assertEquals(List.of(NormaliseStage.ID, AlignStage.ID, ApplyShiftsStage.ID), pipeline.steps().subList(0, 3)
                .stream().map(PipelineStep::stage).toList());
        PipelineStep align = step(pipeline, "ni_above_alignment");
        assertEquals(Parameters.toMap(model), align.parameters());
        PipelineStep register = step(pipeline, "ni_above_registration");
        assertEquals(RegisterPairStage.ID, register.stage());
        assertEquals(Map.of(RegisterPairStage.REFERENCE, "ni_below_aligned.projections", RegisterPairStage.MOVING,
                "ni_above_aligned.projections", RegisterPairStage.REFERENCE_ALIGNMENT, "ni_below_alignment.alignment",
                RegisterPairStage.MOVING_ALIGNMENT, "ni_above_alignment.alignment"), register.inputs());
        PipelineStep registered = step(pipeline, "ni_above_registered");
        assertEquals(ApplyRegistrationStage.ID, registered.stage());
        assertEquals("ni_above_normalised.projections", registered.inputs().get(ApplyRegistrationStage.PROJECTIONS));
        // results: statistics, alignment and aligned projections of every scan, the three registrations
        assertEquals(6 * 3 + 3, pipeline.results().size());
        assertEquals("ni_above_registered.projections", plan.scans().get(5).projections());
        assertEquals(scans.get(4), plan.scans().get(5).reference());
        assertValid(pipeline);
    }

    @Test
    void theReconstructionRecipeWithAnAutomaticCentreEmbedsTheAlignment() throws Exception {
        ReconstructModel gridding = Parameters.defaults(ReconstructModel.class);
        ReconstructWorkflow.Plan plan = ReconstructWorkflow.builder().scans(scans).reconstruct(gridding).plan();
        Pipeline pipeline = plan.pipeline();
        assertEquals(6 * 3 + 3 * 2 + 6, pipeline.steps().size());
        assertEquals(Map.of("mn_below", "mn_below.volume", "mn_above", "mn_above.volume", "co_below",
                "co_below.volume", "co_above", "co_above.volume", "ni_below", "ni_below.volume", "ni_above",
                "ni_above.volume"), plan.volumes());
        PipelineStep niAbove = step(pipeline, "ni_above");
        assertEquals(ReconstructStage.ID, niAbove.stage());
        assertEquals(Parameters.toMap(gridding), niAbove.parameters());
        assertEquals(Map.of(ReconstructStage.PROJECTIONS, "ni_above_registered.projections"), niAbove.inputs());
        assertEquals(Map.of(ReconstructStage.PROJECTIONS, "ni_below_aligned.projections"), step(pipeline, "ni_below")
                .inputs());
        assertTrue(pipeline.results().containsAll(List.of("ni_above_alignment.alignment",
                "ni_above_registration.registration", "ni_above.volume")));
        assertValid(pipeline);

        Pipeline unregistered = ReconstructWorkflow.builder().scans(scans).register(false).build();
        assertEquals(6 * 3 + 6, unregistered.steps().size());
    }

    /** Binning on input: projections, flats and darks binned alike before the normalisation. */
    @Test
    void binningOnInputPrecedesTheNormalisation() throws Exception {
        Pipeline pipeline = ReconstructWorkflow.builder().scans(scans).binning(2).build();
        assertEquals(6 * 6 + 3 * 2 + 6, pipeline.steps().size());
        PipelineStep counts = step(pipeline, "ni_above_binned");
        assertEquals(DetectorBinStage.ID, counts.stage());
        assertEquals(Map.of("factor", 2), counts.parameters());
        assertEquals(Map.of(DetectorBinStage.FRAMES, "ni_above_flats"), step(pipeline, "ni_above_flats_binned")
                .inputs());
        assertEquals(Map.of(NormaliseStage.PROJECTIONS, "ni_above_binned.frames", NormaliseStage.FLATS,
                "ni_above_flats_binned.frames", NormaliseStage.DARKS, "ni_above_darks_binned.frames"), step(pipeline,
                        "ni_above_normalised").inputs());
        assertValid(pipeline);
        assertThrows(IllegalArgumentException.class, () -> ReconstructWorkflow.builder().binning(3));
        // a given axis column is in unbinned pixels: column 13.5 of 24 is binned column 6.5 of 12, offset +1
        assertEquals(1.0, ReconstructWorkflow.Centre.column(13.5).offsetPx(24, 2), 1e-12);
    }

    /** A given axis column: no alignment; each scan's offset from its own detector centre. */
    @Test
    void aGivenCentreIsAnOffsetPerScan() throws Exception {
        ReconstructModel fbp = new ReconstructModel(ReconstructionMethod.FBP, FbpFilter.HANN,
                Parameters.defaults(ReconstructModel.class).padding(), 0, 5, 8);
        Pipeline pipeline = ReconstructWorkflow.builder().scans(scans).centre(ReconstructWorkflow.Centre.column(
                13.25)).reconstruct(fbp).build();
        assertEquals(12, pipeline.steps().size());
        int columns;
        try (DataExchangeReader reader = DataExchangeReader.open(scans.get(0).file())) {
            columns = reader.columns();
        }
        assertEquals(Parameters.toMap(new ReconstructModel(ReconstructionMethod.FBP, FbpFilter.HANN, fbp.padding(),
                13.25 - (columns - 1) / 2.0, 5, 8)), step(pipeline, "mn_below").parameters());
        assertEquals(Map.of(ReconstructStage.PROJECTIONS, "mn_below_normalised.projections"), step(pipeline,
                "mn_below").inputs());

        Pipeline sirt = ReconstructWorkflow.builder().scans(scans).centre(ReconstructWorkflow.Centre.middle())
                .sirt(new SirtModel(7, 1, true, 0)).build();
        assertEquals(SirtStage.ID, step(sirt, "ni_above").stage());
        assertEquals(Parameters.toMap(new SirtModel(7, 1, true, 0)), step(sirt, "ni_above").parameters());
        assertValid(sirt);
        assertThrows(IllegalArgumentException.class, () -> ReconstructWorkflow.Centre.column(Double.NaN));
    }

    /**
     * What the analysis will do: reconstruct every scan, then segment the above-edge Ni volume, in one pipeline
     * built from the same pieces.
     */
    @Test
    void workflowsComposeIntoOnePipeline() throws Exception {
        Recipe recipe = new Recipe();
        ReconstructWorkflow.Plan reconstruction = ReconstructWorkflow.builder().scans(scans).appendTo(recipe);
        SegmentWorkflow.Segmentation particles = SegmentWorkflow.appendSteps(recipe, reconstruction.volumes().get(
                "ni_above"), Parameters.defaults(ParticlesModel.class), SegmentWorkflow.STEP);
        recipe.result(particles.depth());
        recipe.result(particles.particles());
        Pipeline pipeline = recipe.build("reconstruct and segment");
        assertEquals(ParticlesStage.ID, pipeline.steps().get(pipeline.steps().size() - 1).stage());
        assertEquals("particles.depth", particles.depth());
        PipelinePlan plan = assertValid(pipeline);
        assertEquals(pipeline.results(), plan.results());
    }

    @Test
    void nothingToAlignIsAnError() {
        assertThrows(java.io.IOException.class, () -> AlignWorkflow.builder().scans(List.of()).build());
        assertThrows(java.io.IOException.class, () -> ReconstructWorkflow.builder().build());
    }

    private static PipelineStep step(Pipeline pipeline, String name) {
        return pipeline.steps().stream().filter(s -> name.equals(s.name())).findFirst().orElseThrow(
                () -> new AssertionError("no step " + name));
    }

    /** @return the plan after the runner checked stage ids, parameters, port kinds and inputs */
    private static PipelinePlan assertValid(Pipeline pipeline) throws Exception {
        return StandardIo.runner().check(pipeline, Path.of("").toAbsolutePath());
    }
}
