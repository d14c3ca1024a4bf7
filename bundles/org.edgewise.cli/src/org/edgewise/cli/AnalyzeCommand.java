package org.edgewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.stages.AlignmentTables;
import org.edgewise.api.tables.Column;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.core.RuntimeInfo;
import org.edgewise.gradient.AnalysisTables;
import org.edgewise.gradient.DepthStatistics;
import org.edgewise.gradient.ElementalMaps;
import org.edgewise.gradient.GradientAnalysis;
import org.edgewise.gradient.HullDepths;
import org.edgewise.gradient.ProfileMetrics;
import org.edgewise.gradient.ReliableRegions;
import org.edgewise.api.files.AtomicFiles;
import org.edgewise.io.CsvTable;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.ResultsFile;
import org.edgewise.io.ScanGroups;
import org.edgewise.segment.ParticleMetrics;
import org.edgewise.segment.ParticleSegmentation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise analyze INPUT --out DIR}: the whole chain on a folder of Data Exchange files (normalise, align,
 * register pairs, reconstruct — as {@code edgewise reconstruct} — then register the element pairs to the Ni grid,
 * segment, hull depth, maps, depth statistics, Table-1 metrics) or on the {@code volumes.h5} of
 * {@code edgewise reconstruct}. It writes exactly {@code particles.csv}, {@code profiles.csv}, {@code metrics.csv},
 * {@code alignment.csv}, {@code registration.csv}, {@code results.h5}, {@code provenance.json} and
 * {@code report.html} into DIR, one progress line per stage, and a Table-1 summary at the end. Inputs are checked
 * before any work; a bad set fails with one line naming the file and the problem and writes nothing.
 */
@Command(name = "analyze", sortOptions = false,
        description = { "Depth profiles and Table-1 metrics of every particle from a folder of Data Exchange files"
                + " (or the volumes.h5 of 'edgewise reconstruct'): particles.csv, profiles.csv, metrics.csv,"
                + " alignment.csv, registration.csv, results.h5, provenance.json, report.html." })
final class AnalyzeCommand implements Callable<Integer> {

