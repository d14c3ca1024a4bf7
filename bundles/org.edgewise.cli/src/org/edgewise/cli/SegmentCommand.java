package org.edgewise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.io.CsvTable;
import org.edgewise.io.ResultsFile;
import org.edgewise.segment.ParticleMetrics;
import org.edgewise.segment.ParticleSegmentation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise segment VOLUMES.h5 --out DIR}: particles of a reconstructed volume: labels, hull interiors, depth
 * below the hull and shape metrics, written as {@code segmentation.h5} and {@code particles.csv}.
 */
@Command(name = "segment", sortOptions = false,
        description = { "Segment the particles of a reconstructed volume (results HDF5 /volumes/<name>): threshold,"
                + " opening, hole filling, watershed separation, convex hulls, depth below the hull, shape metrics."
                + " Writes segmentation.h5 and particles.csv into DIR." })
final class SegmentCommand implements Callable<Integer> {

    /** Columns of {@code particles.csv}: the geometry columns of method.md §4, then the field-of-view flag. */
    static final String[] COLUMNS = { "particle", "voxels", "volume_um3", "solid_volume_um3", "equiv_diameter_um",
        "feret_min_um", "feret_max_orth_um", "feret_ratio", "centroid_z_um", "centroid_y_um", "centroid_x_um",
        "cut_by_fov" };

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VOLUMES.h5", description = "Results HDF5 with /volumes/<name> datasets.")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    private Path out;

    @Option(names = "--volume", paramLabel = "NAME",
            description = "Volume to segment (default: the above-edge Ni volume, e.g. mu_ni_above; otherwise the sum"
                    + " of all floating-point volumes).")
    private String volumeName;

    @Option(names = "--threshold", paramLabel = "VALUE",
            description = "Manual threshold in the volume's unit (default: Otsu).")
    private Double threshold;

    @Option(names = "--open-um", defaultValue = "0.1", paramLabel = "UM",
            description = "Radius of the opening ball, µm; 0 = none (default ${DEFAULT-VALUE}).")
    private double openUm;

    @Option(names = "--min-volume-um3", defaultValue = "1", paramLabel = "UM3",
            description = "Objects smaller than this are removed, µm³ (default ${DEFAULT-VALUE}).")
    private double minVolumeUm3;

    @Option(names = "--h-um", defaultValue = "0.5", paramLabel = "UM",
            description = "Watershed marker dynamic (h-maxima of the distance map), µm (default ${DEFAULT-VALUE}).")
    private double hUm;

    @Option(names = "--dilate-um", defaultValue = "0", paramLabel = "UM",
            description = "Grow each particle by this distance before its hull and depth are taken (to cover the Mn"
                    + " and Co data), µm; the shape metrics stay those of the undilated particle"
                    + " (default ${DEFAULT-VALUE}).")
    private double dilateUm;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        ResultsFile.Volume volume = select();
        int[] shape = volume.data().getShape();
        float[] values = DatasetUtils.copy(FloatDataset.class, volume.data()).getData();
        ParticleSegmentation.Settings settings = new ParticleSegmentation.Settings(
                threshold == null ? Double.NaN : threshold, openUm, minVolumeUm3, hUm, dilateUm);
        double voxel = volume.voxelSizeUm();
        err.printf(Locale.ROOT, "segmenting %s [%d, %d, %d], voxel %.4f µm%n", volume.name(), shape[0], shape[1],
                shape[2], voxel);
        err.flush();
        ParticleSegmentation.Result r = ParticleSegmentation.run(values, shape[0], shape[1], shape[2], voxel,
                settings);

