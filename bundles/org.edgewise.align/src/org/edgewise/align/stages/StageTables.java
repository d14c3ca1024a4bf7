package org.edgewise.align.stages;

import java.util.Arrays;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.TableMetadata;
import org.edgewise.api.tables.Tables;

/** Reading this bundle's tables back by column name, also after a trip through a file that dropped the names. */
final class StageTables {

    private StageTables() {
    }

    /**
     * @param table   a table made by one of this bundle's stages
     * @param columns the columns that stage writes
     * @param what    what the table is, for messages
     * @return the table with its column names: as it is when it carries them, else a view with {@code columns}
     *         attached
     * @throws IllegalArgumentException if it carries no names and is not [rows, columns.size()]
     */
    static Dataset named(Dataset table, List<Column> columns, String what) {
        if (Tables.has(table, columns.get(0).name())) {
            return table;
        }
        if (table.getRank() != 2 || table.getShape()[1] != columns.size()) {
            throw new IllegalArgumentException(what + " must be [rows, " + columns.size() + "] ("
                    + String.join(", ", columns.stream().map(Column::name).toList()) + "), was "
                    + Arrays.toString(table.getShape()));
        }
        return TableMetadata.of(columns).attachTo(table.getView(true));
    }
}
