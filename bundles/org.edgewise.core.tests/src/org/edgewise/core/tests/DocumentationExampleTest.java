package org.edgewise.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Comparisons;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.Parameter;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.junit.jupiter.api.Test;

/** The example of {@code docs/pipeline.md}, verbatim, so the documentation cannot drift from the API. */
class DocumentationExampleTest {

    /** @param threshold values at or above this are inside, in the unit of the volume (1/µm) */
    public record ThresholdModel(
            @Parameter(label = "Threshold", unit = "1/µm", defaultValue = "0.5", min = 0, max = 100,
                    description = "Voxels at or above this attenuation are inside.") double threshold) {
    }

    /** {@code edgewise.segment.threshold}: mask [z, y, x] (1 inside, 0 outside) of a volume [z, y, x] in 1/µm. */
    public static final class ThresholdStage implements IStage<ThresholdModel> {
        @Override
        public StageOutput apply(StageInput input, ThresholdModel model, IMonitor monitor) {
            Dataset volume = input.get("volume");
            Dataset mask = DatasetUtils.cast(IntegerDataset.class, Comparisons.greaterThanOrEqualTo(volume, model.threshold()));
            PhysicalMetadata.of(volume).withValueUnit(PhysicalMetadata.DIMENSIONLESS).attachTo(mask); // never a bare array
            return StageOutput.of("mask", mask);
        }

        @Override
        public SlabPolicy slabPolicy(ThresholdModel model) {
            return SlabPolicy.slabs(1); // each z slab can be done alone: volumes larger than the heap stream through
        }
    }

    @Test
    void theDocumentedStageWorksAsDocumented() {
        Dataset volume = PhysicalMetadata.create(0.05, 8.333, "1/µm")
                .attachTo(DatasetFactory.createFromObject(new double[] { 0.2, 0.5, 0.9 }).reshape(1, 1, 3));
        Dataset mask = new ThresholdStage().apply(StageInput.of("volume", volume), new ThresholdModel(0.5),
                new IMonitor.Stub()).get("mask");
        assertEquals(List.of(0, 1, 1), List.of(mask.getInt(0, 0, 0), mask.getInt(0, 0, 1), mask.getInt(0, 0, 2)));
        assertEquals(0.05, PhysicalMetadata.of(mask).pixelSizeUm());
        assertEquals("1", PhysicalMetadata.of(mask).valueUnit());
        assertEquals(new ThresholdModel(0.8), Parameters.fromJson("{\"threshold\": 0.8}", ThresholdModel.class));
    }
}
