/**
 * The input SPI: how a pipeline's input files become lazy January datasets with physical metadata.
 * <pre>{@code
 * InputSpec spec = new InputSpec("scan", "scan.h5", "/exchange/data", DataKind.PROJECTIONS,
 *         0.049, 8.353, "counts", "/exchange/theta");
 * ILazyDataset projections = source.open(spec, spec.resolve(pipelineDir)); // [angle, row, column], not read yet
 * Dataset first = DatasetUtils.sliceAndConvertLazyDataset(projections.getSliceView(new Slice(0, 1)));
 * }</pre>
 */
package org.edgewise.api.sources;
