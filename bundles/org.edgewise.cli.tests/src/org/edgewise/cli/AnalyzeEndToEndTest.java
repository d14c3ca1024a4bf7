package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgewise.physics.phantom.Architecture;
import org.edgewise.physics.phantom.SimulationSettings;
import org.edgewise.physics.phantom.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code edgewise analyze} end to end on the simulated 63 % Ni run of the targets (128 pixels, 180 angles, default
 * flux and geometry errors), judged against {@code truth.json} alone: the files of the output contract, the
 * profile errors over 0.25–2.0 µm (≤ 0.01), core − edge (within 0.01) and the coverage of the 99 % intervals
 * (≥ 90 % of the bins in 0.25–2.0 µm); the report's plots are checked in detail by the workflow bundle's tests. (The simulation and the
 * analysis take about a minute on two cores; this is the product's main claim.)
 */
class AnalyzeEndToEndTest {

    @Test
    void recoversTheTrueProfilesOfTheSixtyThreePercentNickelRun(@TempDir Path dir) throws Exception {
        Path sim = dir.resolve("sim");
        Simulator.run(SimulationSettings.defaults(Architecture.preset("63ni")), sim, line -> { });
        Path result = dir.resolve("analysis");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = EdgewiseCommand.execute(new String[] { "analyze", sim.toString(), "--out", result.toString() },
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, status, err.toString());
        try (var files = Files.list(result)) {
            assertEquals(java.util.stream.Stream.concat(AnalyzeCommand.OUTPUTS.stream(), java.util.stream.Stream.of(
                    org.edgewise.api.files.OutputFolder.MANIFEST_FILE)).sorted().toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals("particle,voxels,volume_um3,solid_volume_um3,equiv_diameter_um,feret_min_um,feret_max_orth_um,"
                + "feret_ratio,centroid_z_um,centroid_y_um,centroid_x_um,mean_ratio_Ni,mean_ratio_Mn,mean_ratio_Co,"
                + "mean_fraction_Ni,mean_fraction_Mn,mean_fraction_Co,cut_by_fov",
                Files.readAllLines(result.resolve("particles.csv")).get(0));
        assertEquals("particle,element,depth_um,n,intensity_mean,intensity_ci_low,intensity_ci_high,ratio,"
                + "ratio_ci_low,ratio_ci_high,fraction,fraction_ci_low,fraction_ci_high",
                Files.readAllLines(result.resolve("profiles.csv")).get(0));
        assertEquals("particle,element,quantity,edge_depth_um,edge_value,edge_ci,core_depth_um,core_value,core_ci,"
                + "d_core_edge,max_depth_um,max_value,max_ci,d_max_min",
                Files.readAllLines(result.resolve("metrics.csv")).get(0));
        JsonNode truth = new ObjectMapper().readTree(sim.resolve(Simulator.TRUTH_FILE).toFile());
        Csv particles = Csv.read(result.resolve("particles.csv"));
        Csv profiles = Csv.read(result.resolve("profiles.csv"));
        Csv metrics = Csv.read(result.resolve("metrics.csv"));
        assertEquals(2, particles.rows.size());
        double voxel = truth.get("voxelUm").asDouble();
        int covered = 0;
        int counted = 0;
        for (String[] p : particles.rows) {
            JsonNode t = match(truth, particles, p, voxel);
            String label = p[particles.index("particle")];
            for (String element : List.of("Ni", "Mn", "Co")) {
                for (String quantity : List.of("ratio", "fraction")) {
                    double error = 0;
                    int n = 0;
                    for (String[] row : profiles.rows) {
                        if (!row[profiles.index("particle")].equals(label)
                                || !row[profiles.index("element")].equals(element)) {
                            continue;
                        }
                        double depth = Double.parseDouble(row[profiles.index("depth_um")]);
                        double trueValue = truthAt(t, quantity + element, depth);
                        if (depth >= 0.25 && depth <= 2.0) {
                            error += Math.abs(Double.parseDouble(row[profiles.index(quantity)]) - trueValue);
                            n++;
                            double low = Double.parseDouble(row[profiles.index(quantity + "_ci_low")]);
                            double high = Double.parseDouble(row[profiles.index(quantity + "_ci_high")]);
                            covered += trueValue >= low && trueValue <= high ? 1 : 0;
                            counted++;
                        }
                    }
                    assertTrue(n >= 12, "bins in 0.25–2.0 µm: " + n);
                    assertTrue(error / n <= 0.01, "particle " + label + " " + element + " " + quantity
                            + ": mean absolute error " + error / n);
                    for (String[] m : metrics.rows) {
                        if (m[metrics.index("particle")].equals(label) && m[metrics.index("element")].equals(element)
                                && m[metrics.index("quantity")].equals(quantity)) {
                            double trueDifference = truthAt(t, quantity + element,
                                    Double.parseDouble(m[metrics.index("core_depth_um")])) - truthAt(t,
                                            quantity + element, Double.parseDouble(m[metrics.index("edge_depth_um")]));
                            assertEquals(trueDifference, Double.parseDouble(m[metrics.index("d_core_edge")]), 0.01,
                                    "core − edge, particle " + label + " " + element + " " + quantity);
                        }
                    }
                }
            }
        }
        assertTrue(covered >= 0.90 * counted, "99 % intervals holding the truth: " + covered + " of " + counted);
        assertTrue(out.toString().contains("Table 1"), out.toString());
        String report = Files.readString(result.resolve("report.html"));
        assertEquals(3, report.split("<section class=\"particle\"", -1).length, "a report section per particle");
        assertTrue(report.contains("data:image/png;base64,") && !report.contains("<script"), "self-contained");
    }

    /** The true particle nearest to a found one (centroids in µm from voxel [0, 0, 0]). */
    private static JsonNode match(JsonNode truth, Csv particles, String[] p, double voxel) {
        JsonNode best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        String[] axes = { "centroid_z_um", "centroid_y_um", "centroid_x_um" };
        for (JsonNode t : truth.get("particles")) {
            double d = 0;
            for (int a = 0; a < 3; a++) {
                double diff = Double.parseDouble(p[particles.index(axes[a])]) - t.get("centreVoxel").get(a).asDouble()
                        * voxel;
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = t;
            }
        }
        assertTrue(Math.sqrt(bestDistance) < 0.3, "a found particle lies within 0.3 µm of a true one");
        return best;
    }

    /** The true bin means, linear between bin centres. */
    private static double truthAt(JsonNode particle, String key, double depthUm) {
        JsonNode bins = particle.get("profile");
        double previousCentre = Double.NaN;
        double previous = Double.NaN;
        for (JsonNode bin : bins) {
            double centre = 0.5 * (bin.get("depthLowUm").asDouble() + bin.get("depthHighUm").asDouble());
            double value = bin.get(key).asDouble();
            if (depthUm <= centre) {
                return Double.isNaN(previous) ? value
                        : previous + (depthUm - previousCentre) / (centre - previousCentre) * (value - previous);
            }
            previousCentre = centre;
            previous = value;
        }
        return previous;
    }

    /** A header row and string cells. */
    record Csv(List<String> header, List<String[]> rows) {
        static Csv read(Path file) throws Exception {
            List<String> lines = Files.readAllLines(file);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                rows.add(line.split(",", -1));
            }
            return new Csv(List.of(lines.get(0).split(",")), rows);
        }

        int index(String column) {
            int i = header.indexOf(column);
            assertTrue(i >= 0, "column " + column + " in " + header);
            return i;
        }
    }
}
