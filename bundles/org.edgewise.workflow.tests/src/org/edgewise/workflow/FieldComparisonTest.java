package org.edgewise.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.edgewise.api.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FieldComparison} on a hand-made truth and analysis with known answers: a grid offset, a known fraction
 * error per element, one whole particle missed, one cut particle flagged and one analysed particle that is nowhere
 * in the truth.
 */
class FieldComparisonTest {

    private static final double VOXEL_UM = 0.1;
    private static final double[] OFFSET_UM = { 0.3, -0.2, 0.1 };
    /** What the analysis adds to the true fraction, by element ordinal. */
    private static final double[] ERROR = { 0.01, 0.0, -0.02 };

    @TempDir
    Path dir;

    /** True fraction of an element at a depth: linear, so that bin means interpolate exactly. */
    private static double fraction(Element e, double depthUm) {
        return switch (e) {
        case NI -> 0.6 + 0.05 * depthUm;
        case MN -> 0.25 - 0.03 * depthUm;
        case CO -> 0.15 - 0.02 * depthUm;
        };
    }

    @Test
    void findsPairsAndMeasuresTheFractionErrorOfEachWholeParticle() throws IOException {
        Path truth = writeTruth();
        Path analysis = Files.createDirectories(dir.resolve("analysis"));
        StringBuilder particles = new StringBuilder("particle,centroid_z_um,centroid_y_um,centroid_x_um,cut_by_fov\n");
        particles.append(row(7, centre(10, 20, 30), 0));
        particles.append(row(8, centre(10, 50, 50), 1));
        particles.append(row(9, centre(80, 80, 5), 0));
        Files.writeString(analysis.resolve(Analysis.PARTICLES_FILE), particles);
        StringBuilder profiles = new StringBuilder("particle,element,depth_um,fraction\n");
        for (int label : new int[] { 7, 8 }) {
            for (Element e : Element.values()) {
                for (int b = 0; b < 30; b++) {
                    double depth = 0.05 + 0.1 * b;
                    profiles.append(String.format(Locale.ROOT, "%d,%s,%s,%s%n", label, e.symbol(), depth,
                            fraction(e, depth) + ERROR[e.ordinal()]));
                }
            }
        }
        Files.writeString(analysis.resolve(Analysis.PROFILES_FILE), profiles);

        FieldComparison.Summary s = FieldComparison.compare(analysis, truth);

        assertArrayEquals(OFFSET_UM, s.offsetUm(), 1e-12);
        assertEquals(3, s.analysed());
        assertEquals(1, s.unpaired(), "particle 9 is nowhere in the truth");
        assertEquals(2, s.whole());
        assertEquals(1, s.wholeFound(), "truth 2 was not found");
        assertEquals(1, s.cutFlagged());
        assertEquals(0, s.cutNotFlagged());
        List<FieldComparison.Match> m = s.matches();
        assertEquals(7, m.get(0).label());
        assertEquals(0, m.get(1).label());
        assertTrue(Double.isNaN(m.get(1).worstMae()));
        assertEquals(8, m.get(2).label());
        assertTrue(m.get(2).flaggedCut());
        assertFalse(m.get(0).flaggedCut());
        for (Element e : Element.values()) {
            assertEquals(Math.abs(ERROR[e.ordinal()]), m.get(0).fractionMae()[e.ordinal()], 1e-12, e.symbol());
        }
        assertEquals(0.02, s.worstWholeMae(), 1e-12);
    }

    /** Our centroid, µm, of a truth particle at these voxel coordinates. */
    private static double[] centre(double z, double y, double x) {
        return new double[] { z * VOXEL_UM + OFFSET_UM[0], y * VOXEL_UM + OFFSET_UM[1], x * VOXEL_UM + OFFSET_UM[2] };
    }

    private static String row(int label, double[] c, int cut) {
        return String.format(Locale.ROOT, "%d,%s,%s,%s,%d%n", label, c[0], c[1], c[2], cut);
    }

    private Path writeTruth() throws IOException {
        StringBuilder json = new StringBuilder("{\"voxelUm\": " + VOXEL_UM + ", \"particles\": [");
        double[][] centres = { { 10, 20, 30 }, { 40, 20, 30 }, { 10, 50, 50 } };
        for (int p = 0; p < 3; p++) {
            json.append(p > 0 ? "," : "").append(String.format(Locale.ROOT,
                    "{\"id\": %d, \"cut\": %b, \"equivDiameterUm\": 4.0, \"centreVoxel\": [%s, %s, %s], \"profile\": [",
                    p + 1, p == 2, centres[p][0], centres[p][1], centres[p][2]));
            for (int b = 0; b < 6; b++) {
                double low = 0.5 * b;
                double mid = low + 0.25;
                json.append(b > 0 ? "," : "").append(String.format(Locale.ROOT,
                        "{\"depthLowUm\": %s, \"depthHighUm\": %s, \"fractionNi\": %s, \"fractionMn\": %s,"
                                + " \"fractionCo\": %s}", low, low + 0.5, fraction(Element.NI, mid),
                        fraction(Element.MN, mid), fraction(Element.CO, mid)));
            }
            json.append("]}");
        }
        json.append("]}");
        return Files.writeString(dir.resolve("truth.json"), json);
    }
}
