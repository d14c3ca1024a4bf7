package org.edgewise.ui.preferences;

import java.util.Locale;

import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Window › Preferences › Edgewise: memory for volumes, the default comparison region, the demo dataset. */
public final class EdgewisePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** The page id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.preferences.main";

    /** A text field that takes a decimal number within bounds. */
    private static final class DecimalFieldEditor extends StringFieldEditor {

        private final double min;
        private final double max;

        DecimalFieldEditor(String name, String label, double min, double max, Composite parent) {
            super(name, label, parent);
            this.min = min;
            this.max = max;
            setErrorMessage(String.format(Locale.ROOT, "%s must be a number from %s to %s", label.replace("&", ""),
                    min, max));
            setEmptyStringAllowed(false);
        }

        @Override
        protected boolean doCheckState() {
            try {
                double value = Double.parseDouble(getStringValue().trim());
                return value >= min && value <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    private DecimalFieldEditor regionStart;
    private DecimalFieldEditor regionEnd;
    private DecimalFieldEditor pointWidth;

    public EdgewisePreferencePage() {
        super(GRID);
        setDescription("Memory for volumes, the depth region the gradient metrics compare, and what Open Demo"
                + " Dataset simulates.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(EdgewisePreferences.store());
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        IntegerFieldEditor memory = new IntegerFieldEditor(EdgewisePreferences.VOLUME_MEMORY_MB,
                "&Memory for volumes (MB):", parent);
        memory.setValidRange(64, 1 << 20);
        addField(memory);
        regionStart = new DecimalFieldEditor(EdgewisePreferences.REGION_START_UM, "Comparison region &start (µm):", 0,
                50, parent);
        addField(regionStart);
        regionEnd = new DecimalFieldEditor(EdgewisePreferences.REGION_END_UM, "Comparison region &end (µm):", 0.01, 50,
                parent);
        addField(regionEnd);
        pointWidth = new DecimalFieldEditor(EdgewisePreferences.POINT_WIDTH_UM, "Edge and core point &width (µm):",
                0.001, 10, parent);
        addField(pointWidth);
        addField(new DecimalFieldEditor(EdgewisePreferences.DEMO_FLUX, "Demo &flux (counts per pixel):", 100, 1e9,
                parent));
        addField(new DecimalFieldEditor(EdgewisePreferences.DEMO_VOXEL_UM, "Demo &voxel size (µm, 0 = automatic):", 0,
                10, parent));
        IntegerFieldEditor size = new IntegerFieldEditor(EdgewisePreferences.DEMO_SIZE, "Demo detector si&ze (pixels):",
                parent);
        size.setValidRange(32, 2048);
        addField(size);
        IntegerFieldEditor angles = new IntegerFieldEditor(EdgewisePreferences.DEMO_ANGLES,
                "Demo &projections per scan:", parent);
        angles.setValidRange(16, 3600);
        addField(angles);
    }

    @Override
    public boolean performOk() {
        try {
            new EdgewisePreferences.ComparisonRegion(Double.parseDouble(regionStart.getStringValue().trim()),
                    Double.parseDouble(regionEnd.getStringValue().trim()),
                    Double.parseDouble(pointWidth.getStringValue().trim()));
        } catch (IllegalArgumentException e) { // also NumberFormatException
            setErrorMessage(e.getMessage());
            return false;
        }
        return super.performOk();
    }
}
