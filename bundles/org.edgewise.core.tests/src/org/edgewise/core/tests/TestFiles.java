package org.edgewise.core.tests;

import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/** Small HDF5 inputs in the Data Exchange layout, written with jhdf. */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * Writes {@code /exchange/data} = {@code values} and the Data Exchange pixel size, energy and angles.
     *
     * @param file        the file to create
     * @param values      {@code [angle or z, row or y, column or x]}
     * @param pixelSizeUm written to {@code /measurement/instrument/detection_system/objective/resolution}
     * @param energyKev   written to {@code /measurement/instrument/monochromator/energy}
     * @param thetaDeg    written to {@code /exchange/theta}, or null
     * @return {@code file}
     */
    public static Path dataExchange(Path file, float[][][] values, double pixelSizeUm, double energyKev,
            double[] thetaDeg) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup exchange = hdf.putGroup("exchange");
            exchange.putDataset("data", values);
            if (thetaDeg != null) {
                exchange.putDataset("theta", thetaDeg);
            }
            WritableGroup instrument = hdf.putGroup("measurement").putGroup("instrument");
            instrument.putGroup("monochromator").putDataset("energy", new double[] { energyKev });
            instrument.putGroup("detection_system").putGroup("objective").putDataset("resolution",
                    new double[] { pixelSizeUm });
        }
        return file;
    }

    /**
     * @param nz depth
     * @param ny height
     * @param nx width
     * @return values {@code v[z][y][x] = 100 z + 10 y + x}, easy to check by hand
     */
    public static float[][][] ramp(int nz, int ny, int nx) {
        float[][][] values = new float[nz][ny][nx];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    values[z][y][x] = 100 * z + 10 * y + x;
                }
            }
        }
        return values;
    }
}
