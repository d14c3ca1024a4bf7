/**
 * Image files through the JDK's AWT rasters and ImageIO, without a display: TIFF stacks (ImageJ-calibrated, uint16
 * or float32) and the pipeline source for them. This bundle and the {@code .ui} bundles are the only ones allowed
 * to use AWT and ImageIO; SWT and JFace stay out of it like out of every headless bundle. Chart files are in
 * {@link org.edgewise.io.imageio.charts}.
 * <pre>{@code
 * TiffStacks.write(dir.resolve("recon.tif"), volume, 0.049);          // [z, y, x], µm per pixel
 * TiffStacks.Stack back = TiffStacks.read(dir.resolve("recon.tif"));  // values and pixel size
 * ILazyDataset input = new TiffSource().open(spec, dir.resolve("recon.tif"));
 * }</pre>
 */
package org.edgewise.io.imageio;
