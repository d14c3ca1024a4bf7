/**
 * Forms generated from stage parameter records ({@code @Parameter}): the workbench never hand-writes a widget per
 * parameter, so a new parameter appears in the form by itself.
 * <pre>{@code
 * ParameterForm<ReconstructModel> form = new ParameterForm<>(parent, ReconstructModel.class);
 * ReconstructModel model = form.getModel(); // validated
 * }</pre>
 */
package org.edgewise.ui.forms;
