package org.edgewise.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.ChartWriter;
import org.edgewise.align.PngCharts;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.sources.IDatasetSource;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.core.StageRegistries;
import org.edgewise.core.pipeline.PipelineRunner;
import org.edgewise.io.DataFileException;
import org.edgewise.io.ResultsFile;
import org.edgewise.io.imageio.TiffSource;
import org.edgewise.io.sources.DataExchangeSource;
import org.edgewise.io.sources.Hdf5DatasetSource;
import org.edgewise.recon.stages.ReconstructStage;

import io.jhdf.HdfFile;

/**
 * What every workflow reads and writes with, the same in the command line, the workbench and batch runs: the
 * standard input sources, the runner over the installed stages, the evidence charts, and how a run's results file
 * is read back. (Every reference to the I/O classes' locations and to the results file layout is in this class.)
 * <pre>{@code
 * RunResult run = StandardIo.runner().run(pipeline, base, out, RunOptions.defaults(), monitor);
 * Dataset table = StandardIo.readResult(run.resultsFile(), "ni_above_alignment.alignment");
 * }</pre>
 */
public final class StandardIo {

    private StandardIo() {
    }

    /**
     * A volume of a results file ({@code volumes.h5} of {@code edgewise reconstruct}, a run's {@code results.h5}, or
     * a file with {@code /volumes/NAME} datasets), described without reading its values.
     *
     * @param name        its name, e.g. {@code ni_above}
     * @param input       a pipeline input that reads it (voxel size and unit given)
     * @param shape       {@code [z, y, x]}
     * @param voxelSizeUm voxel size, µm (NaN when the file has none)
     * @param floating    true for floating-point values (μ, depth), false for integers (labels, masks)
     */
    public record StoredVolume(String name, InputSpec input, int[] shape, double voxelSizeUm, boolean floating) {
    }

    /**
     * @param file a results file
     * @return its volumes, in the file's order
     * @throws IOException if the file cannot be read or holds no volumes (a {@link DataFileException} names it)
     */
    public static List<StoredVolume> volumes(Path file) throws IOException {
        List<String> names = ResultsFile.volumeNames(file);
        List<StoredVolume> volumes = new ArrayList<>();
        try (HdfFile hdf = new HdfFile(file)) {
            for (String name : names) {
                String path = null;
                for (String candidate : List.of(ResultsFile.ENTRY + "/" + name + "/data", ResultsFile.ENTRY + "/"
                        + name + "." + ReconstructStage.VOLUME + "/data", "/volumes/" + name, "/results/" + name
                                + "." + ReconstructStage.VOLUME + "/data", "/results/" + name + "/data")) {
                    if (find(hdf, candidate) instanceof io.jhdf.api.Dataset) {
                        path = candidate;
                        break;
                    }
                }
                if (path == null) {
                    throw new DataFileException(file, ResultsFile.ENTRY + "/" + name, "is missing");
                }
                io.jhdf.api.Dataset data = (io.jhdf.api.Dataset) hdf.getByPath(path);
                io.jhdf.api.Node group = data.getParent();
                double voxel = number(data, "voxel_size_um", number(data, "pixel_size_um", number(group,
                        "pixel_size_um", Double.NaN)));
                String unit = text(data, "units", text(data, "value_unit", ""));
                Class<?> type = data.getJavaType();
                volumes.add(new StoredVolume(name, new InputSpec(name, file.toAbsolutePath().toString(), path,
                        DataKind.VOLUME, Double.isNaN(voxel) ? null : voxel, null, unit, null), data.getDimensions(),
                        voxel, type == float.class || type == double.class));
            }
        } catch (RuntimeException e) {
            throw new DataFileException(file, null, "not a readable HDF5 file (" + e.getMessage() + ")", e);
        }
        return volumes;
    }

    private static io.jhdf.api.Node find(HdfFile hdf, String path) {
        try {
            return hdf.getByPath(path);
        } catch (RuntimeException e) { // jhdf signals a missing path with an exception
            return null;
        }
    }

    private static double number(io.jhdf.api.Node data, String attribute, double fallback) {
        io.jhdf.api.Attribute value = data.getAttribute(attribute);
        return value != null && value.getData() instanceof Number number ? number.doubleValue() : fallback;
    }

    private static String text(io.jhdf.api.Node data, String attribute, String fallback) {
        io.jhdf.api.Attribute value = data.getAttribute(attribute);
        return value != null && value.getData() instanceof String text ? text : fallback;
    }

    /** @return Data Exchange scans first, then TIFF stacks, then any HDF5 dataset (asked in this order) */
    public static List<IDatasetSource> sources() {
        return List.of(new DataExchangeSource(), new TiffSource(), new Hdf5DatasetSource());
    }

    /**
     * @return a runner over the stages of the extension registry and the {@link #sources()}
     * @throws IllegalStateException outside OSGi
     */
    public static PipelineRunner runner() {
        return runner(StageRegistries.fromExtensions());
    }

    /**
     * @param stages the stages (outside OSGi, e.g. in a batch job: an {@code InMemoryStageRegistry} of them)
     * @return a runner over those stages and the {@link #sources()}
     */
    public static PipelineRunner runner(IStageRegistry stages) {
        return new PipelineRunner(stages, sources(), ResultsFile.pipelineWriter());
    }

    /** @return the PNG writer of the evidence charts (shift vs angle, pair residuals) */
    public static ChartWriter charts() {
        return new PngCharts();
    }

    /**
     * Reads one result of a finished run into memory, with its {@link PhysicalMetadata} (and the column names of a
     * table).
     *
     * @param resultsFile the run's results file
     * @param name        the result's dataset name, e.g. {@code ni_above_alignment.alignment}
     * @return the dataset
     * @throws IOException if the file or the result cannot be read
     */
    public static Dataset readResult(Path resultsFile, String name) throws IOException {
        return ResultsFile.readDataset(resultsFile, name);
    }
}
