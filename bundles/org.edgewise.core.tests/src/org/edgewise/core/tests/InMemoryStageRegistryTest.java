package org.edgewise.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.Port;
import org.edgewise.api.stages.StageDescriptor;
import org.edgewise.core.InMemoryStageRegistry;
import org.junit.jupiter.api.Test;

class InMemoryStageRegistryTest {

    private static StageDescriptor toy(String id) {
        Port volume = new Port("volume", DataKind.VOLUME);
        return StageDescriptor.of(id, NoParameters.class, List.of(volume), List.of(volume),
                ToyStages.FakeReconstruct::new);
    }

    @Test
    void findsByIdAndListsSortedById() {
        InMemoryStageRegistry registry = InMemoryStageRegistry.of(toy("b.second"), toy("a.first"));
        assertEquals(List.of("a.first", "b.second"), registry.all().stream().map(StageDescriptor::id).toList());
        assertEquals("b.second", registry.find("b.second").orElseThrow().id());
        assertTrue(registry.find("c.third").isEmpty());
        assertEquals(StageDescriptor.UNKNOWN_VERSION, registry.find("a.first").orElseThrow().bundleVersion());
    }

    @Test
    void duplicateIdsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InMemoryStageRegistry.of(toy("a.same"), toy("a.same")));
        assertEquals("two stages have the id 'a.same'", e.getMessage());
    }
}
