package org.edgewise.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.results.ResultDataset;
import org.edgewise.api.stages.DataKind;
import org.edgewise.io.ResultsFile;
import org.edgewise.physics.LayeredOxide;
import org.edgewise.physics.TmFractions;
import org.edgewise.workflow.AnalyzeWorkflow;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

/**
 * Small inputs for batch tests: folders with a {@code volume.h5} of balls for the test analysis, a broken one, and
 * {@code volumes.h5} files of the six reconstructions that {@code edgewise analyze} takes (as {@code edgewise
 * reconstruct} writes them) of simulated particles.
 */
final class TestRuns {

    private TestRuns() {
    }

    /**
     * Writes {@code dir/volume.h5} with {@code /volume} [z, y, x] = [size, size, size]: background 0.1 1/µm and balls
     * of value 1 at the given centres.
     *
     * @param radiusVoxels the balls' radius, voxels
     * @param centres      ball centres {z, y, x}, voxels
     */
    static Path balls(Path dir, int size, double radiusVoxels, List<int[]> centres) throws IOException {
        Files.createDirectories(dir);
        float[][][] volume = new float[size][size][size];
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    volume[z][y][x] = 0.1f;
                    for (int[] c : centres) {
                        double d2 = Math.pow(z - c[0], 2) + Math.pow(y - c[1], 2) + Math.pow(x - c[2], 2);
                        if (d2 <= radiusVoxels * radiusVoxels) {
                            volume[z][y][x] = 1f;
                        }
                    }
                }
            }
        }
        try (WritableHdfFile hdf = HdfFile.write(dir.resolve("volume.h5"))) {
            hdf.putDataset("volume", volume);
        }
        return dir;
    }

    /** Below and above each K edge, keV, by {@link Element#ordinal()}. */
    private static final double[][] ENERGIES_KEV = { { 6.519, 6.559 }, { 7.689, 7.729 }, { 8.313, 8.353 } };

    /**
     * A particle of a layered oxide: a core of one composition under a shell of another.
     *
     * @param centreVoxels {z, y, x}, voxels
     * @param radiusVoxels outer radius, voxels
     * @param shellVoxels  thickness of the shell, voxels (0: the core composition throughout)
     * @param core         the core's composition
     * @param shell        the shell's composition
     */
    record Particle(double[] centreVoxels, double radiusVoxels, double shellVoxels, TmFractions core,
            TmFractions shell) {
    }

    /**
     * Writes the six reconstructions of {@code edgewise analyze}'s volumes input ({@code ni_below}, ...), [z, y, x] =
     * [size, size, size] of {@code voxelUm}, 1/µm: each voxel the mean attenuation of 4³ points inside it (the
     * particles' surfaces are partial voxels, not the voxel grid the analysis works on), background 0.
     */
    static Path volumes(Path file, int size, double voxelUm, List<Particle> particles) throws IOException {
        Files.createDirectories(file.getParent());
        List<ResultDataset> list = new ArrayList<>();
        for (Element e : Element.values()) {
            for (int above = 0; above < 2; above++) {
                double energyKev = ENERGIES_KEV[e.ordinal()][above];
                String name = AnalyzeWorkflow.volumeName(e, above == 1);
                Dataset d = FlatArrays.wrap(attenuation(size, particles, energyKev), size, size, size);
                d.setName(name);
                PhysicalMetadata.create(voxelUm, energyKev, "1/µm").attachTo(d);
                list.add(new ResultDataset(name, DataKind.VOLUME, d));
            }
        }
        ResultsFile.write(file, list, "{}", null);
        return file;
    }

    private static float[] attenuation(int size, List<Particle> particles, double energyKev) {
        int sub = 4;
        float[] mu = new float[size * size * size];
        for (Particle p : particles) {
            double core = LayeredOxide.of(p.core()).linearAttenuationPerUm(energyKev);
            double shell = LayeredOxide.of(p.shell()).linearAttenuationPerUm(energyKev);
            double[] c = p.centreVoxels();
            int[] from = new int[3];
            int[] to = new int[3];
            for (int axis = 0; axis < 3; axis++) {
                from[axis] = Math.max(0, (int) Math.floor(c[axis] - p.radiusVoxels() - 1));
                to[axis] = Math.min(size, (int) Math.ceil(c[axis] + p.radiusVoxels() + 2));
            }
            for (int z = from[0]; z < to[0]; z++) {
                for (int y = from[1]; y < to[1]; y++) {
                    for (int x = from[2]; x < to[2]; x++) {
                        double sum = 0;
                        for (int i = 0; i < sub * sub * sub; i++) {
                            double dz = z - 0.5 + (i / (sub * sub) + 0.5) / sub - c[0];
                            double dy = y - 0.5 + (i / sub % sub + 0.5) / sub - c[1];
                            double dx = x - 0.5 + (i % sub + 0.5) / sub - c[2];
                            double r = Math.sqrt(dz * dz + dy * dy + dx * dx);
                            if (r < p.radiusVoxels()) {
                                sum += r < p.radiusVoxels() - p.shellVoxels() ? core : shell;
                            }
                        }
                        mu[(z * size + y) * size + x] += (float) (sum / (sub * sub * sub));
                    }
                }
            }
        }
        return mu;
    }

    /** A folder whose volume.h5 is not an HDF5 file. */
    static Path broken(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("volume.h5"), "this is not HDF5\n");
        return dir;
    }
}
