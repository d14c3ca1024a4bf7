/**
 * Data in and out, every HDF5 file of Edgewise: APS Data Exchange scans (lazy, slab by slab), the results file in
 * the NeXus layout ({@link org.edgewise.io.ResultsFile}), CSV tables, grouping of scans into K-edge pairs.
 * <pre>{@code
 * DataExchangeWriter.write(file, scan);
 * try (DataExchangeReader reader = DataExchangeReader.open(file)) {
 *     FloatDataset slab = reader.readProjections(0, 32); // [32, rows, columns], counts
 * }
 * List<ScanGroups.Pair> pairs = ScanGroups.group(List.of(folder), DataExchangeReader.Metadata.none());
 * Dataset volume = ResultsFile.readDataset(out.resolve("volumes.h5"), "ni_above"); // with PhysicalMetadata
 * }</pre>
 */
package org.edgewise.io;
