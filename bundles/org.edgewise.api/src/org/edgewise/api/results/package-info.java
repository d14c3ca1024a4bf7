/**
 * The output SPI: how a pipeline run's result datasets become a file.
 * <pre>{@code
 * IResultsWriter writer = ResultsFile.pipelineWriter(); // org.edgewise.io: HDF5, NeXus layout
 * writer.write(dir.resolve(writer.fileName()),
 *         List.of(new ResultDataset("recon.volume", DataKind.VOLUME, volume)), provenanceJson, "0.1.0");
 * }</pre>
 */
package org.edgewise.api.results;
