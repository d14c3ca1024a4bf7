package org.edgewise.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.edgewise.align.stages.AlignStage;
import org.edgewise.align.stages.ApplyRegistrationStage;
import org.edgewise.align.stages.ApplyShiftsStage;
import org.edgewise.align.stages.DetectorBinStage;
import org.edgewise.align.stages.NormaliseStage;
import org.edgewise.align.stages.RegisterPairStage;
import org.edgewise.align.stages.RegisterVolumesStage;
import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.api.stages.Port;
import org.edgewise.api.stages.StageDescriptor;
import org.edgewise.core.StageRegistries;
import org.edgewise.core.stages.AddStage;
import org.edgewise.core.stages.BinStage;
import org.edgewise.core.stages.CropStage;
import org.edgewise.core.stages.MinusLogStage;
import org.edgewise.recon.stages.ReconstructStage;
import org.edgewise.recon.stages.SirtStage;
import org.edgewise.segment.stages.CloseStage;
import org.edgewise.segment.stages.DepthStage;
import org.edgewise.segment.stages.DilateStage;
import org.edgewise.segment.stages.FillHolesStage;
import org.edgewise.segment.stages.HullStage;
import org.edgewise.segment.stages.LabelStage;
import org.edgewise.segment.stages.OpenStage;
import org.edgewise.segment.stages.ParticlesStage;
import org.edgewise.segment.stages.RemoveSmallStage;
import org.edgewise.segment.stages.ThresholdStage;
import org.edgewise.segment.stages.WatershedStage;
import org.junit.jupiter.api.Test;

/** The id constants the workflows build with are the ids that {@code plugin.xml} declares for those classes. */
class StageIdsTest {

    private static final Map<String, Class<?>> STAGES = Map.ofEntries(Map.entry(NormaliseStage.ID,
            NormaliseStage.class), Map.entry(DetectorBinStage.ID, DetectorBinStage.class), Map.entry(AlignStage.ID, AlignStage.class), Map.entry(ApplyShiftsStage.ID,
                    ApplyShiftsStage.class), Map.entry(RegisterPairStage.ID, RegisterPairStage.class),
            Map.entry(ApplyRegistrationStage.ID, ApplyRegistrationStage.class), Map.entry(RegisterVolumesStage.ID,
                    RegisterVolumesStage.class), Map.entry(ReconstructStage.ID, ReconstructStage.class),
            Map.entry(SirtStage.ID, SirtStage.class), Map.entry(AddStage.ID, AddStage.class), Map.entry(BinStage.ID,
                    BinStage.class), Map.entry(CropStage.ID, CropStage.class), Map.entry(MinusLogStage.ID,
                            MinusLogStage.class), Map.entry(ThresholdStage.ID, ThresholdStage.class),
            Map.entry(OpenStage.ID, OpenStage.class), Map.entry(CloseStage.ID, CloseStage.class),
            Map.entry(FillHolesStage.ID, FillHolesStage.class), Map.entry(RemoveSmallStage.ID,
                    RemoveSmallStage.class), Map.entry(LabelStage.ID, LabelStage.class), Map.entry(WatershedStage.ID,
                            WatershedStage.class), Map.entry(DilateStage.ID, DilateStage.class),
            Map.entry(HullStage.ID, HullStage.class), Map.entry(DepthStage.ID, DepthStage.class),
            Map.entry(ParticlesStage.ID, ParticlesStage.class));

    @Test
    void everyIdConstantNamesItsOwnClassInTheRegistry() {
        IStageRegistry registry = StageRegistries.fromExtensions();
        for (Map.Entry<String, Class<?>> stage : STAGES.entrySet()) {
            StageDescriptor descriptor = registry.find(stage.getKey()).orElseThrow(() -> new AssertionError(
                    "plugin.xml declares no stage " + stage.getKey()));
            assertEquals(stage.getValue(), descriptor.newStage().getClass(), stage.getKey());
        }
    }

    /** The port constants the workflows bind are the ports {@code plugin.xml} declares. */
    @Test
    void thePortConstantsAreDeclared() {
        IStageRegistry registry = StageRegistries.fromExtensions();
        assertEquals(List.of(RegisterPairStage.REFERENCE, RegisterPairStage.MOVING,
                RegisterPairStage.REFERENCE_ALIGNMENT, RegisterPairStage.MOVING_ALIGNMENT), names(registry.find(
                        RegisterPairStage.ID).orElseThrow().inputs()));
        assertEquals(List.of(ParticlesStage.LABELS, ParticlesStage.GROWN, ParticlesStage.HULLS, ParticlesStage.DEPTH,
                ParticlesStage.SOLID, ParticlesStage.PARTICLES, ParticlesStage.THRESHOLD), names(registry.find(
                        ParticlesStage.ID).orElseThrow().outputs()));
        assertEquals(List.of(AddStage.VOLUME, AddStage.ADDEND), names(registry.find(AddStage.ID).orElseThrow()
                .inputs()));
        assertEquals(List.of(NormaliseStage.PROJECTIONS, NormaliseStage.FLATS, NormaliseStage.DARKS), names(registry
                .find(NormaliseStage.ID).orElseThrow().inputs()));
    }

    private static List<String> names(List<Port> ports) {
        return ports.stream().map(Port::name).toList();
    }
}
