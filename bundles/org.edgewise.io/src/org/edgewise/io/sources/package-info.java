/**
 * Pipeline inputs from files, as {@link org.edgewise.api.sources.IDatasetSource}s: Data Exchange scans through the
 * checking reader, and any dataset of an HDF5 file (results of earlier runs included) read lazily with jhdf. TIFF
 * stacks, which need AWT rasters, are read by {@code org.edgewise.io.imageio.TiffSource}.
 * <pre>{@code
 * PipelineRunner runner = new PipelineRunner(registry,
 *         List.of(new DataExchangeSource(), new TiffSource(), new Hdf5DatasetSource()), ResultsFile.pipelineWriter());
 * }</pre>
 */
package org.edgewise.io.sources;
