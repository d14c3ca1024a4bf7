/**
 * Pipeline files, their checking and their execution with provenance.
 * <pre>{@code
 * PipelineRunner runner = new PipelineRunner(StageRegistries.fromExtensions(), List.of(new Hdf5DatasetSource()),
 *         ResultsFile.pipelineWriter()); // sources and writer from org.edgewise.io: the runner knows no file format
 * Pipeline pipeline = Pipelines.read(Path.of("pipeline.json"));
 * RunResult result = runner.run(pipeline, Path.of("."), Path.of("out"), RunOptions.defaults(), monitor);
 * // out/results.h5 and out/provenance.json, written atomically; nothing at all if the run failed
 * }</pre>
 */
package org.edgewise.core.pipeline;
