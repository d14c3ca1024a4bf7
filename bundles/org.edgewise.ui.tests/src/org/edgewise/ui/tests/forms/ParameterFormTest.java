package org.edgewise.ui.tests.forms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.edgewise.api.parameters.InvalidParameterException;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.recon.FbpFilter;
import org.edgewise.recon.Padding;
import org.edgewise.recon.stages.ReconstructModel;
import org.edgewise.recon.stages.ReconstructionMethod;
import org.edgewise.ui.forms.ParameterForm;
import org.edgewise.ui.tests.Ui;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The form generated from the reconstruction stage's parameter record. */
class ParameterFormTest {

    private Shell shell;
    private ParameterForm<ReconstructModel> form;
    private final List<ReconstructModel> heard = new ArrayList<>();

    @BeforeEach
    void open() {
        shell = Ui.shell(500, 400);
        form = new ParameterForm<>(shell, ReconstructModel.class);
        form.addChangeListener(heard::add);
        shell.open();
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void oneLabelledFieldPerRecordComponentWithUnitsBoundsAndDefaults() {
        List<String> labels = new ArrayList<>();
        Control[] children = form.getChildren();
        for (int i = 0; i + 2 < children.length; i += 3) {
            labels.add(((Label) children[i]).getText());
        }
        assertEquals(List.of("Method", "Filter", "Padding", "Centre offset", "Ring removal window", "Slab rows"), labels);
        assertArrayEquals(new String[] { "GRIDDING", "FBP" }, ((Combo) form.getEditor("method")).getItems());
        assertEquals("RAMP", ((Combo) form.getEditor("filter")).getText());
        assertEquals("0", ((Text) form.getEditor("centerOffsetPx")).getText());
        assertEquals("px  [-1000, 1000]", ((Label) children[3 * 3 + 2]).getText());
        assertEquals(Parameters.defaults(ReconstructModel.class), form.getModel());
    }

    @Test
    void editsReachTheListenersAsValidatedRecords() {
        form.setValue("centerOffsetPx", 2.5);
        form.setValue("filter", "HANN");
        assertEquals(2, heard.size());
        assertEquals(2.5, heard.get(1).centerOffsetPx());
        assertEquals(FbpFilter.HANN, heard.get(1).filter());

        // arrow up steps a decimal by 0.1, with Shift by 1
        Text centre = (Text) form.getEditor("centerOffsetPx");
        Event up = new Event();
        up.keyCode = SWT.ARROW_UP;
        centre.notifyListeners(SWT.KeyDown, up);
        assertEquals(2.6, form.getModel().centerOffsetPx(), 1e-12);
        up.stateMask = SWT.SHIFT;
        centre.notifyListeners(SWT.KeyDown, up);
        assertEquals(3.6, form.getModel().centerOffsetPx(), 1e-12);

        ReconstructModel model = new ReconstructModel(ReconstructionMethod.FBP, FbpFilter.SHEPP_LOGAN, Padding.ZERO,
                -7.25, 9, 32);
        form.setModel(model);
        assertEquals(model, form.getModel());
    }

    @Test
    void invalidValuesShowAMessageNamingTheParameterAndReachNoListener() {
        form.setValue("centerOffsetPx", "left");
        assertTrue(form.getError().contains("Centre offset") && form.getError().contains("not a number"),
                form.getError());
        assertThrows(InvalidParameterException.class, form::getModel);
        form.setValue("centerOffsetPx", 5000);
        assertEquals("parameter 'centerOffsetPx' (Centre offset) = 5000 px is outside [-1000, 1000]", form.getError());
        form.setValue("ringWindow", 2.5);
        assertTrue(form.getError().contains("whole number"), form.getError());
        assertTrue(heard.isEmpty());
        form.setValue("ringWindow", 3);
        form.setValue("centerOffsetPx", -1.5);
        assertNull(form.getError());
        assertEquals(1, heard.size(), "valid again");
        assertEquals(3, heard.get(0).ringWindow());
    }
}
