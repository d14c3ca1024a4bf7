package org.edgewise.ui.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.KeyEvent;
import org.eclipse.swt.events.KeyListener;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.edgewise.api.parameters.InvalidParameterException;
import org.edgewise.api.parameters.ParameterDescription;
import org.edgewise.api.parameters.Parameters;

/**
 * A form for a stage's parameter record, generated from its {@code @Parameter} annotations
 * ({@link Parameters#describe}): a text field per number (with its unit and bounds), a check box per boolean, a list
 * per enum, labelled and with the description as tooltip. Every edit is validated with the record's own rules; a
 * valid record goes to the change listeners, an invalid one shows the message naming the parameter.
 * <p>
 * Up and down arrow keys in a number field step it (1 for integers, 0.1 for decimals; with Shift × 10).
 * <pre>{@code
 * ParameterForm<ReconstructModel> form = new ParameterForm<>(parent, ReconstructModel.class);
 * form.addChangeListener(model -> preview.update(model));
 * }</pre>
 *
 * @param <M> the parameter record
 */
public final class ParameterForm<M extends Record> extends Composite {

    private final Class<M> modelClass;
    private final List<ParameterDescription> descriptions;
    private final Map<String, Control> editors = new LinkedHashMap<>();
    private final Label message;
    private final List<Consumer<M>> listeners = new CopyOnWriteArrayList<>();
    private boolean updating;
    private String error;

    /**
     * @param parent     the parent
     * @param modelClass the record whose components become fields
     */
    public ParameterForm(Composite parent, Class<M> modelClass) {
        super(parent, SWT.NONE);
        this.modelClass = modelClass;
        this.descriptions = Parameters.describe(modelClass);
        setLayout(new GridLayout(3, false));
        for (ParameterDescription description : descriptions) {
            Label label = new Label(this, SWT.NONE);
            label.setText(description.label());
            label.setToolTipText(description.description());
            Control editor = createEditor(description);
            editor.setToolTipText(description.description());
            editor.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            editors.put(description.name(), editor);
            Label unit = new Label(this, SWT.NONE);
            String bounds = description.boundsText();
            unit.setText((description.unit() + (bounds.isEmpty() ? "" : "  " + bounds)).trim());
        }
        message = new Label(this, SWT.WRAP);
        GridData messageData = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        messageData.widthHint = 260;
        message.setLayoutData(messageData);
        message.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        setModel(Parameters.defaults(modelClass));
    }

    /** @return the record class */
    public Class<M> getModelClass() {
        return modelClass;
    }

    /** @param model values to show (does not notify the listeners) */
    public void setModel(M model) {
        updating = true;
        try {
            Map<String, Object> values = Parameters.toMap(model);
            for (ParameterDescription description : descriptions) {
                Object value = values.get(description.name());
                Control editor = editors.get(description.name());
                if (editor instanceof Button check) {
                    check.setSelection(Boolean.TRUE.equals(value));
                } else if (editor instanceof Combo combo) {
                    combo.select(Math.max(0, description.choices().indexOf(String.valueOf(value))));
                } else if (editor instanceof Text text) {
                    text.setText(value instanceof Number number ? Parameters.formatNumber(number.doubleValue())
                            : String.valueOf(value));
                }
            }
        } finally {
            updating = false;
        }
        validate();
    }

