/**
 * Input readers for pipelines that need no file format: datasets held in memory (tests, the workbench). File readers
 * (Data Exchange, any HDF5 dataset, TIFF) are in {@code org.edgewise.io.sources} and {@code org.edgewise.io.imageio}.
 * <pre>{@code
 * IDatasetSource source = new InMemoryDatasetSource(Map.of("phantom", volume));
 * // pipeline input: {"name": "volume", "file": "memory:phantom", "kind": "volume"}
 * }</pre>
 */
package org.edgewise.core.sources;
