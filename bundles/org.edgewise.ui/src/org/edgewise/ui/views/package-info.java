/**
 * Views every perspective uses: the Data view (the registry as a tree with provenance), projections and sinograms
 * of a scan, orthoslices of a volume. Views follow the selection and the registry, never each other.
 * <pre>{@code
 * tracker = new DatasetTracker(getSite(), registry, Set.of(DataKind.VOLUME), this::show);
 * }</pre>
 */
package org.edgewise.ui.views;
