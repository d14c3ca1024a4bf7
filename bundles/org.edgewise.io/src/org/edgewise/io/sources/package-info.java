/**
 * Pipeline inputs from files: Data Exchange scans as {@link org.edgewise.api.sources.IDatasetSource}s (TIFF stacks,
 * which need AWT rasters, are read by {@code org.edgewise.ui.imaging.TiffSource}).
 * <pre>{@code
 * PipelineRunner runner = new PipelineRunner(registry,
 *         List.of(new DataExchangeSource(), new TiffSource(), new Hdf5DatasetSource()));
 * }</pre>
 */
package org.edgewise.io.sources;
