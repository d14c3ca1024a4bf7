/**
 * Data larger than memory: the reconstruction and analysis of a dual-energy scan set slab by slab (detector rows ↔
 * volume z) straight to and from files, with every estimate that needs a whole scan made on a reduced (binned) copy
 * and scaled to full resolution.
 */
package org.edgewise.workflow.streaming;
