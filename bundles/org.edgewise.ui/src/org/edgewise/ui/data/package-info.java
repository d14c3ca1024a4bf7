/**
 * The datasets open in the workbench, without any SWT: the registry every perspective shares (a declarative-services
 * component with change events), its entries with their provenance, and the loader behind File › Open.
 * <pre>{@code
 * IDatasetRegistry registry = PlatformUI.getWorkbench().getService(IDatasetRegistry.class);
 * registry.putAll(new DatasetLoader(budgetBytes).open(Path.of("/data/run7"), System.out::println));
 * registry.addListener(event -> display.asyncExec(view::refresh));
 * }</pre>
 */
package org.edgewise.ui.data;
