package org.edgewise.gradient.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.tables.Tables;
import org.edgewise.gradient.ProfileTables;
import org.edgewise.physics.EnergyPair;
import org.edgewise.physics.LayeredOxide;
import org.edgewise.physics.TmFractions;
import org.edgewise.segment.stages.ParticlesModel;
import org.edgewise.segment.stages.ParticlesStage;
import org.edgewise.segment.stages.ThresholdModel;
import org.junit.jupiter.api.Test;

/**
 * The stage chain difference → particles (hull depth) → profiles → metrics on a ball of NMC811 with a NMC111 shell, whose μ at
 * every energy comes from the physics bundle: the fractions must come back, and bad inputs are refused.
 */
class StagesTest {

    private static final IMonitor MONITOR = new IMonitor.Stub();
    private static final int N = 40;
    private static final double VOXEL_UM = 0.1;
    private static final double RADIUS = 15;
    private static final double SHELL = 4; // voxels of NMC111 under the surface

    private static Dataset volume(double energyKev) {
        LayeredOxide core = LayeredOxide.of(TmFractions.ofNiCoMn(8, 1, 1));
        LayeredOxide shell = LayeredOxide.of(TmFractions.ofNiCoMn(1, 1, 1));
        float[] v = new float[N * N * N];
        double c = (N - 1) / 2.0;
        for (int z = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    double r = Math.sqrt((z - c) * (z - c) + (y - c) * (y - c) + (x - c) * (x - c));
                    v[(z * N + y) * N + x] = r >= RADIUS ? 0f : (float) (r < RADIUS - SHELL
                            ? core.linearAttenuationPerUm(energyKev) : shell.linearAttenuationPerUm(energyKev));
                }
            }
        }
        Dataset d = FlatArrays.wrap(v, N, N, N);
        d.setName("mu_" + energyKev);
        return PhysicalMetadata.create(VOXEL_UM, energyKev, "1/µm").attachTo(d);
    }

    @Test
    void chainRecoversCoreAndShellFractions() throws StageException {
        Map<String, Dataset> deltaMu = new LinkedHashMap<>();
        for (Element e : Element.values()) {
            EnergyPair p = EnergyPair.typical(e);
            deltaMu.put(e.symbol().toLowerCase(java.util.Locale.ROOT), new DifferenceStage().apply(
                    StageInput.whole(Map.of("above", volume(p.aboveKev()), "below", volume(p.belowKev()))),
                    new DifferenceModel(""), MONITOR).get("deltamu"));
        }
        // the particle and its depth as analyze finds them: segmented on the Ni above-edge volume, depth zero at
        // half-way between background and material
        var depth = new ParticlesStage().apply(StageInput.of(ParticlesStage.VOLUME, volume(8.353)),
                new ParticlesModel(ThresholdModel.Method.OTSU, 0, 0, 0, 0.5, 0, 0.5, 0.5), MONITOR);
        assertEquals(1, depth.get(ParticlesStage.LABELS).max().intValue());
        Map<String, Dataset> in = new LinkedHashMap<>(deltaMu);
        in.put("hulls", depth.get("hulls"));
        in.put("depth", depth.get("depth"));
        Dataset profiles = new ProfilesStage().apply(StageInput.whole(in), new ProfilesModel(0, 4, 0.99, 1, 0.1, 1),
                MONITOR).get("profiles");
        int checked = 0;
        for (var row : ProfileTables.profileRows(profiles)) {
            double expected = row.depthHighUm() < (SHELL - 1) * VOXEL_UM ? 1.0 / 3
                    : row.depthLowUm() > (SHELL + 1) * VOXEL_UM ? TmFractions.ofNiCoMn(8, 1, 1).of(row.element())
                            : Double.NaN;
            if (!Double.isNaN(expected) && row.n() > 50) {
                assertEquals(expected, row.fraction().value(), 1e-4, row.toString());
                checked++;
            }
        }
        assertTrue(checked > 10, "bins checked: " + checked);
        Dataset metrics = new MetricsStage().apply(StageInput.of("profiles", profiles),
                new MetricsModel(0.05, 0.1, 1.0, 1.1, 0.05, 1.3), MONITOR).get("metrics");
        assertEquals(6, Tables.rows(metrics));
        // Ni fraction: shell 1/3 at the edge point, 0.8 in the core
        assertEquals(0.8 - 1.0 / 3, Tables.get(metrics, 1, "d_core_edge"), 1e-3);
    }

    @Test
    void aPairThatBracketsNoEdgeIsRefused() {
        StageException e = assertThrows(StageException.class, () -> new DifferenceStage().apply(
                StageInput.whole(Map.of("above", volume(8.0), "below", volume(7.9))), new DifferenceModel(""),
                MONITOR));
        assertTrue(e.getMessage().contains("no K edge"), e.getMessage());
    }

    @Test
    void resampleReadsTheRegistrationTableByName() throws StageException {
        Dataset table = org.eclipse.january.dataset.DatasetFactory.createFromObject(
                org.eclipse.january.dataset.DoubleDataset.class, new double[] { 1, 0, 0, 1, 1, 0, 0, 2 }, 1, 8);
        table.setName("shift_z_px,shift_y_px,shift_x_px,scale,nominal_scale,residual,scale_uncertainty,landmarks");
        Dataset moved = new ResampleStage().apply(StageInput.whole(Map.of("volume", volume(8.353),
                "registration", table)), new org.edgewise.api.parameters.NoParameters(), MONITOR).get("volume");
        Dataset original = volume(8.353);
        // output voxel (z, y, x) = input (z + 1, y, x)
        assertEquals(original.getFloat(21, 20, 20), moved.getFloat(20, 20, 20), 1e-6);
        assertEquals(original.getFloat(35, 20, 20), moved.getFloat(34, 20, 20), 1e-6);
    }
}
