package org.edgewise.core.tests;

import java.util.List;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.Maths;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.parameters.Parameter;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.Port;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageDescriptor;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.core.InMemoryStageRegistry;
import org.edgewise.core.stages.BinModel;
import org.edgewise.core.stages.BinStage;

/** Toy stages with obvious arithmetic, for runner tests. */
public final class ToyStages {

    private ToyStages() {
    }

    /** Parameters of {@link Scale}. @param factor the multiplier */
    public record ScaleModel(@Parameter(label = "Factor", defaultValue = "2", min = -10, max = 10) double factor) {
    }

    /** Multiplies projections by a factor, slab by slab (one projection at a time). */
    public static final class Scale implements IStage<ScaleModel> {
        @Override
        public StageOutput apply(StageInput input, ScaleModel model, IMonitor monitor) {
            Dataset in = input.get("projections");
            Dataset out = Maths.multiply(in, model.factor());
            PhysicalMetadata.of(in).attachTo(out);
            return StageOutput.of("projections", out);
        }

        @Override
        public SlabPolicy slabPolicy(ScaleModel model) {
            return SlabPolicy.slabs(1);
        }
    }

    /** Pretends to reconstruct: projections [angle,row,column] become a "volume" [row,angle,column]-sized copy + 1. */
    public static final class FakeReconstruct implements IStage<NoParameters> {
        @Override
        public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) {
            Dataset projections = input.get("projections");
            Dataset volume = Maths.add(projections.getTransposedView(1, 0, 2), 1);
            PhysicalMetadata.of(projections).withoutAngles().withValueUnit("1/µm").attachTo(volume);
            return StageOutput.of("volume", volume);
        }
    }

    /** Fails on the slab that contains index {@code failAt}. */
    public record FailModel(@Parameter(label = "Fail at", defaultValue = "2", min = 0) int failAt) {
    }

    /** Throws a {@link StageException} when it reaches {@code failAt}. */
    public static final class Failing implements IStage<FailModel> {
        @Override
        public StageOutput apply(StageInput input, FailModel model, IMonitor monitor) throws StageException {
            if (model.failAt() >= input.slabStart() && model.failAt() < input.slabStart() + input.slabLength()) {
                throw new StageException("detector saturated at projection " + model.failAt());
            }
            Dataset in = input.get("projections");
            return StageOutput.of("projections", PhysicalMetadata.of(in).attachTo(in.clone()));
        }

        @Override
        public SlabPolicy slabPolicy(FailModel model) {
            return SlabPolicy.slabs(1);
        }
    }

    /** Returns a bare array without metadata: the runner must refuse it. */
    public static final class Bare implements IStage<NoParameters> {
        @Override
        public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) {
            return StageOutput.of("projections", Maths.add(input.get("projections"), 0));
        }
    }

    /** Divides projections [angle, row, column] by a flat field [row, column], slab by slab. */
    public static final class DivideByFlat implements IStage<NoParameters> {
        @Override
        public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) {
            Dataset projections = input.get("projections");
            Dataset flat = input.get("flat");
            Dataset out = Maths.divide(projections, flat.reshape(1, flat.getShape()[0], flat.getShape()[1]));
            PhysicalMetadata.of(projections).withValueUnit("transmission").attachTo(out);
            return StageOutput.of("projections", out);
        }

        @Override
        public SlabPolicy slabPolicy(NoParameters model) {
            return SlabPolicy.slabs(1);
        }
    }

    /** Claims to produce labels but returns floating-point values: the runner must refuse them. */
    public static final class FloatLabels implements IStage<NoParameters> {
        @Override
        public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) {
            Dataset projections = input.get("projections");
            Dataset labels = Maths.multiply(projections, 0.5);
            PhysicalMetadata.of(projections).attachTo(labels);
            return StageOutput.of("labels", labels);
        }
    }

    private static final Port PROJECTIONS = new Port("projections", DataKind.PROJECTIONS);
    private static final Port VOLUME = new Port("volume", DataKind.VOLUME);

    /** @return scale, fake-recon, fail, bare and the core bin stage, in memory */
    public static InMemoryStageRegistry registry() {
        return new InMemoryStageRegistry(List.of(
                StageDescriptor.of("test.scale", ScaleModel.class, List.of(PROJECTIONS), List.of(PROJECTIONS),
                        Scale::new),
                StageDescriptor.of("test.reconstruct", NoParameters.class, List.of(PROJECTIONS), List.of(VOLUME),
                        FakeReconstruct::new),
                StageDescriptor.of("test.fail", FailModel.class, List.of(PROJECTIONS), List.of(PROJECTIONS),
                        Failing::new),
                StageDescriptor.of("test.bare", NoParameters.class, List.of(PROJECTIONS), List.of(PROJECTIONS),
                        Bare::new),
                StageDescriptor.of("test.divide-by-flat", NoParameters.class,
                        List.of(PROJECTIONS, new Port("flat", DataKind.IMAGE)), List.of(PROJECTIONS),
                        DivideByFlat::new),
                StageDescriptor.of("test.float-labels", NoParameters.class, List.of(PROJECTIONS),
                        List.of(new Port("labels", DataKind.LABELS)), FloatLabels::new),
                StageDescriptor.of("edgewise.core.bin", BinModel.class, List.of(VOLUME), List.of(VOLUME),
                        BinStage::new)));
    }
}