        CsvTable table = new CsvTable(COLUMNS);
        for (ParticleMetrics.Metrics m : r.metrics()) {
            table.addRow(m.label(), m.voxels(), m.volumeUm3(), m.solidVolumeUm3(), m.equivDiameterUm(),
                    m.feretMinUm(), m.feretMaxOrthUm(), m.feretRatio(), m.centroidUm()[0], m.centroidUm()[1],
                    m.centroidUm()[2], m.cutByFieldOfView());
        }
        String provenance = String.format(Locale.ROOT, "{\"command\": \"edgewise segment\", \"input\": %s,"
                + " \"volume\": %s, \"thresholdMethod\": \"%s\", \"threshold\": %s, \"openRadiusUm\": %s,"
                + " \"minVolumeUm3\": %s, \"hUm\": %s, \"dilateUm\": %s, \"particles\": %d}",
                quote(input.toAbsolutePath().toString()), quote(volume.name()), threshold == null ? "otsu" : "manual",
                Double.toString(r.threshold()), Double.toString(openUm), Double.toString(minVolumeUm3),
                Double.toString(hUm), Double.toString(dilateUm), r.count());
        List<ResultsFile.Volume> volumes = new ArrayList<>();
        volumes.add(new ResultsFile.Volume("labels", ints(r.labels(), shape), voxel, "label",
                "particles 1..n (envelopes, holes filled), 0 = background"));
        if (dilateUm > 0) {
            volumes.add(new ResultsFile.Volume("grown", ints(r.grown(), shape), voxel, "label",
                    "particles grown by " + dilateUm + " um (nearest particle), before their hulls were taken"));
        }
        volumes.add(new ResultsFile.Volume("hulls", ints(r.hulls(), shape), voxel, "label",
                "label of the convex hull holding each voxel, 0 = outside every hull"));
        volumes.add(new ResultsFile.Volume("depth", DatasetFactory.createFromObject(FloatDataset.class, r.depthUm(),
                shape), voxel, "um", "Euclidean depth below the particle's convex-hull surface, 0 outside"));
        int[] solid = new int[r.solid().length];
        for (int i = 0; i < solid.length; i++) {
            solid[i] = r.solid()[i];
        }
        volumes.add(new ResultsFile.Volume("solid", ints(solid, shape), voxel, "1",
                "material mask after thresholding and opening (pores are 0)"));
        ResultsFile.write(out.resolve("segmentation.h5"), volumes, provenance);
        table.write(out.resolve("particles.csv"));

        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d particle(s) in %s (threshold %.5g) in %.1f s%n", r.count(), volume.name(),
                r.threshold(), (System.nanoTime() - start) / 1e9);
        for (ParticleMetrics.Metrics m : r.metrics()) {
            o.printf(Locale.ROOT, "  %d: %.2f µm³, d_eq %.3f µm, Feret %.3f / %.3f µm = %.3f%s%n", m.label(),
                    m.volumeUm3(), m.equivDiameterUm(), m.feretMinUm(), m.feretMaxOrthUm(), m.feretRatio(),
                    m.cutByFieldOfView() ? ", cut by the field of view" : "");
        }
        o.println("Wrote " + out.resolve("segmentation.h5").toAbsolutePath() + " and particles.csv");
        return 0;
    }

    /** @return a JSON string literal */
    static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static Dataset ints(int[] values, int[] shape) {
        return DatasetFactory.createFromObject(IntegerDataset.class, values, shape);
    }

    /** The requested volume, the above-edge Ni one, or the sum of all floating-point volumes. */
    private ResultsFile.Volume select() throws Exception {
        List<String> names = ResultsFile.volumeNames(input);
        if (volumeName != null) {
            if (!names.contains(volumeName)) {
                throw new IllegalArgumentException(input + ": no volume '" + volumeName + "'; volumes are " + names);
            }
            return ResultsFile.read(input, volumeName);
        }
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.matches("(.*[^a-z])?ni([^a-z].*)?") && lower.contains("above")) {
                return ResultsFile.read(input, name);
            }
        }
        Dataset sum = null;
        double voxel = Double.NaN;
        List<String> used = new ArrayList<>();
        for (String name : names) {
            ResultsFile.Volume v = ResultsFile.read(input, name);
            if (!(v.data() instanceof FloatDataset)) {
                continue;
            }
            if (sum == null) {
                sum = DatasetUtils.copy(FloatDataset.class, v.data());
                voxel = v.voxelSizeUm();
            } else {
                if (!java.util.Arrays.equals(sum.getShape(), v.data().getShape())
                        || Math.abs(v.voxelSizeUm() - voxel) > 1e-6 * voxel) {
                    throw new IllegalArgumentException(input + ": volume '" + name + "' differs in shape or voxel size"
                            + " from " + used + "; choose one with --volume");
                }
                sum.iadd(v.data());
            }
            used.add(name);
        }
        if (sum == null) {
            throw new IllegalArgumentException(input + ": no floating-point volume to segment; volumes are " + names);
        }
        return new ResultsFile.Volume("sum", sum, voxel, "", "sum of " + used);
    }
}