    static final List<String> OUTPUTS = List.of("particles.csv", "profiles.csv", "metrics.csv", "alignment.csv",
            "registration.csv", "results.h5", "provenance.json", "report.html");

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "A folder (or files) of Data Exchange scans, or the volumes.h5 of 'edgewise reconstruct'.")
    private List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    private Path out;

    @Option(names = "--surface-level", defaultValue = "0.5", paramLabel = "F",
            description = "Particle surface at background + F·(material − background) of the Ni above-edge volume"
                    + " (default ${DEFAULT-VALUE}).")
    private double surfaceLevel;

    @Option(names = "--dilate-um", defaultValue = "0", paramLabel = "UM",
            description = "Grow each particle before its hull is taken, µm (default ${DEFAULT-VALUE}).")
    private double dilateUm;

    @Option(names = "--depth-offset", defaultValue = "" + HullDepths.DEFAULT_DEPTH_OFFSET_VOXELS, paramLabel = "VOX",
            description = "Depth = distance to the nearest voxel outside the hull minus this, voxels"
                    + " (default ${DEFAULT-VALUE}).")
    private double depthOffsetVoxels;

    @Option(names = "--cluster", defaultValue = "" + DepthStatistics.DEFAULT_CLUSTER_VOXELS, paramLabel = "VOX",
            description = "Cluster edge of the effective-sample-size estimate, voxels; 1 treats voxels as"
                    + " independent (default ${DEFAULT-VALUE}).")
    private int clusterVoxels;

    @Option(names = "--resolution", defaultValue = "" + DepthStatistics.DEFAULT_RESOLUTION_VOXELS, paramLabel = "VOX",
            description = "σ of the voxels' depth error, voxels: the profile's curvature × ½σ² joins each standard"
                    + " error; 0 = off (default ${DEFAULT-VALUE}).")
    private double resolutionVoxels;

    @Option(names = "--confidence", defaultValue = "0.99", description = "Confidence level (default ${DEFAULT-VALUE}).")
    private double confidence;

    @Option(names = "--lithium", defaultValue = "1.0", paramLabel = "L",
            description = "Li per formula unit of Li(L)TMO2 for the calibrated fraction (default ${DEFAULT-VALUE}).")
    private double lithium;

    @Option(names = "--edge", defaultValue = "0.25,0.30", paramLabel = "FROM,TO",
            description = "Edge point window, µm (default ${DEFAULT-VALUE}).")
    private String edge;

    @Option(names = "--core", defaultValue = "1.95,2.00", paramLabel = "FROM,TO",
            description = "Core point window, µm (default ${DEFAULT-VALUE}).")
    private String core;

    @Option(names = "--region", defaultValue = "0.25,2.00", paramLabel = "FROM,TO",
            description = "Comparison region of the highest value and max − min, µm (default ${DEFAULT-VALUE}).")
    private String region;

    /** Problems found on the way that do not stop the analysis but make parts of it untrustworthy. */
    private List<String> warnings = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        GradientAnalysis.Settings settings;
        Input input;
        try {
            settings = settings();
            input = check();
        } catch (IllegalArgumentException | IOException e) {
            err.println("edgewise analyze: " + e.getMessage().lines().findFirst().orElse(""));
            return 2;
        }
        long start = System.nanoTime();
        Files.createDirectories(out);
        Path work = Files.createTempDirectory(out, ".analyze-");
        try {
            Path volumesFile = input.volumes();
            if (volumesFile == null) {
                progress(err, 1, "reconstruct " + input.scans().size() + " scans: normalise, align, register pairs,"
                        + " reconstruct (edgewise reconstruct)");
                List<String> args = new ArrayList<>(List.of("reconstruct"));
                args.addAll(List.of(input.folderArgs()));
                args.addAll(List.of("--out", work.toString()));
                int status = EdgewiseCommand.execute(args.toArray(String[]::new),
                        new PrintWriter(java.io.Writer.nullWriter()), err);
                err.println();
                if (status != 0) {
                    return status;
                }
                volumesFile = work.resolve(ReconstructCommand.VOLUMES_FILE);
            } else {
                progress(err, 1, "read " + volumesFile);
            }
            Map<Element, GradientAnalysis.PairVolumes> volumes = BenchGradientCommand.readVolumes(volumesFile);
            warnings = pairRegistrationWarnings(volumesFile);
            for (String warning : warnings) {
                err.println("warning: " + warning);
            }
            progress(err, 2, "gradient analysis");
            GradientAnalysis.Result r = GradientAnalysis.run(volumes, settings, line -> {
                err.println("      " + line);
                err.flush();
            });
            progress(err, 3, "write " + String.join(", ", OUTPUTS));
            write(r, volumes, volumesFile, input, settings);
            summary(o, r);
            for (String warning : warnings) {
                o.println("WARNING: " + warning);
            }
            o.printf(Locale.ROOT, "Wrote %s in %.1f s; open %s%n", out.toAbsolutePath(),
                    (System.nanoTime() - start) / 1e9, out.resolve("report.html").toAbsolutePath());
            return 0;
        } finally {
            deleteTree(work);
        }
    }

    private static void progress(PrintWriter err, int step, String what) {
        err.printf(Locale.ROOT, "[%d/3] %s%n", step, what);
        err.flush();
    }

    /** What the inputs are: Data Exchange scans or an intermediate volumes file. */
    record Input(List<Path> scans, Path volumes, List<Path> given) {
        String[] folderArgs() {
            return given.stream().map(Path::toString).toArray(String[]::new);
        }
    }

    private GradientAnalysis.Settings settings() {
        double[] e = window(edge, "--edge");
        double[] c = window(core, "--core");
        double[] g = window(region, "--region");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("--confidence must lie in (0, 1), was " + confidence);
        }
        GradientAnalysis.Settings d = GradientAnalysis.Settings.defaults();
        return new GradientAnalysis.Settings(d.segmentation(),
                new HullDepths.Settings(surfaceLevel > 0 ? surfaceLevel : Double.NaN, dilateUm, depthOffsetVoxels),
                new DepthStatistics.Settings(0, clusterVoxels, Double.NaN, Double.NaN, resolutionVoxels), confidence,
                lithium,
                new ProfileMetrics.Settings(e[0], e[1], c[0], c[1], g[0], g[1]),
                new ReliableRegions.Settings(d.reliable().tolerance(), d.reliable().minVoxels(), g[0], g[1]), true);
    }

    private static double[] window(String text, String option) {
        String[] parts = text.split(",");
        try {
            double a = Double.parseDouble(parts[0].trim());
            double b = Double.parseDouble(parts[1].trim());
            if (parts.length == 2 && a >= 0 && b >= a) {
                return new double[] { a, b };
            }
        } catch (RuntimeException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be FROM,TO in µm with 0 ≤ FROM ≤ TO, was '" + text + "'");
    }

    /**
     * Checks the inputs before any work: every scan has an energy and the size of the others, every energy belongs
     * to an edge and every edge has both sides, and there is something in the field of view.
     */
    private Input check() throws IOException {
        if (inputs.size() == 1 && Files.isRegularFile(inputs.get(0)) && isVolumes(inputs.get(0))) {
            for (Element e : Element.values()) {
                String name = e.symbol().toLowerCase(Locale.ROOT);
                List<String> names = ResultsFile.volumeNames(inputs.get(0));
                for (String side : List.of("_below", "_above")) {
                    if (!names.contains(name + side)) {
                        throw new IOException(inputs.get(0) + ": no volume " + name + side + "; volumes are " + names);
                    }
                }
            }
            return new Input(List.of(), inputs.get(0), inputs);
        }
        List<Path> files = ScanGroups.expand(inputs);
        if (files.isEmpty()) {
            throw new IOException(inputs + ": no Data Exchange files (.h5, .hdf5, .hdf)");
        }
        List<ScanGroups.Scan> scans = new ArrayList<>();
        int[] size = null;
        Path first = null;
        for (Path file : files) {
            try (DataExchangeReader reader = DataExchangeReader.open(file)) {
                int[] s = { reader.rows(), reader.columns() };
                if (size == null) {
                    size = s;
                    first = file;
                } else if (s[0] != size[0] || s[1] != size[1]) {
                    throw new IOException(file + ": scan of " + s[0] + "×" + s[1] + " pixels, but " + first
                            + " has " + size[0] + "×" + size[1]);
                }
                ScanGroups.Scan scan = ScanGroups.classify(file, reader.energyKev());
                if (scan.element() == null) {
                    throw new IOException(file + ": energy " + reader.energyKev() + " keV lies near no K edge of Ni,"
                            + " Mn or Co (within " + ScanGroups.MAX_EDGE_DISTANCE_KEV * 1000 + " eV)");
                }
                scans.add(scan);
            }
        }
        for (Element e : Element.values()) {
            List<ScanGroups.Scan> of = scans.stream().filter(s -> s.element() == e).toList();
            boolean below = of.stream().anyMatch(s -> !s.above());
            boolean above = of.stream().anyMatch(ScanGroups.Scan::above);
            if (below != above) {
                throw new IOException(of.get(0).file() + ": no scan " + (below ? "above" : "below") + " the "
                        + e.symbol() + " edge to pair it with");
            }
        }
        List<ScanGroups.Pair> pairs = ScanGroups.pair(scans);
        for (Element e : Element.values()) {
            if (pairs.stream().noneMatch(p -> p.element() == e)) {
                throw new IOException(inputs.get(0) + ": no scans at the " + e.symbol() + " edge; the analysis"
                        + " needs below and above scans of Ni, Mn and Co");
            }
        }
        ScanGroups.Pair ni = pairs.stream().filter(p -> p.element() == Element.NI).findFirst().orElseThrow();
        checkSomethingInView(ni.above().file());
        return new Input(files, null, inputs);
    }

    private static boolean isVolumes(Path file) {
        try {
            return !ResultsFile.volumeNames(file).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** A field with no particle: no projection pixel absorbs measurably more than the flat-field noise allows. */
    private static void checkSomethingInView(Path file) throws IOException {
        try (DataExchangeReader reader = DataExchangeReader.open(file)) {
            float[] p = FlatArrays.floats(reader.readProjections(0, 1));
            float[] flats = FlatArrays.floats(reader.flats().mean(0));
            float[] darks = FlatArrays.floats(reader.darks().mean(0));
            int rows = reader.rows();
            int cols = reader.columns();
            // line integrals averaged over 4×4 blocks against their own noise
            int block = 4;
            List<Double> values = new ArrayList<>();
            for (int r = 0; r + block <= rows; r += block) {
                for (int c = 0; c + block <= cols; c += block) {
                    double s = 0;
                    for (int i = 0; i < block; i++) {
                        for (int j = 0; j < block; j++) {
                            int k = (r + i) * cols + c + j;
                            double t = (p[k] - darks[k]) / Math.max(1e-6, flats[k] - darks[k]);
                            s += -Math.log(Math.max(1e-6, t));
                        }
                    }
                    values.add(s / (block * block));
                }
            }
            values.sort(Comparator.naturalOrder());
            double median = values.get(values.size() / 2);
            List<Double> deviations = new ArrayList<>();
            for (double v : values) {
                deviations.add(Math.abs(v - median));
            }
            deviations.sort(Comparator.naturalOrder());
            double sigma = 1.4826 * deviations.get(deviations.size() / 2);
            double max = values.get(values.size() - 1);
            if (!(max - median > Math.max(10 * sigma, 0.02))) {
                throw new IOException(file + ": no particle in the field of view (largest absorption "
                        + String.format(Locale.ROOT, "%.4f", max - median) + " above the background, noise "
                        + String.format(Locale.ROOT, "%.4f", sigma) + ")");
            }
        }
    }

    private void write(GradientAnalysis.Result r, Map<Element, GradientAnalysis.PairVolumes> volumes,
            Path volumesFile, Input input, GradientAnalysis.Settings settings) throws IOException {
        AnalysisTables.particles(r.particles(), r.profiles(), r.calibration()).write(out.resolve("particles.csv"));
        AnalysisTables.profiles(r.rows()).write(out.resolve("profiles.csv"));
        AnalysisTables.metrics(r.metrics()).write(out.resolve("metrics.csv"));
        writeAlignment(volumesFile, volumes);
        writeRegistration(volumesFile, r);
        List<ResultsFile.Volume> list = new ArrayList<>();
        int[] s = r.shape();
        double v = r.voxelUm();
        for (Element e : Element.values()) {
            String el = e.symbol().toLowerCase(Locale.ROOT);
            list.add(new ResultsFile.Volume("mu_" + el + "_below", volumes.get(e).below(), v, "1/um",
                    "reconstruction below the " + e.symbol() + " edge, on its own grid"));
            list.add(new ResultsFile.Volume("mu_" + el + "_above", volumes.get(e).above(), v, "1/um",
                    "reconstruction above the " + e.symbol() + " edge, on its own grid"));
        }
        for (Element e : Element.values()) {
            list.add(new ResultsFile.Volume("delta_mu_" + e.symbol().toLowerCase(Locale.ROOT),
                    FlatArrays.wrap(r.deltaMu()[e.ordinal()], s), v, "1/um",
                    "differential absorption above − below the " + e.symbol() + " edge, on the Ni grid"));
        }
        double[] noise = new double[3];
        for (Element e : Element.values()) {
            noise[e.ordinal()] = ElementalMaps.backgroundNoise(r.deltaMu()[e.ordinal()], r.surface().hulls());
        }
        float[][] fraction = ElementalMaps.composition(r.deltaMu(), r.surface().hulls(), noise, r.calibration());
        for (Element e : Element.values()) {
            String el = e.symbol().toLowerCase(Locale.ROOT);
            list.add(new ResultsFile.Volume("fraction_" + el, FlatArrays.wrap(fraction[e.ordinal()], s), v, "1",
                    "calibrated atomic fraction of " + e.symbol() + " per voxel inside the hulls (NaN outside)"));
            list.add(new ResultsFile.Volume("fraction_" + el + "_sd", FlatArrays.wrap(fraction[3 + e.ordinal()], s),
                    v, "1", "1σ of fraction_" + el + " from the background noise of the Δμ volumes"));
        }
        list.add(new ResultsFile.Volume("labels", FlatArrays.wrap(r.labels(), s), v, "label",
                "particles 1..n from the segmentation of the Ni above-edge volume"));
        list.add(new ResultsFile.Volume("hulls", FlatArrays.wrap(r.surface().hulls(), s), v, "label",
                "label of the convex hull holding each voxel, 0 outside"));
        list.add(new ResultsFile.Volume("depth", FlatArrays.wrap(r.surface().depthUm(), s), v, "um",
                "depth below the particle's convex-hull surface"));
        String provenance = provenance(r, volumesFile, input, settings);
        ResultsFile.write(out.resolve("results.h5"), list, provenance);
        AtomicFiles.write(out.resolve("provenance.json"), t -> Files.writeString(t, provenance));
        ReportPage.write(out.resolve("report.html"), r, provenance, warnings);
    }

    private void writeAlignment(Path volumesFile, Map<Element, GradientAnalysis.PairVolumes> volumes)
            throws IOException {
        CsvTable table = new CsvTable("scan", "energy_kev", "angle_deg", "shift_row_px", "shift_col_px");
        for (Element e : Element.values()) {
            for (Dataset d : List.of(volumes.get(e).below(), volumes.get(e).above())) {
                Dataset t = readTable(volumesFile, d.getName() + "_alignment.alignment");
                if (t == null) {
                    continue;
                }
                double energy = org.edgewise.api.metadata.PhysicalMetadata.of(d).energyKev();
                List<String> columns = names(AlignmentTables.ALIGNMENT);
                for (int a = 0; a < t.getShape()[0]; a++) {
                    table.addRow(d.getName(), energy, t.getDouble(a, columns.indexOf("angle_deg")),
                            t.getDouble(a, columns.indexOf("shift_row_px")),
                            t.getDouble(a, columns.indexOf("shift_col_px")));
                }
            }
        }
        table.write(out.resolve("alignment.csv"));
    }

    private void writeRegistration(Path volumesFile, GradientAnalysis.Result r) throws IOException {
        CsvTable table = new CsvTable("scan", "reference_scan", "shift_row_px", "shift_col_px", "scale",
                "rotation_center_px", "residual");
        List<String> columns = names(AlignmentTables.PAIR_REGISTRATION);
        for (Element e : Element.values()) {
            String el = e.symbol().toLowerCase(Locale.ROOT);
            Dataset t = readTable(volumesFile, el + "_above_registration.registration");
            Dataset alignment = readTable(volumesFile, el + "_below_alignment.alignment");
            double centre = alignment == null ? Double.NaN
                    : alignment.getDouble(0, names(AlignmentTables.ALIGNMENT).indexOf(AlignmentTables.ROTATION_CENTER_PX));
            table.addRow(el + "_below", el + "_below", 0.0, 0.0, 1.0, centre, null);
            if (t != null) {
                Dataset above = readTable(volumesFile, el + "_above_alignment.alignment");
                double aboveCentre = above == null ? Double.NaN
                        : above.getDouble(0, names(AlignmentTables.ALIGNMENT).indexOf(AlignmentTables.ROTATION_CENTER_PX));
                table.addRow(el + "_above", el + "_below", t.getDouble(0, columns.indexOf("shift_row_px")),
                        t.getDouble(0, columns.indexOf("shift_col_px")), t.getDouble(0, columns.indexOf("scale")),
                        aboveCentre, t.getDouble(0, columns.indexOf("residual")));
            }
        }
        // the element pairs onto the Ni grid in 3-D: rows = z, columns = x (the y shift is in provenance.json)
        for (GradientAnalysis.ElementRegistration g : r.registrations()) {
            String el = g.element().symbol().toLowerCase(Locale.ROOT);
            table.addRow(el + "_volume", "ni_volume", g.registration().shiftPx()[0], g.registration().shiftPx()[2],
                    g.registration().scale(), null, g.registration().residual());
        }
        table.write(out.resolve("registration.csv"));
    }

    /**
     * An energy pair whose above-edge scan was registered with a scale far from 1 was resampled wrongly (the
     * pair registration's fallback on gradient images can fail, e.g. for touching particles): its Δμ is not
     * trustworthy.
     */
    static List<String> pairRegistrationWarnings(Path volumesFile) {
        List<String> warnings = new ArrayList<>();
        List<String> columns = names(AlignmentTables.PAIR_REGISTRATION);
        for (Element e : Element.values()) {
            String el = e.symbol().toLowerCase(Locale.ROOT);
            Dataset t = readTable(volumesFile, el + "_above_registration.registration");
            if (t == null) {
                continue;
            }
            double scale = t.getDouble(0, columns.indexOf(AlignmentTables.SCALE));
            if (!(scale > 0.98 && scale < 1.02)) {
                warnings.add(String.format(Locale.ROOT, "the %s pair registration failed (scale %.4f, landmarks %.0f):"
                        + " the %s profiles and every ratio and fraction are not trustworthy", e.symbol(), scale,
                        t.getDouble(0, columns.indexOf(AlignmentTables.LANDMARKS)), e.symbol()));
            }
        }
        return warnings;
    }

    /** Column names of a table as the pipeline wrote it (results files keep the values, the names are these). */
    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).toList();
    }

    private static Dataset readTable(Path file, String name) {
        try {
            return ResultsFile.readDataset(file, name);
        } catch (IOException e) {
            return null; // not in this file (e.g. aligned inputs)
        }
    }

    private String provenance(GradientAnalysis.Result r, Path volumesFile, Input input,
            GradientAnalysis.Settings settings) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        RuntimeInfo info = RuntimeInfo.current();
        root.put("software", "Edgewise");
        root.put("edgewiseVersion", info.edgewiseVersion());
        root.put("javaVersion", info.javaVersion());
        root.set("libraryVersions", mapper.valueToTree(info.libraryVersions()));
        root.put("command", "edgewise analyze " + String.join(" ", input.folderArgs()));
        Path reconstruction = volumesFile.resolveSibling("provenance.json");
        if (input.volumes() == null && Files.exists(reconstruction)) {
            root.set("reconstruction", mapper.readTree(reconstruction.toFile()));
        } else {
            root.put("volumes", volumesFile.toAbsolutePath().toString());
        }
        ObjectNode analysis = root.putObject("analysis");
        ArrayNode pairs = analysis.putArray("pairs");
        for (var p : r.pairs()) {
            pairs.addObject().put("element", p.element().symbol()).put("belowKev", p.belowKev())
                    .put("aboveKev", p.aboveKev());
        }
        ArrayNode steps = analysis.putArray("steps");
        for (GradientAnalysis.ElementRegistration g : r.registrations()) {
            ObjectNode step = steps.addObject().put("stage", "edgewise.align.register-volumes")
                    .put("moving", g.element().symbol().toLowerCase(Locale.ROOT) + "_below")
                    .put("reference", "ni_below").put("scale", g.registration().scale())
                    .put("nominalScale", g.registration().nominalScale())
                    .put("residual", g.registration().residual()).put("method", g.registration().method())
                    .put("landmarks", g.registration().landmarks());
            step.set("shiftPx", mapper.valueToTree(g.registration().shiftPx()));
            steps.addObject().put("stage", "edgewise.gradient.resample").put("volume",
                    g.element().symbol().toLowerCase(Locale.ROOT) + " pair");
        }
        steps.addObject().put("stage", "edgewise.gradient.difference").put("elements", "Ni, Mn, Co");
        ParticleSegmentation.Settings seg = settings.segmentation();
        steps.addObject().put("stage", "segmentation (edgewise.segment.*)").put("volume", "ni_above")
                .put("threshold", "otsu").put("openRadiusUm", seg.openRadiusUm())
                .put("minVolumeUm3", seg.minVolumeUm3()).put("hUm", seg.hUm());
        steps.addObject().put("stage", "edgewise.gradient.hull-depth")
                .put("surfaceLevel", settings.surface().surfaceLevel()).put("dilateUm", settings.surface().dilateUm())
                .put("depthOffsetVoxels", settings.surface().depthOffsetVoxels())
                .put("threshold", r.surface().threshold());
        steps.addObject().put("stage", "edgewise.gradient.profiles").put("binUm", r.voxelUm())
                .put("clusterVoxels", settings.statistics().clusterVoxels()).put("confidence", settings.confidence())
                .put("lithium", settings.lithium()).put("reliableTolerance", settings.reliable().tolerance());
        ProfileMetrics.Settings m = settings.metrics();
        steps.addObject().put("stage", "edgewise.gradient.metrics").put("edgeFromUm", m.edgeFromUm())
                .put("edgeToUm", m.edgeToUm()).put("coreFromUm", m.coreFromUm()).put("coreToUm", m.coreToUm())
                .put("regionFromUm", m.regionFromUm()).put("regionToUm", m.regionToUm());
        ArrayNode warningList = analysis.putArray("warnings");
        warnings.forEach(warningList::add);
        ArrayNode cut = analysis.putArray("particlesCutByFieldOfView");
        for (ParticleMetrics.Metrics p : r.particles()) {
            if (p.cutByFieldOfView()) {
                cut.add(p.label());
            }
        }
        return mapper.writeValueAsString(root);
    }

    /** The Table-1 summary on the terminal. */
    static void summary(PrintWriter o, GradientAnalysis.Result r) {
        o.println();
        o.printf(Locale.ROOT, "%d particle(s); Table 1 (99 %% CI half-widths; ratio = the paper's Eq. 1, fraction ="
                + " calibrated atomic fraction):%n", r.particles().size());
        o.println("particle element quantity   edge (0.25-0.30um)   core (1.95-2.00um)   core-edge   max-min");
        for (ProfileMetrics.Metric m : r.metrics()) {
            o.printf(Locale.ROOT, "%8d %7s %-9s %8.4f ± %.4f    %8.4f ± %.4f    %+8.4f   %7.4f%n", m.particle(),
                    m.element().symbol(), m.quantity().id(), m.edge().value(), m.edge().halfWidth(),
                    m.core().value(), m.core().halfWidth(), m.coreMinusEdge().value(), m.maxMinusMin());
        }
        for (ParticleMetrics.Metrics p : r.particles()) {
            if (p.cutByFieldOfView()) {
                o.printf(Locale.ROOT, "particle %d touches a face of the volume (cut by the field of view): its"
                        + " profiles miss part of the particle%n", p.label());
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a left-over hidden work folder is harmless
        }
    }

}
