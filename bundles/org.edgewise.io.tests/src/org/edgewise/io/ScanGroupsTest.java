package org.edgewise.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.api.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanGroupsTest {

    private static ScanGroups.Scan scan(String name, double energyKev) {
        return ScanGroups.classify(Path.of(name), energyKev);
    }

    @Test
    void typicalPairsAreClassifiedByElementAndSide() throws IOException {
        List<ScanGroups.Pair> pairs = ScanGroups.pair(List.of(scan("a.h5", 8.353), scan("b.h5", 6.534),
                scan("c.h5", 7.728), scan("d.h5", 8.313), scan("e.h5", 6.558), scan("f.h5", 7.704)));
        assertEquals(3, pairs.size());
        assertEquals(Element.MN, pairs.get(0).element());
        assertEquals("b.h5", pairs.get(0).below().file().toString());
        assertEquals("e.h5", pairs.get(0).above().file().toString());
        assertEquals(Element.NI, pairs.get(2).element());
        assertEquals(8.313, pairs.get(2).below().energyKev());
        assertEquals(8.353, pairs.get(2).above().energyKev());
    }

    @Test
    void aMissingSideIsAnErrorListingWhatWasFound() {
        IOException e = assertThrows(IOException.class,
                () -> ScanGroups.pair(List.of(scan("ni_lo.h5", 8.313), scan("ni_hi.h5", 8.353), scan("co_lo.h5", 7.7))));
        assertTrue(e.getMessage().contains("Co has no scan above its edge"), e.getMessage());
        assertTrue(e.getMessage().contains("co_lo.h5: 7.7000 keV → Co below"), e.getMessage());
        assertTrue(e.getMessage().contains("ni_hi.h5: 8.3530 keV → Ni above"), e.getMessage());
    }

    @Test
    void twoScansOnOneSideAreAmbiguous() {
        IOException e = assertThrows(IOException.class, () -> ScanGroups
                .pair(List.of(scan("x.h5", 8.313), scan("y.h5", 8.303), scan("z.h5", 8.353))));
        assertTrue(e.getMessage().contains("two scans below the Ni edge: x.h5 and y.h5"), e.getMessage());
    }

    @Test
    void anEnergyFarFromEveryEdgeIsNamed() {
        IOException e = assertThrows(IOException.class,
                () -> ScanGroups.pair(List.of(scan("x.h5", 8.313), scan("z.h5", 8.353), scan("odd.h5", 9.0))));
        assertTrue(e.getMessage().contains("odd.h5 matches no K edge"), e.getMessage());
        assertTrue(e.getMessage().contains("odd.h5: 9.0000 keV → no Mn/Co/Ni K edge"), e.getMessage());
    }

    @Test
    void anEnergyOnTheEdgeIsNeitherSide() {
        IOException e = assertThrows(IOException.class,
                () -> ScanGroups.pair(List.of(scan("x.h5", 8.313), scan("on.h5", 8.333))));
        assertTrue(e.getMessage().contains("on.h5 lies on the Ni edge"), e.getMessage());
    }

    @Test
    void noScansAtAll(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class,
                () -> ScanGroups.group(List.of(dir), DataExchangeReader.Metadata.none()));
        assertTrue(e.getMessage().contains("no scans were found"), e.getMessage());
    }

    @Test
    void aFolderOfFilesIsReadAndPaired(@TempDir Path dir) throws IOException {
        FloatDataset frames = DatasetFactory.createFromObject(FloatDataset.class, new float[] { 1, 2, 3, 4 }, 1, 2, 2);
        double[] energies = { 7.704, 7.728 };
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < energies.length; i++) {
            Path file = dir.resolve("scan" + i + ".h5");
            DataExchangeWriter.write(file, new ScanData(frames, frames, frames, new double[] { 0 }, energies[i], 0.05,
                    null));
            written.add(file);
        }
        List<ScanGroups.Pair> pairs = ScanGroups.group(List.of(dir), DataExchangeReader.Metadata.none());
        assertEquals(1, pairs.size());
        assertEquals(Element.CO, pairs.get(0).element());
        assertEquals(written.get(0), pairs.get(0).below().file());
        assertEquals(written.get(1), pairs.get(0).above().file());
        // a listed file that does not exist is named
        IOException e = assertThrows(IOException.class,
                () -> ScanGroups.group(List.of(dir.resolve("gone.h5")), DataExchangeReader.Metadata.none()));
        assertTrue(e.getMessage().contains("gone.h5"), e.getMessage());
    }
}
