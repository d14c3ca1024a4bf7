/**
 * Edgewise's public contract: the data model shared by every stage, the CLI and the workbench.
 * <p>
 * Headless: nothing here may depend on SWT, JFace or the workbench.
 * <pre>{@code
 * Element ni = Element.bySymbol("Ni").orElseThrow();
 * double edgeKev = ni.kEdgeKev();                     // 8.333
 * Element scanned = Element.nearestEdge(8.353, 0.1).orElseThrow(); // NI: a scan 20 eV above the Ni edge
 * }</pre>
 */
package org.edgewise.api;
