/**
 * Pipeline inputs from files: Data Exchange scans and TIFF stacks as {@link org.edgewise.api.sources.IDatasetSource}s.
 * <pre>{@code
 * PipelineRunner runner = new PipelineRunner(registry,
 *         List.of(new DataExchangeSource(), new TiffSource(), new Hdf5DatasetSource()));
 * }</pre>
 */
package org.edgewise.io.sources;
