package io.noetl.sink.analytics.duckdb;

import io.noetl.sink.analytics.AnalyticsColumn;
import io.noetl.sink.analytics.AnalyticsSchema;
import io.noetl.stores.analytics.AnalyticsTables;
import java.util.List;
import java.util.stream.Collectors;

/** DDL and merge statements of the DuckDB analytics tables. */
final class DuckDbSql {

    static final String POINTER_DDL = "CREATE TABLE IF NOT EXISTS " + AnalyticsTables.POINTER
            + " (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, switched_at TIMESTAMP NOT NULL)";

    private DuckDbSql() {
    }

    static String type(AnalyticsColumn.Type type) {
        return switch (type) {
            case STRING -> "VARCHAR";
            case LONG -> "BIGINT";
            case INT -> "INTEGER";
            case DOUBLE -> "DOUBLE";
            case BOOL -> "BOOLEAN";
            case TIME -> "TIMESTAMP";
        };
    }

    static String createTable(String base, int version) {
        return "CREATE TABLE IF NOT EXISTS " + AnalyticsTables.of(base, version) + " (" + columns(base)
                + ", PRIMARY KEY (" + String.join(", ", AnalyticsSchema.key(base)) + "))";
    }

    /** A staging table without constraints: the appender fills it, then one statement merges it. */
    static String createStage(String base) {
        return "CREATE TEMP TABLE IF NOT EXISTS " + stage(base) + " (" + columns(base) + ")";
    }

    static String stage(String base) {
        return "stage_" + base;
    }

    /**
     * Merges the staged rows into a version's table: new keys are inserted; an existing trace is replaced by one
     * with more events (ties: a later last event), existing step metrics by a row with a higher count; other rows
     * are never replaced (same key, same record).
     */
    static String merge(String base, int version) {
        String table = AnalyticsTables.of(base, version);
        String insert = "INSERT INTO " + table + " SELECT * FROM " + stage(base) + " ON CONFLICT ";
        String winner = switch (base) {
            case AnalyticsTables.TRACES -> "EXCLUDED.event_count > " + table + ".event_count OR (EXCLUDED.event_count = "
                    + table + ".event_count AND coalesce(EXCLUDED.last_event_at, TIMESTAMP '1970-01-01') > coalesce("
                    + table + ".last_event_at, TIMESTAMP '1970-01-01'))";
            case AnalyticsTables.STEP_METRICS -> "EXCLUDED.attempts > " + table + ".attempts";
            default -> null;
        };
        if (winner == null) {
            return insert + "DO NOTHING";
        }
        List<String> key = AnalyticsSchema.key(base);
        String set = AnalyticsSchema.columns(base).stream()
                .map(AnalyticsColumn::name)
                .filter(c -> !key.contains(c))
                .map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        return insert + "(" + String.join(", ", key) + ") DO UPDATE SET " + set + " WHERE " + winner;
    }

    /** The columns of a table for a select list, each time {@code c} as epoch milliseconds {@code c_ms}. */
    static String select(String base) {
        return AnalyticsSchema.columns(base).stream()
                .map(c -> c.type() == AnalyticsColumn.Type.TIME ? "epoch_ms(" + c.name() + ") AS " + c.name() + "_ms"
                        : c.name())
                .collect(Collectors.joining(", "));
    }

    private static String columns(String base) {
        return AnalyticsSchema.columns(base).stream()
                .map(c -> c.name() + " " + type(c.type()))
                .collect(Collectors.joining(", "));
    }
}
