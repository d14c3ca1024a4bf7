package org.edgewise.ui.tests.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.ui.PlatformUI;
import org.edgewise.api.Element;
import org.edgewise.api.stages.DataKind;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.DatasetRegistry;
import org.edgewise.ui.data.DatasetRegistryEvent;
import org.edgewise.ui.data.IDatasetRegistry;
import org.junit.jupiter.api.Test;

class DatasetRegistryTest {

    static DatasetEntry scan(String id) {
        return new DatasetEntry(id, id, DataKind.PROJECTIONS, DatasetFactory.zeros(FloatDataset.class, 4, 3, 2),
                new DatasetEntry.ScanLabel(Element.NI, false), 8.313, 0.5, "counts",
                new DatasetEntry.FileOrigin(Path.of("/data/" + id + ".h5"), "/exchange/data"));
    }

    static DatasetEntry derived(String id, String stage, String... inputs) {
        return new DatasetEntry(id, id, DataKind.VOLUME, DatasetFactory.zeros(FloatDataset.class, 2, 3, 3), null,
                Double.NaN, 0.5, "1/µm", new DatasetEntry.Derivation(stage, Map.of("centreOffsetPx", 0.5),
                        List.of(inputs)));
    }

    @Test
    void addingReplacingAndRemovingFireOneEventEachWithTheEntriesConcerned() {
        DatasetRegistry registry = new DatasetRegistry();
        List<DatasetRegistryEvent> events = new ArrayList<>();
        registry.addListener(events::add);

        registry.putAll(List.of(scan("a"), scan("b")));
        registry.put(derived("a/recon", "edgewise.recon.reconstruct", "a"));
        registry.put(derived("a/recon/labels", "edgewise.segment.label", "a/recon"));
        DatasetEntry again = derived("a/recon", "edgewise.recon.reconstruct", "a");
        registry.put(again);

        assertEquals(List.of(DatasetRegistryEvent.Type.ADDED, DatasetRegistryEvent.Type.ADDED,
                DatasetRegistryEvent.Type.ADDED, DatasetRegistryEvent.Type.REPLACED),
                events.stream().map(DatasetRegistryEvent::type).toList());
        assertEquals(2, events.get(0).entries().size());
        assertSame(again, registry.find("a/recon").orElseThrow(), "replaced in place");
        assertEquals(List.of("a", "b", "a/recon", "a/recon/labels"),
                registry.entries().stream().map(DatasetEntry::id).toList(), "first-added order kept");
        assertEquals(List.of("a/recon"), registry.derivedFrom("a").stream().map(DatasetEntry::id).toList());
        assertEquals(2, registry.ofKind(DataKind.PROJECTIONS).size());

        // removing a scan removes what was computed from it, directly or not
        List<DatasetEntry> removed = registry.remove("a");
        assertEquals(List.of("a", "a/recon", "a/recon/labels"), removed.stream().map(DatasetEntry::id).toList());
        assertEquals(List.of("b"), registry.entries().stream().map(DatasetEntry::id).toList());
        assertEquals(DatasetRegistryEvent.Type.REMOVED, events.get(events.size() - 1).type());
        assertTrue(registry.remove("no such id").isEmpty());
        int before = events.size();
        registry.clear();
        assertEquals(before + 1, events.size());
        assertTrue(registry.entries().isEmpty());
    }

    @Test
    void aBrokenListenerDoesNotKeepTheOthersFromHearing() {
        DatasetRegistry registry = new DatasetRegistry();
        List<DatasetRegistryEvent> heard = new ArrayList<>();
        registry.addListener(event -> {
            throw new BrokenView();
        });
        registry.addListener(heard::add);
        registry.put(scan("a"));
        assertEquals(1, heard.size());
    }

    /** A listener's failure without a stack trace: the registry logs it, and the log stays short. */
    private static final class BrokenView extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BrokenView() {
            super("broken view", null, false, false);
        }
    }

    @Test
    void entriesDescribeTheirOriginAndRejectShapesThatDoNotFitTheirKind() {
        DatasetEntry entry = derived("v", "edgewise.recon.reconstruct", "scan_05", "scan_06");
        assertEquals("edgewise.recon.reconstruct {centreOffsetPx=0.5} from scan_05, scan_06", entry.origin().describe());
        assertEquals("2 × 3 × 3", entry.shapeText());
        assertEquals("scan_05_ni_below.h5:/exchange/data", new DatasetEntry.FileOrigin(
                Path.of("/x/scan_05_ni_below.h5"), "/exchange/data").describe());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new DatasetEntry("t",
                "t", DataKind.VOLUME, DatasetFactory.zeros(FloatDataset.class, 4, 4), null, Double.NaN, 1, "",
                entry.origin()));
        assertTrue(error.getMessage().contains("[4, 4]"), error.getMessage());
        assertEquals(new DatasetEntry.ScanLabel(Element.CO, true), DatasetEntry.ScanLabel.parse("mu_co_above"));
        assertEquals(new DatasetEntry.ScanLabel(Element.NI, false), DatasetEntry.ScanLabel.parse("scan_05_ni_below"));
        assertEquals(null, DatasetEntry.ScanLabel.parse("labels"));
    }

    @Test
    void theWorkbenchHasOneRegistryServiceFromDeclarativeServices() {
        IDatasetRegistry service = PlatformUI.getWorkbench().getService(IDatasetRegistry.class);
        assertTrue(service instanceof DatasetRegistry, "service " + service);
        assertSame(service, PlatformUI.getWorkbench().getService(IDatasetRegistry.class));
    }
}
