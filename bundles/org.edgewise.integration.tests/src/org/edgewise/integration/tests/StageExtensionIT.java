package org.edgewise.integration.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.ParameterDescription;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.api.stages.Port;
import org.edgewise.api.stages.StageDescriptor;
import org.edgewise.core.StageRegistries;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.core.pipeline.PipelineRunner;
import org.edgewise.core.pipeline.PipelineStep;
import org.edgewise.core.pipeline.Provenance;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.core.sources.InMemoryDatasetSource;
import org.edgewise.io.ResultsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.jhdf.HdfFile;

/** A stage contributed through {@code org.edgewise.api.stages} by this bundle is found and runs. */
class StageExtensionIT {

    private static final String BUNDLE = "org.edgewise.integration.tests";

    @TempDir
    Path dir;

    @Test
    void theContributedStageIsReadFromTheExtensionRegistry() {
        IStageRegistry registry = StageRegistries.fromExtensions();
        StageDescriptor affine = registry.find("edgewise.integration.affine").orElseThrow();
        assertEquals("Affine (test)", affine.name());
        assertEquals("other", affine.category());
        assertEquals("v' = gain · v + offset, voxel by voxel (a test stage).", affine.description());
        assertEquals("10.0000/edgewise.test", affine.doi());
        assertEquals(List.of(new Port("volume", DataKind.VOLUME)), affine.inputs());
        assertEquals(List.of(new Port("volume", DataKind.VOLUME)), affine.outputs());
        assertEquals(AffineModel.class, affine.modelClass());
        Bundle own = FrameworkUtil.getBundle(StageExtensionIT.class);
        assertEquals(own.getVersion().toString(), affine.bundleVersion());
        assertTrue(affine.bundleVersion().startsWith("0.1.0."), affine.bundleVersion());
        Bundle stageBundle = FrameworkUtil.getBundle(affine.newStage().getClass());
        assertNotNull(stageBundle);
        assertEquals(BUNDLE, stageBundle.getSymbolicName());
    }

    /** Guards every stage any bundle contributes, now and in later issues. */
    @Test
    void everyRegisteredStageIsWellFormedAndItsModelRoundTripsThroughJson() {
        List<String> categories = List.of("io", "preprocessing", "alignment", "reconstruction", "segmentation",
                "gradient", "statistics", "other"); // the enumeration in stages.exsd
        for (StageDescriptor stage : StageRegistries.fromExtensions().all()) {
            assertTrue(stage.id().matches("[a-z0-9]+(\\.[a-z0-9-]+)+"), stage.id());
            assertTrue(categories.contains(stage.category()), stage.id() + ": " + stage.category());
            assertTrue(!stage.description().isBlank(), stage.id());
            assertTrue(!stage.outputs().isEmpty(), stage.id());
            Record defaults = Parameters.defaults(stage.modelClass());
            assertEquals(defaults, Parameters.fromJson(Parameters.toJson(defaults), stage.modelClass()), stage.id());
            for (ParameterDescription parameter : Parameters.describe(stage.modelClass())) {
                assertTrue(!parameter.label().isBlank() && !parameter.label().equals(parameter.name()),
                        stage.id() + " parameter " + parameter.name() + " needs a @Parameter label");
            }
            assertNotNull(stage.newStage(), stage.id());
        }
    }

    @Test
    void coreStagesAreThereAndABrokenContributionIsSkipped() {
        List<String> ids = StageRegistries.fromExtensions().all().stream().map(StageDescriptor::id).toList();
        assertTrue(ids.containsAll(List.of("edgewise.core.bin", "edgewise.core.crop", "edgewise.core.minus-log",
                "edgewise.integration.affine")), ids.toString());
        assertTrue(!ids.contains("edgewise.integration.broken"), ids.toString());
        assertEquals(ids.stream().sorted().toList(), ids);
    }

    @Test
    void theContributedStageRunsInAPipelineAfterACoreStage() throws Exception {
        Dataset volume = DatasetFactory.createRange(DoubleDataset.class, 64).reshape(4, 4, 4); // v = 16z + 4y + x
        PhysicalMetadata.create(0.05, 8.333, "1/µm").attachTo(volume);
        PipelineRunner runner = new PipelineRunner(StageRegistries.fromExtensions(),
                List.of(new InMemoryDatasetSource(Map.of("phantom", volume))), ResultsFile.pipelineWriter());
        Pipeline pipeline = new Pipeline("integration",
                List.of(new InputSpec("phantom", "memory:phantom", null, DataKind.VOLUME, null, null, null, null)),
                List.of(PipelineStep.of("edgewise.core.bin", Map.of("factor", 2)),
                        PipelineStep.of("edgewise.integration.affine", Map.of("gain", 2.0, "offset", -1.0))),
                List.of());
        RunResult result = runner.run(pipeline, dir, dir.resolve("out"), RunOptions.slabLength(1), null);

        try (HdfFile hdf = new HdfFile(result.resultsFile())) {
            // read as any HDF5 reader would: the NeXus layout, not Edgewise's reader
            io.jhdf.api.Group group = (io.jhdf.api.Group) hdf.getByPath("/entry/step2.volume");
            assertEquals("NXdata", group.getAttribute("NX_class").getData());
            assertEquals("data", group.getAttribute("signal").getData());
            io.jhdf.api.Dataset data = hdf.getDatasetByPath("/entry/step2.volume/data");
            assertArrayEquals(new int[] { 2, 2, 2 }, data.getDimensions());
            double[][][] values = (double[][][]) data.getData();
            // bin: mean of 16z + 4y + x over z, y, x ∈ {0, 1} = 10.5; then 2 · 10.5 − 1
            assertEquals(20.0, values[0][0][0], 1e-12);
            // z, y, x ∈ {2, 3}: 16 · 2.5 + 4 · 2.5 + 2.5 = 52.5 → 104
            assertEquals(104.0, values[1][1][1], 1e-12);
            assertArrayEquals(new double[] { 0, 0.1 }, (double[]) hdf.getDatasetByPath("/entry/step2.volume/x").getData(),
                    1e-12);
            assertEquals("um", hdf.getDatasetByPath("/entry/step2.volume/x").getAttribute("units").getData());
        }
        Provenance.Step affine = result.provenance().steps().get(1);
        assertEquals("edgewise.integration.affine", affine.stageId());
        assertEquals(BUNDLE, affine.bundle());
        assertEquals("10.0000/edgewise.test", affine.doi());
        assertEquals(Map.of("gain", 2.0, "offset", -1.0), affine.parameters());
        assertEquals("org.edgewise.core", result.provenance().steps().get(0).bundle());
        Provenance.Input input = result.provenance().inputs().get(0);
        assertEquals("memory:phantom", input.path());
        assertEquals(-1, input.sizeBytes()); // in memory: no file to measure or hash
        assertEquals("", input.sha256());
    }
}
