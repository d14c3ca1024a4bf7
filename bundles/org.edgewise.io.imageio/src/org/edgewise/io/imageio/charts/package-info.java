/**
 * Chart files for reports and evidence, drawn with XChart and written as PNG or SVG (by the file's extension)
 * without a display: line charts with several series and shaded confidence bands, bar charts with error bars and
 * notes, 2-D density (heat map) plots. Axis labels carry units; the signatures use no AWT type, so headless bundles
 * can draw charts without touching AWT themselves.
 * <pre>{@code
 * LineChart.of("Ni fraction against depth", "depth (µm)", "Ni fraction")
 *         .line("particle 1", depthUm, mean, lower95, upper95)
 *         .line("particle 2", depthUm, mean2, lower2, upper2)
 *         .write(dir.resolve("ni_profiles.svg"));
 * DensityChart.of("Voxels by depth", "depth (µm)", "Ni fraction", "voxels").histogram(depthUm, ni, 60, 40)
 *         .write(dir.resolve("ni_density.png"));
 * }</pre>
 */
package org.edgewise.io.imageio.charts;
