package org.edgewise.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.edgewise.segment.stages.ParticlesModel;
import org.edgewise.segment.stages.ThresholdModel;
import org.edgewise.workflow.SegmentWorkflow;
import org.edgewise.workflow.SegmentationReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise segment VOLUMES.h5 --out DIR}: particles of a reconstructed volume through the pipeline runner
 * ({@link SegmentWorkflow}): labels, hull interiors, depth below the hull and shape metrics, written as
 * {@code segmentation.h5}, {@code particles.csv} and {@code provenance.json} ({@link SegmentationReport}), all only
 * when the whole run succeeded.
 */
@Command(name = "segment", sortOptions = false, defaultValueProvider = ModelDefaults.class,
        description = { "Segment the particles of a reconstructed volume (results HDF5 /volumes/<name>): threshold,"
                + " opening, hole filling, watershed separation, convex hulls, depth below the hull, shape metrics."
                + " Writes segmentation.h5, particles.csv and provenance.json into DIR." })
final class SegmentCommand implements Callable<Integer>, ModelDefaults.Source {

    private static final ParticlesModel DEFAULTS = org.edgewise.api.parameters.Parameters
            .defaults(ParticlesModel.class);

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

    @Option(names = "--open-um", paramLabel = "UM",
            description = "Radius of the opening ball, µm; 0 = none (default ${DEFAULT-VALUE}).")
    private double openUm;

    @Option(names = "--min-volume-um3", paramLabel = "UM3",
            description = "Objects smaller than this are removed, µm³ (default ${DEFAULT-VALUE}).")
    private double minVolumeUm3;

    @Option(names = "--h-um", paramLabel = "UM",
            description = "Watershed marker dynamic (h-maxima of the distance map), µm (default ${DEFAULT-VALUE}).")
    private double hUm;

    @Option(names = "--dilate-um", paramLabel = "UM",
            description = "Grow each particle by this distance before its hull and depth are taken (to cover the Mn"
                    + " and Co data), µm; the shape metrics stay those of the undilated particle"
                    + " (default ${DEFAULT-VALUE}).")
    private double dilateUm;

    @Option(names = "--surface-level", paramLabel = "F",
            description = "Depth zero lies where the volume crosses background + F·(material − background) near each"
                    + " particle; 0 = the thresholded particles as they are (default ${DEFAULT-VALUE}).")
    private double surfaceLevel;

    @Option(names = "--depth-offset", paramLabel = "VOX",
            description = "Depth = distance to the nearest voxel outside the hull minus this, voxels"
                    + " (default ${DEFAULT-VALUE}).")
    private double depthOffsetVoxels;

    @Override
    public Map<String, Object> optionDefaults() {
        return Map.of("--open-um", DEFAULTS.openRadiusUm(), "--min-volume-um3", DEFAULTS.minVolumeUm3(), "--h-um",
                DEFAULTS.hUm(), "--dilate-um", DEFAULTS.dilateUm(), "--surface-level", DEFAULTS.surfaceLevel(),
                "--depth-offset", DEFAULTS.depthOffsetVoxels());
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        ParticlesModel model = new ParticlesModel(threshold == null ? ThresholdModel.Method.OTSU
                : ThresholdModel.Method.MANUAL, threshold == null ? DEFAULTS.threshold() : threshold, openUm,
                minVolumeUm3, hUm, dilateUm, surfaceLevel, depthOffsetVoxels);
        SegmentWorkflow.Plan plan = SegmentWorkflow.builder().file(input).volume(volumeName).particles(model)
                .description("edgewise segment " + input.toAbsolutePath()).plan();
        err.println("segmenting " + plan.volume() + (plan.summed().size() > 1 ? " of " + plan.summed() : ""));
        err.flush();
        return PipelineExecution.executeStaged("segment", plan.pipeline(), Path.of("").toAbsolutePath(), out, err,
                spec.commandLine().getOut(), (result, staging) -> {
                    SegmentationReport.Summary r = SegmentationReport.write(plan, result, staging);
                    StringWriter text = new StringWriter();
                    PrintWriter o = new PrintWriter(text);
                    o.printf(Locale.ROOT, "%d particle(s) in %s (threshold %.5g) in %.1f s%n", r.particles().size(),
                            r.volume(), r.threshold(), (System.nanoTime() - start) / 1e9);
                    for (SegmentationReport.Particle m : r.particles()) {
                        o.printf(Locale.ROOT, "  %d: %.2f µm³, d_eq %.3f µm, Feret %.3f / %.3f µm = %.3f%s%n",
                                m.label(), m.volumeUm3(), m.equivDiameterUm(), m.feretMinUm(), m.feretMaxOrthUm(),
                                m.feretRatio(), m.cutByFieldOfView() ? ", cut by the field of view" : "");
                    }
                    o.println("Wrote " + out.resolve(SegmentationReport.SEGMENTATION_FILE).toAbsolutePath() + ", "
                            + SegmentationReport.PARTICLES_FILE + " and provenance.json");
                    o.flush();
                    return text.toString();
                });
    }
}
