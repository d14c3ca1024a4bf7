package org.edgewise.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.core.stages.AddStage;
import org.edgewise.core.stages.BinModel;
import org.edgewise.core.stages.BinStage;
import org.junit.jupiter.api.Test;

class RecipeTest {

    private static InputSpec volume(String name) {
        return new InputSpec(name, "volume.h5", "/volume", DataKind.VOLUME, 0.1, null, null, null);
    }

    @Test
    void stepsTakeTheirParametersFromTheRecordAndTheirInputsInOrder() {
        Recipe recipe = new Recipe();
        String a = recipe.input(volume("a"));
        String b = recipe.input(volume("b"));
        String sum = Recipe.output(recipe.step(AddStage.ID, "sum", new NoParameters(), Recipe.bind(AddStage.ADDEND,
                b, AddStage.VOLUME, a)), AddStage.VOLUME);
        String binned = Recipe.output(recipe.step(BinStage.ID, "a", new BinModel(4), Recipe.bind(BinStage.VOLUME,
                sum)), BinStage.VOLUME);
        recipe.result(binned);
        recipe.result(binned);
        Pipeline pipeline = recipe.build("add and bin");
        assertEquals("add and bin", pipeline.description());
        assertEquals(List.of(AddStage.ADDEND, AddStage.VOLUME), List.copyOf(pipeline.steps().get(0).inputs()
                .keySet()));
        assertEquals(Parameters.toMap(new BinModel(4)), pipeline.steps().get(1).parameters());
        assertEquals(List.of("a.volume"), pipeline.results());
    }

    @Test
    void namesAreUniqueAmongInputsAndAmongSteps() {
        Recipe recipe = new Recipe();
        recipe.input(volume("a"));
        assertThrows(IllegalArgumentException.class, () -> recipe.input(volume("a")));
        recipe.step(BinStage.ID, "a", new BinModel(2), Recipe.bind(BinStage.VOLUME, "a"));
        assertThrows(IllegalArgumentException.class, () -> recipe.step(BinStage.ID, "a", new BinModel(2),
                Recipe.bind(BinStage.VOLUME, "a")));
        assertThrows(IllegalArgumentException.class, () -> Recipe.bind("volume", "a", "addend"));
    }
}
