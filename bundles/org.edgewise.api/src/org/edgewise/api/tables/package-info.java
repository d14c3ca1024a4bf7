/**
 * Tables that cross stage boundaries, read by column name: {@link org.edgewise.api.tables.Tables} creates them
 * with {@link org.edgewise.api.tables.TableMetadata} (column names and units).
 * <pre>{@code
 * Dataset alignment = Tables.create(List.of(Column.of("angle_deg", "deg"), Column.of("shift_col_px", "px")), n);
 * double[] shifts = Tables.column(alignment, "shift_col_px");
 * }</pre>
 */
package org.edgewise.api.tables;
