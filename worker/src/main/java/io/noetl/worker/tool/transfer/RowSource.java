package io.noetl.worker.tool.transfer;

import java.sql.SQLException;
import java.util.List;

/** Rows read for a transfer, a chunk at a time. */
interface RowSource extends AutoCloseable {

    /** Column names, in order. */
    List<String> columns();

    /** SQL type of each column (as {@link java.sql.Types}), where known; {@link java.sql.Types#OTHER} otherwise. */
    List<Integer> types();

    /** Precision and scale of column {@code i}, or {@code null} when unknown. */
    int[] precision(int i);

    /** Up to {@code n} more rows (each value in column order); empty at the end. */
    List<Object[]> next(int n) throws SQLException;

    @Override
    void close() throws SQLException;
}
