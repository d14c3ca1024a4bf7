/**
 * SWTChart adapters: January datasets in, charts with units on every axis out.
 * <pre>{@code
 * Chart chart = DatasetCharts.createLineChart(parent, "Ni fraction", "Depth", "µm", "Ni/(Ni+Mn+Co)", null);
 * DatasetCharts.addLineSeries(chart, "particle 1", depthUm, niFraction);
 * }</pre>
 */
package org.edgewise.ui.plot;