    /**
     * @return the record the fields describe
     * @throws InvalidParameterException naming the first field that is not a valid value
     */
    public M getModel() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterDescription description : descriptions) {
            Control editor = editors.get(description.name());
            if (editor instanceof Button check) {
                values.put(description.name(), check.getSelection());
            } else if (editor instanceof Combo combo) {
                values.put(description.name(), combo.getText());
            } else {
                values.put(description.name(), parse(description, ((Text) editor).getText().trim()));
            }
        }
        return Parameters.fromMap(values, modelClass);
    }

    /** @return the record, or empty while a field holds an invalid value */
    public Optional<M> validModel() {
        try {
            return Optional.of(getModel());
        } catch (InvalidParameterException e) {
            return Optional.empty();
        }
    }

    /** @return the message of the invalid field, or {@code null} when all are valid */
    public String getError() {
        return error;
    }

    /** @param listener told every valid record after an edit */
    public void addChangeListener(Consumer<M> listener) {
        listeners.add(listener);
    }

    /** @param name a record component name @return its editor (Text, Button or Combo) */
    public Control getEditor(String name) {
        Control editor = editors.get(name);
        if (editor == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + modelClass.getSimpleName()
                    + "; parameters: " + new ArrayList<>(editors.keySet()));
        }
        return editor;
    }

    /**
     * Sets one field as a user would and notifies the listeners when the form is then valid.
     *
     * @param name  a record component name
     * @param value a number, boolean, or an enum constant's name
     */
    public void setValue(String name, Object value) {
        Control editor = getEditor(name);
        if (editor instanceof Button check) {
            check.setSelection(Boolean.TRUE.equals(value));
            edited();
        } else if (editor instanceof Combo combo) {
            combo.setText(String.valueOf(value));
            edited();
        } else {
            ((Text) editor).setText(value instanceof Number number ? Parameters.formatNumber(number.doubleValue())
                    : String.valueOf(value)); // fires Modify → edited()
        }
    }

    private Control createEditor(ParameterDescription description) {
        Class<?> type = description.type();
        if (type == boolean.class || type == Boolean.class) {
            Button check = new Button(this, SWT.CHECK);
            check.addListener(SWT.Selection, event -> edited());
            return check;
        }
        if (type.isEnum()) {
            Combo combo = new Combo(this, SWT.READ_ONLY);
            combo.setItems(description.choices().toArray(String[]::new));
            combo.addListener(SWT.Selection, event -> edited());
            return combo;
        }
        Text text = new Text(this, SWT.BORDER | SWT.SINGLE | (description.isNumeric() ? SWT.RIGHT : SWT.NONE));
        text.addListener(SWT.Modify, event -> edited());
        if (description.isNumeric()) {
            text.addKeyListener(new Stepper(text, description));
        }
        return text;
    }

    private static Object parse(ParameterDescription description, String text) {
        Class<?> type = description.type();
        try {
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(text);
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(text);
            }
            if (description.isNumeric()) {
                return Double.parseDouble(text);
            }
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(description.name(), description.label() + ": '" + text
                    + "' is not " + (type == int.class || type == long.class ? "a whole number" : "a number"));
        }
        return text;
    }

    private void edited() {
        if (updating || isDisposed()) {
            return;
        }
        Optional<M> model = validate();
        model.ifPresent(valid -> listeners.forEach(listener -> listener.accept(valid)));
    }

    private Optional<M> validate() {
        try {
            M model = getModel();
            error = null;
            message.setText("");
            return Optional.of(model);
        } catch (InvalidParameterException e) {
            error = e.getMessage();
            message.setText(error);
            layout(true);
            return Optional.empty();
        }
    }

    /** Arrow keys step a number field. */
    private static final class Stepper implements KeyListener {

        private final Text text;
        private final ParameterDescription description;

        Stepper(Text text, ParameterDescription description) {
            this.text = text;
            this.description = description;
        }

        @Override
        public void keyPressed(KeyEvent event) {
            if (event.keyCode != SWT.ARROW_UP && event.keyCode != SWT.ARROW_DOWN) {
                return;
            }
            boolean integer = description.type() == int.class || description.type() == long.class
                    || description.type() == Integer.class || description.type() == Long.class;
            double step = (integer ? 1 : 0.1) * ((event.stateMask & SWT.SHIFT) != 0 ? 10 : 1);
            try {
                double value = Double.parseDouble(text.getText().trim())
                        + (event.keyCode == SWT.ARROW_UP ? step : -step);
                value = Math.max(description.min(), Math.min(description.max(), value));
                text.setText(Parameters.formatNumber(integer ? Math.rint(value) : Math.rint(value * 1e6) / 1e6));
                event.doit = false;
            } catch (NumberFormatException e) {
                // leave a field that is not a number to the validation message
            }
        }

        @Override
        public void keyReleased(KeyEvent event) {
            // nothing
        }
    }
}
