/**
 * Data in and out: APS Data Exchange HDF5 scans (lazy, slab by slab), grouping of scans into K-edge pairs,
 * atomic file writes.
 * <pre>{@code
 * DataExchangeWriter.write(file, scan);
 * try (DataExchangeReader reader = DataExchangeReader.open(file)) {
 *     FloatDataset slab = reader.readProjections(0, 32); // [32, rows, columns], counts
 * }
 * List<ScanGroups.Pair> pairs = ScanGroups.group(List.of(folder), DataExchangeReader.Metadata.none());
 * }</pre>
 */
package org.edgewise.io;
