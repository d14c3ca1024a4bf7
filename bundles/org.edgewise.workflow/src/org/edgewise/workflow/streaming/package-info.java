/**
 * Data larger than memory: the reconstruction and analysis of a dual-energy scan set slab by slab (detector rows ↔
 * volume z) and particle by particle, straight to and from files, with every estimate that needs a whole scan or
 * volume made on a reduced (binned) copy and scaled to full resolution; and the memory and scratch model
 * ({@link org.edgewise.workflow.streaming.MemoryPlan}, {@link org.edgewise.workflow.streaming.Scratch}) that decides,
 * before any work, whether an analysis runs in memory or streams, with which reduced copies, slabs and crops, and
 * where its temporary files go.
 * <pre>{@code
 * MemoryPlan plan = MemoryPlan.forScans(shapes, 1, Runtime.getRuntime().maxMemory(), MemoryPlan.Choice.AUTO);
 * try (Scratch scratch = Scratch.open(null, staging, plan.scratchBytes())) {
 *     // plan.streaming(): scans → scratch.volumesFile() → the analysis files
 * }
 * }</pre>
 */
package org.edgewise.workflow.streaming;
