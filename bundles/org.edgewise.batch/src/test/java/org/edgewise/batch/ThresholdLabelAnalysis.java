package org.edgewise.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.core.StageRegistries;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.io.CsvTable;
import org.edgewise.segment.stages.LabelStage;
import org.edgewise.segment.stages.ThresholdModel;
import org.edgewise.segment.stages.ThresholdStage;
import org.edgewise.workflow.Recipe;
import org.edgewise.workflow.StandardIo;

/**
 * A small real analysis for testing the batch machinery until the batch runs the analyze workflow: it runs the
 * stages {@code edgewise.segment.threshold} (manual) and {@code edgewise.segment.label} as a workflow {@link Recipe}
 * through {@link StandardIo}'s runner (stages found on the class path, results.h5 and provenance.json with input
 * hashes written by the runner) on the volume
 * {@code /volume} of {@code INPUT/volume.h5}, then writes particles.csv, profiles.csv and metrics.csv with the column
 * contract of {@code edgewise analyze} from the labels: voxels and volume per particle, and per particle and
 * element the mean attenuation of its voxels at each z as a "profile". Parameter {@code threshold} (1/µm, default
 * 0.5); {@code sleep-ms} waits (checking for cancel) before it starts, for the cancel test.
 */
public final class ThresholdLabelAnalysis implements RunAnalysis {

    static final double VOXEL_UM = 0.5;

    @Override
    public String checkParameters(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!name.equals("threshold") && !name.equals("sleep-ms")) {
                return "unknown parameter '" + name + "' (known: threshold, sleep-ms)";
            }
        }
        try {
            Double.parseDouble(parameters.getOrDefault("threshold", "0.5"));
        } catch (NumberFormatException e) {
            return "threshold must be a number, was '" + parameters.get("threshold") + "'";
        }
        return null;
    }

    @Override
    public List<String> analyze(Path input, Path out, Map<String, String> parameters, IMonitor monitor)
            throws Exception {
        long sleepMs = Long.parseLong(parameters.getOrDefault("sleep-ms", "0"));
        for (long waited = 0; waited < sleepMs; waited += 50) {
            if (monitor.isCancelled()) {
                throw new InterruptedException("cancelled");
            }
            Thread.sleep(50);
        }
        double threshold = Double.parseDouble(parameters.getOrDefault("threshold", "0.5"));
        Path file = input.resolve("volume.h5");
        if (!Files.isRegularFile(file)) {
            throw new IOException(input + ": no volume.h5");
        }
        // built and run as the workflows build and run theirs: stage id constants, parameter records, StandardIo
        Recipe recipe = new Recipe();
        String volumeInput = recipe.input(new InputSpec("volume", file.toString(), "/volume", DataKind.VOLUME,
                VOXEL_UM, 8.353, "1/um", null));
        String mask = recipe.step(ThresholdStage.ID, "mask", new ThresholdModel(ThresholdModel.Method.MANUAL,
                threshold), Recipe.bind("volume", volumeInput));
        String particles = recipe.step(LabelStage.ID, "particles", new NoParameters(),
                Recipe.bind("mask", Recipe.output(mask, "mask")));
        recipe.result(volumeInput);
        recipe.result(Recipe.output(particles, "labels"));
        var result = StandardIo.runner(StageRegistries.fromClasspath(getClass().getClassLoader()))
                .run(recipe.build("threshold and label"), input, out, RunOptions.defaults(), monitor);
        Dataset labels = StandardIo.readResult(result.resultsFile(), Recipe.output(particles, "labels"));
        Dataset volume = StandardIo.readResult(result.resultsFile(), volumeInput);
        write(FlatArrays.ints(labels), FlatArrays.floats(volume), labels.getShape(), out);
        return List.of();
    }

    private static void write(int[] labels, float[] mu, int[] shape, Path out) throws IOException {
        int n = 0;
        for (int label : labels) {
            n = Math.max(n, label);
        }
        int plane = shape[1] * shape[2];
        long[] voxels = new long[n + 1];
        double[] sum = new double[n + 1];
        long[][] layerCount = new long[n + 1][shape[0]];
        double[][] layerSum = new double[n + 1][shape[0]];
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label > 0) {
                voxels[label]++;
                sum[label] += mu[i];
                layerCount[label][i / plane]++;
                layerSum[label][i / plane] += mu[i];
            }
        }
        double voxel3 = VOXEL_UM * VOXEL_UM * VOXEL_UM;
        CsvTable particles = new CsvTable(BatchFiles.PARTICLES_COLUMNS.toArray(String[]::new));
        CsvTable profiles = new CsvTable(BatchFiles.PROFILES_COLUMNS.toArray(String[]::new));
        CsvTable metrics = new CsvTable(BatchFiles.METRICS_COLUMNS.toArray(String[]::new));
        for (int p = 1; p <= n; p++) {
            double volumeUm3 = voxels[p] * voxel3;
            double mean = sum[p] / voxels[p];
            particles.addRow(p, voxels[p], volumeUm3, volumeUm3, Math.cbrt(6 * volumeUm3 / Math.PI), null, null,
                    0.5 + 0.1 * p, null, null, null, mean, null, null, null, null, null, 0);
            double first = Double.NaN;
            double last = Double.NaN;
            for (String element : List.of("Ni", "Mn", "Co")) {
                for (int z = 0; z < shape[0]; z++) {
                    if (layerCount[p][z] > 0) {
                        double value = layerSum[p][z] / layerCount[p][z];
                        profiles.addRow(p, element, z * VOXEL_UM, layerCount[p][z], value, value - 0.01, value + 0.01,
                                value, value - 0.01, value + 0.01, value, value - 0.01, value + 0.01);
                        first = Double.isNaN(first) ? value : first;
                        last = value;
                    }
                }
                metrics.addRow(p, element, "ratio", 0.25, first, 0.01, 1.95, last, 0.01, last - first, 1.0, mean,
                        0.01, 0.0);
            }
        }
        particles.write(out.resolve(BatchFiles.RUN_PARTICLES));
        profiles.write(out.resolve(BatchFiles.RUN_PROFILES));
        metrics.write(out.resolve(BatchFiles.RUN_METRICS));
    }
}
