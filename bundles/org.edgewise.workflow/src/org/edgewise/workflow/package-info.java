/**
 * The workflows of Edgewise as typed builders of ordinary pipelines: {@link org.edgewise.workflow.AlignWorkflow},
 * {@link org.edgewise.workflow.ReconstructWorkflow} and {@link org.edgewise.workflow.SegmentWorkflow}, built from the
 * stages' parameter records and composable through one {@link org.edgewise.workflow.Recipe}; the standard input
 * sources and runner ({@link org.edgewise.workflow.StandardIo}); and the files the commands write from a run's
 * results ({@link org.edgewise.workflow.AlignmentReport}, {@link org.edgewise.workflow.SegmentationReport}). The
 * command line, the workbench and batch runs build their pipelines here and nowhere else.
 * <pre>{@code
 * List<Scan> scans = Scans.read(List.of(Path.of("run")));
 * Pipeline pipeline = ReconstructWorkflow.builder().scans(scans).centre(ReconstructWorkflow.Centre.auto())
 *         .reconstruct(Parameters.defaults(ReconstructModel.class)).build();
 * RunResult result = StandardIo.runner().run(pipeline, Path.of(""), Path.of("out"), RunOptions.defaults(), null);
 * }</pre>
 */
package org.edgewise.workflow;
