package org.edgewise.ui.preferences;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.edgewise.ui.EdgewiseUi;

/**
 * The workbench's settings (Window › Preferences › Edgewise), with their defaults.
 * <pre>{@code
 * long budget = EdgewisePreferences.volumeMemoryBytes();
 * }</pre>
 */
public final class EdgewisePreferences {

    /** Most memory volumes opened in the workbench may take, MB. */
    public static final String VOLUME_MEMORY_MB = "volumeMemoryMb";
    /** Start of the depth region the gradient metrics compare, µm below the hull surface. */
    public static final String REGION_START_UM = "comparisonRegionStartUm";
    /** End of the comparison region, µm. */
    public static final String REGION_END_UM = "comparisonRegionEndUm";
    /** Width of the edge and core points at the two ends of the region, µm. */
    public static final String POINT_WIDTH_UM = "comparisonPointWidthUm";
    /** Incident counts per pixel of the demo dataset. */
    public static final String DEMO_FLUX = "demoFlux";
    /** Voxel (pixel) size of the demo dataset, µm; 0 = the smallest that holds the particles. */
    public static final String DEMO_VOXEL_UM = "demoVoxelUm";
    /** Detector rows = columns of the demo dataset. */
    public static final String DEMO_SIZE = "demoSize";
    /** Projections of each demo scan. */
    public static final String DEMO_ANGLES = "demoAngles";

    /** The paper's comparison region: 0.25–2.00 µm, edge point 0.25–0.30, core point 1.95–2.00 µm. */
    static final double DEFAULT_REGION_START_UM = 0.25;
    static final double DEFAULT_REGION_END_UM = 2.00;
    static final double DEFAULT_POINT_WIDTH_UM = 0.05;
    static final double DEFAULT_DEMO_FLUX = 2e4;
    static final int DEFAULT_DEMO_SIZE = 128;
    static final int DEFAULT_DEMO_ANGLES = 180;

    private static ScopedPreferenceStore store;

    private EdgewisePreferences() {
    }

    /** @return the store behind the preference page */
    public static synchronized IPreferenceStore store() {
        if (store == null) {
            store = new ScopedPreferenceStore(InstanceScope.INSTANCE, EdgewiseUi.PLUGIN_ID);
        }
        return store;
    }

    /** @return the default memory for volumes: half the heap, MB */
    static int defaultVolumeMemoryMb() {
        return (int) Math.max(64, Runtime.getRuntime().maxMemory() / 2 / (1 << 20));
    }

    /** Writes the defaults into the default scope. */
    static void initializeDefaults(IEclipsePreferences defaults) {
        defaults.putInt(VOLUME_MEMORY_MB, defaultVolumeMemoryMb());
        defaults.putDouble(REGION_START_UM, DEFAULT_REGION_START_UM);
        defaults.putDouble(REGION_END_UM, DEFAULT_REGION_END_UM);
        defaults.putDouble(POINT_WIDTH_UM, DEFAULT_POINT_WIDTH_UM);
        defaults.putDouble(DEMO_FLUX, DEFAULT_DEMO_FLUX);
        defaults.putDouble(DEMO_VOXEL_UM, 0);
        defaults.putInt(DEMO_SIZE, DEFAULT_DEMO_SIZE);
        defaults.putInt(DEMO_ANGLES, DEFAULT_DEMO_ANGLES);
    }

    /** @return the memory volumes may take, bytes */
    public static long volumeMemoryBytes() {
        return Math.max(1, store().getInt(VOLUME_MEMORY_MB)) * (1L << 20);
    }

    /**
     * The comparison region of the gradient metrics.
     *
     * @param startUm      region start (edge point starts here), µm
     * @param endUm        region end (core point ends here), µm
     * @param pointWidthUm width of the edge and core points, µm
     */
    public record ComparisonRegion(double startUm, double endUm, double pointWidthUm) {

        public ComparisonRegion {
            if (!(startUm >= 0) || !(endUm > startUm) || !(pointWidthUm > 0) || pointWidthUm > endUm - startUm) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "a comparison region needs 0 ≤ start < end and 0 < point width ≤ end − start, was"
                                + " %.3f–%.3f µm with %.3f µm points", startUm, endUm, pointWidthUm));
            }
        }

        /** @return the edge point's depth range {low, high}, µm */
        public double[] edgeUm() {
            return new double[] { startUm, startUm + pointWidthUm };
        }

        /** @return the core point's depth range {low, high}, µm */
        public double[] coreUm() {
            return new double[] { endUm - pointWidthUm, endUm };
        }
    }

    /** @return the default comparison region */
    public static ComparisonRegion comparisonRegion() {
        IPreferenceStore preferences = store();
        return new ComparisonRegion(preferences.getDouble(REGION_START_UM), preferences.getDouble(REGION_END_UM),
                preferences.getDouble(POINT_WIDTH_UM));
    }

    /**
     * What Open Demo Dataset simulates.
     *
     * @param flux    incident counts per pixel
     * @param voxelUm pixel size at the lowest energy, µm; 0 = automatic
     * @param size    detector rows = columns
     * @param angles  projections per scan
     */
    public record DemoSettings(double flux, double voxelUm, int size, int angles) {
    }

    /** @return the demo settings */
    public static DemoSettings demo() {
        IPreferenceStore preferences = store();
        return new DemoSettings(preferences.getDouble(DEMO_FLUX), preferences.getDouble(DEMO_VOXEL_UM),
                preferences.getInt(DEMO_SIZE), preferences.getInt(DEMO_ANGLES));
    }
}
