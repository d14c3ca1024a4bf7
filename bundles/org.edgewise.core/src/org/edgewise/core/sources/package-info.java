/**
 * Input readers for pipelines: HDF5 datasets read lazily with jhdf, and datasets held in memory.
 * <pre>{@code
 * InputSpec spec = new InputSpec("scan", "scan.h5", "/exchange/data", DataKind.PROJECTIONS, null, null, null, null);
 * ILazyDataset projections = new Hdf5DatasetSource().open(spec, Path.of("scan.h5")); // pixel size, energy, theta
 * }</pre>
 */
package org.edgewise.core.sources;
