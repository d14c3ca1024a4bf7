package org.edgewise.recon.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.recon.internal.phantom.AnalyticPhantom;
import org.edgewise.recon.FbpOptions;
import org.edgewise.recon.ParallelBeamGeometry;
import org.edgewise.recon.Reconstructions;
import org.edgewise.recon.SirtOptions;
import org.junit.jupiter.api.Test;

class ReconstructionsTest {

    @Test
    void datasetsInAndOutWithPhysicalUnits() {
        int n = 64;
        ParallelBeamGeometry geometry = ParallelBeamGeometry.uniform(90, 180, n);
        // a particle with μ = 0.1 /µm imaged with 0.049 µm pixels: 0.0049 per pixel
        float[] sinogram = AnalyticPhantom.disc(0, 0, 20, 0.1 * 0.049).sinogram(geometry, 0);
        double[] asDouble = new double[sinogram.length];
        for (int i = 0; i < sinogram.length; i++) {
            asDouble[i] = sinogram[i];
        }
        DoubleDataset input = DatasetFactory.createFromObject(DoubleDataset.class, asDouble, 90, n);
        FloatDataset slice = Reconstructions.fbp(input, geometry, FbpOptions.DEFAULT);
        assertArrayEquals(new int[] {n, n}, slice.getShape());
        FloatDataset mu = Reconstructions.toAttenuationPerUm(slice, 0.049);
        assertEquals(0.1, Metrics.meanInDisc(mu.getData(), n, 0, 0, 15), 0.001);
        FloatDataset gridded = Reconstructions.gridding(input, geometry, FbpOptions.DEFAULT);
        assertEquals(0.1, Metrics.meanInDisc(Reconstructions.toAttenuationPerUm(gridded, 0.049).getData(), n, 0, 0,
                15), 0.001);
        FloatDataset sirt = Reconstructions.sirt(input, geometry, new SirtOptions(100, 1, true, 0), null);
        assertEquals(0.1, Metrics.meanInDisc(Reconstructions.toAttenuationPerUm(sirt, 0.049).getData(), n, 0, 0,
                12), 0.002);
    }

    @Test
    void wrongShapesAndUnitsAreRejected() {
        ParallelBeamGeometry geometry = ParallelBeamGeometry.uniform(90, 180, 64);
        FloatDataset wrong = DatasetFactory.zeros(FloatDataset.class, 64, 90);
        assertThrows(IllegalArgumentException.class, () -> Reconstructions.fbp(wrong, geometry, FbpOptions.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> Reconstructions.toAttenuationPerUm(wrong, 0));
    }
}
