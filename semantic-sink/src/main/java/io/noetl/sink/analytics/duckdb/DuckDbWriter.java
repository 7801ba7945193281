package io.noetl.sink.analytics.duckdb;

import io.noetl.sink.analytics.AnalyticsColumn;
import io.noetl.sink.analytics.AnalyticsRows;
import io.noetl.sink.analytics.AnalyticsSchema;
import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.Rejected;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;

/**
 * Writes a batch into a version: each table's rows are appended into its temporary staging table, then all of them
 * are merged into the version's keyed tables in one transaction ({@code INSERT ... ON CONFLICT}, see
 * {@link DuckDbSql#merge}), so a batch is written whole or not at all and writing it again changes nothing.
 */
final class DuckDbWriter {

    private final DuckDbJdbc jdbc;

    DuckDbWriter(DuckDbJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the records of the batch that were not written, with the reason */
    List<Rejected> write(int version, AnalyticsBatch batch) {
        AnalyticsRows rows = AnalyticsRows.of(batch);
        if (rows.rows().isEmpty()) {
            return rows.rejected();
        }
        jdbc.call("stage " + batch.size() + " records for analytics version " + version, () -> {
            for (Map.Entry<String, List<Object[]>> table : rows.rows().entrySet()) {
                stage(table.getKey(), table.getValue());
            }
            return null;
        });
        jdbc.transaction("write " + batch.size() + " records into analytics version " + version, () -> {
            try (Statement st = jdbc.connection().createStatement()) {
                for (String base : rows.rows().keySet()) {
                    st.execute(DuckDbSql.merge(base, version));
                }
            }
        });
        return rows.rejected();
    }

    private void stage(String base, List<Object[]> rows) throws SQLException {
        List<AnalyticsColumn> columns = AnalyticsSchema.columns(base);
        try (Statement st = jdbc.connection().createStatement()) {
            st.execute("DELETE FROM " + DuckDbSql.stage(base));
        }
        try (DuckDBAppender appender = jdbc.connection().createAppender("temp", "main", DuckDbSql.stage(base))) {
            for (Object[] row : rows) {
                appender.beginRow();
                for (int i = 0; i < row.length; i++) {
                    append(appender, columns.get(i).type(), row[i]);
                }
                appender.endRow();
            }
        }
    }

    private static void append(DuckDBAppender appender, AnalyticsColumn.Type type, Object value)
            throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (type) {
            case STRING -> appender.append((String) value);
            case LONG -> appender.append(((Number) value).longValue());
            case INT -> appender.append(((Number) value).intValue());
            case DOUBLE -> appender.append(((Number) value).doubleValue());
            case BOOL -> appender.append((boolean) (Boolean) value);
            case TIME -> appender.appendEpochMicros(((Instant) value).toEpochMilli() * 1000);
        }
    }
}
