package org.edgewise.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edgewise.api.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An analysis folder ({@link Analysis#PARTICLES_FILE}, {@link Analysis#PROFILES_FILE}) against the
 * {@code truth.json} of a simulated field: which particles were found, whether the ones the field of view cuts were
 * flagged, and per whole particle the mean absolute error of the calibrated atomic fraction over the comparison
 * depths.
 * <p>
 * Matching: particles are compared by centre, in µm from the centre of voxel [0, 0, 0] ({@code centroid_*_um} of
 * {@code particles.csv}; the truth's {@code centreVoxel} times its {@code voxelUm}). Our grid may be offset from the
 * truth's (alignment fixes the sample only up to a translation; input binning moves the first voxel's centre), so
 * the offset is first estimated as the component-wise median of every analysed particle's difference to its nearest
 * truth particle, then each truth particle is paired with the nearest unpaired analysed particle whose centre lies
 * within a quarter of the truth's equivalent diameter. A touching pair found as one particle has its centre between
 * the two, so neither is paired: both count as missed.
 * <p>
 * The fraction error of a depth bin is its {@code fraction} minus the truth profile (bin means, linearly
 * interpolated) at the bin's depth; the MAE averages the bins with depth in [{@link #FROM_UM}, {@link #TO_UM}].
 */
public final class FieldComparison {

    /** Shallowest depth of the compared bins, µm. */
    public static final double FROM_UM = 0.25;
    /** Deepest depth of the compared bins, µm. */
    public static final double TO_UM = 2.0;

    private FieldComparison() {
    }

    /**
     * One truth particle and what the analysis made of it.
     *
     * @param truthId      its id in {@code truth.json}
     * @param truthCut     whether the field of view cuts it (truth)
     * @param label        the analysed particle paired with it, 0 when none
     * @param flaggedCut   whether that particle is flagged {@code cut_by_fov}
     * @param distanceUm   distance of the centres after the offset, µm (NaN when unpaired)
     * @param fractionMae  per {@link Element#ordinal()} the fraction MAE over the comparison depths (NaN when unpaired
     *                     or without bins there)
     */
    public record Match(int truthId, boolean truthCut, int label, boolean flaggedCut, double distanceUm,
            double[] fractionMae) {

        /** @return the largest of the three elements' MAE (NaN when unpaired) */
        public double worstMae() {
            return Arrays.stream(fractionMae).max().orElse(Double.NaN);
        }
    }

    /**
     * @param matches          one per truth particle, in truth order
     * @param analysed         particles in {@code particles.csv}
     * @param unpaired         analysed particles paired with no truth particle
     * @param offsetUm         our grid minus the truth's, {z, y, x}, µm
     */
    public record Summary(List<Match> matches, int analysed, int unpaired, double[] offsetUm) {

        /** @return truth particles the field of view does not cut */
        public long whole() {
            return matches.stream().filter(m -> !m.truthCut()).count();
        }

        /** @return whole truth particles paired with an analysed particle that is not flagged as cut */
        public long wholeFound() {
            return matches.stream().filter(m -> !m.truthCut() && m.label() > 0 && !m.flaggedCut()).count();
        }

        /** @return cut truth particles paired with an analysed particle flagged as cut */
        public long cutFlagged() {
            return matches.stream().filter(m -> m.truthCut() && m.label() > 0 && m.flaggedCut()).count();
        }

        /** @return cut truth particles paired with an analysed particle not flagged as cut */
        public long cutNotFlagged() {
            return matches.stream().filter(m -> m.truthCut() && m.label() > 0 && !m.flaggedCut()).count();
        }

        /** @return the worst fraction MAE over the whole particles found (NaN when none) */
        public double worstWholeMae() {
            return matches.stream().filter(m -> !m.truthCut() && m.label() > 0 && !m.flaggedCut())
                    .mapToDouble(Match::worstMae).max().orElse(Double.NaN);
        }
    }

    /**
     * @param analysis  an analysis folder
     * @param truthFile the field's {@code truth.json}
     * @return the comparison
     * @throws IOException if a file is missing or unreadable (naming it)
     */
    public static Summary compare(Path analysis, Path truthFile) throws IOException {
        JsonNode truth;
        try {
            truth = new ObjectMapper().readTree(truthFile.toFile());
        } catch (IOException e) {
            throw new IOException(truthFile + ": cannot read the truth: " + e.getMessage(), e);
        }
        double truthVoxelUm = truth.get("voxelUm").asDouble();
        List<Map<String, String>> particles = readCsv(analysis.resolve(Analysis.PARTICLES_FILE));
        List<Map<String, String>> profiles = readCsv(analysis.resolve(Analysis.PROFILES_FILE));
        int n = particles.size();
        double[][] ours = new double[n][];
        for (int i = 0; i < n; i++) {
            Map<String, String> p = particles.get(i);
            ours[i] = new double[] { number(p, "centroid_z_um"), number(p, "centroid_y_um"),
                number(p, "centroid_x_um") };
        }
        JsonNode truthParticles = truth.get("particles");
        int t = truthParticles.size();
        double[][] centres = new double[t][3];
        for (int j = 0; j < t; j++) {
            for (int a = 0; a < 3; a++) {
                centres[j][a] = truthParticles.get(j).get("centreVoxel").get(a).asDouble() * truthVoxelUm;
            }
        }
        double[] offset = offset(ours, centres);
        boolean[] taken = new boolean[n];
        List<Match> matches = new ArrayList<>();
        for (int j = 0; j < t; j++) {
            JsonNode tp = truthParticles.get(j);
            double limit = 0.25 * tp.get("equivDiameterUm").asDouble();
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double d = distance(ours[i], centres[j], offset);
                if (!taken[i] && d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            boolean truthCut = tp.get("cut").asBoolean();
            if (best < 0 || bestDistance > limit) {
                matches.add(new Match(tp.get("id").asInt(), truthCut, 0, false, Double.NaN,
                        new double[] { Double.NaN, Double.NaN, Double.NaN }));
                continue;
            }
            taken[best] = true;
            Map<String, String> p = particles.get(best);
            int label = (int) number(p, "particle");
            boolean flagged = p.containsKey("cut_by_fov") && number(p, "cut_by_fov") != 0;
            double[] mae = new double[3];
            for (Element e : Element.values()) {
                mae[e.ordinal()] = fractionMae(profiles, label, e, tp);
            }
            matches.add(new Match(tp.get("id").asInt(), truthCut, label, flagged, bestDistance, mae));
        }
        int unpaired = 0;
        for (boolean b : taken) {
            unpaired += b ? 0 : 1;
        }
        return new Summary(matches, n, unpaired, offset);
    }

    /** Component-wise median of each analysed particle's difference to its nearest truth particle, µm. */
    private static double[] offset(double[][] ours, double[][] centres) {
        double[] offset = new double[3];
        if (ours.length == 0 || centres.length == 0) {
            return offset;
        }
        double[][] differences = new double[3][ours.length];
        for (int i = 0; i < ours.length; i++) {
            int nearest = 0;
            for (int j = 1; j < centres.length; j++) {
                if (distance(ours[i], centres[j], offset) < distance(ours[i], centres[nearest], offset)) {
                    nearest = j;
                }
            }
            for (int a = 0; a < 3; a++) {
                differences[a][i] = ours[i][a] - centres[nearest][a];
            }
        }
        for (int a = 0; a < 3; a++) {
            double[] d = differences[a].clone();
            Arrays.sort(d);
            offset[a] = d.length % 2 == 1 ? d[d.length / 2] : 0.5 * (d[d.length / 2 - 1] + d[d.length / 2]);
        }
        return offset;
    }

    private static double distance(double[] ours, double[] truth, double[] offset) {
        double s = 0;
        for (int a = 0; a < 3; a++) {
            double d = ours[a] - offset[a] - truth[a];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    private static double fractionMae(List<Map<String, String>> profiles, int label, Element element,
            JsonNode truthParticle) {
        String key = "fraction" + element.symbol();
        double sum = 0;
        int bins = 0;
        for (Map<String, String> row : profiles) {
            if ((int) number(row, "particle") != label || !element.symbol().equals(row.get("element"))) {
                continue;
            }
            double depth = number(row, "depth_um");
            if (depth < FROM_UM || depth > TO_UM) {
                continue;
            }
            sum += Math.abs(number(row, "fraction") - truthAt(truthParticle, key, depth));
            bins++;
        }
        return bins == 0 ? Double.NaN : sum / bins;
    }

    /**
     * @param particle a particle of {@code truth.json}
     * @param key      a profile quantity, e.g. {@code fractionNi}
     * @param depthUm  depth below the surface, µm
     * @return the truth profile's bin means linearly interpolated at the depth (the end bins' values beyond them)
     */
    public static double truthAt(JsonNode particle, String key, double depthUm) {
        JsonNode bins = particle.get("profile");
        double[] centre = new double[bins.size()];
        double[] value = new double[bins.size()];
        for (int b = 0; b < bins.size(); b++) {
            centre[b] = 0.5 * (bins.get(b).get("depthLowUm").asDouble() + bins.get(b).get("depthHighUm").asDouble());
            value[b] = bins.get(b).get(key).asDouble();
        }
        if (depthUm <= centre[0]) {
            return value[0];
        }
        for (int b = 1; b < centre.length; b++) {
            if (depthUm <= centre[b]) {
                double w = (depthUm - centre[b - 1]) / (centre[b] - centre[b - 1]);
                return value[b - 1] + w * (value[b] - value[b - 1]);
            }
        }
        return value[value.length - 1];
    }

    private static double number(Map<String, String> row, String column) {
        String cell = row.get(column);
        if (cell == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return Double.parseDouble(cell);
    }

    /** Our own CSV files: a header, then rows of plain cells (numbers and element names, never quoted). */
    private static List<Map<String, String>> readCsv(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file (an analysis folder has " + String.join(", ",
                    Analysis.FILES) + ")", e);
        }
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty, no header");
        }
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.length) {
                throw new IOException(String.format(Locale.ROOT, "%s: line %d has %d cells for %d columns", file,
                        i + 1, cells.length, header.length));
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }
}
