package io.noetl.sink.analytics.clickhouse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.sink.analytics.AnalyticsColumn;
import io.noetl.sink.analytics.AnalyticsSchema;
import io.noetl.stores.analytics.AnalyticsTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * DDL and row encoding of the ClickHouse analytics tables, kept to types ClickHouse 18.16 already has: a time is a
 * {@code DateTime} column plus a {@code <name>_ms} {@code UInt64} column with epoch milliseconds, which the queries
 * use. Tables are {@code ReplacingMergeTree} ordered by their key; traces and step metrics carry a {@code ver}
 * column so the winning row survives merges and {@code FINAL}.
 */
final class ClickHouseSql {

    /** Largest event count kept in a trace's {@code ver} (22 bits), above the 42 bits of its last event time. */
    private static final long MAX_VER_EVENTS = (1L << 22) - 1;
    private static final long MAX_VER_MILLIS = (1L << 42) - 1;

    private ClickHouseSql() {
    }

    static String pointerDdl(String database) {
        return "CREATE TABLE IF NOT EXISTS " + database + "." + AnalyticsTables.POINTER
                + " (id UInt8, version UInt64, switched_at DateTime, switched_at_ms UInt64)"
                + " ENGINE = ReplacingMergeTree(switched_at_ms) ORDER BY id";
    }

    static String createTable(String database, String base, int version) {
        List<String> key = AnalyticsSchema.key(base);
        List<String> columns = new ArrayList<>();
        for (AnalyticsColumn c : AnalyticsSchema.columns(base)) {
            boolean isKey = key.contains(c.name());
            if (c.type() == AnalyticsColumn.Type.TIME) {
                columns.add(c.name() + " " + nullable("DateTime", isKey));
                columns.add(c.name() + "_ms " + nullable("UInt64", isKey));
            } else {
                columns.add(c.name() + " " + nullable(type(c.type()), isKey));
            }
        }
        boolean versioned = hasVer(base);
        if (versioned) {
            columns.add("ver UInt64");
        }
        String orderBy = key.stream()
                .map(k -> AnalyticsSchema.columns(base).stream().anyMatch(
                        c -> c.name().equals(k) && c.type() == AnalyticsColumn.Type.TIME) ? k + "_ms" : k)
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        return "CREATE TABLE IF NOT EXISTS " + database + "." + AnalyticsTables.of(base, version) + " ("
                + String.join(", ", columns) + ") ENGINE = ReplacingMergeTree(" + (versioned ? "ver" : "")
                + ") ORDER BY (" + orderBy + ")";
    }

    /** The columns of a table for a select list, each time {@code c} as its epoch milliseconds {@code c_ms}. */
    static String select(String base) {
        return AnalyticsSchema.columns(base).stream()
                .map(c -> c.type() == AnalyticsColumn.Type.TIME ? c.name() + "_ms" : c.name())
                .collect(Collectors.joining(", "));
    }

    /** Rows as {@code JSONEachRow} lines. */
    static byte[] jsonEachRow(String base, List<Object[]> rows) {
        List<AnalyticsColumn> columns = AnalyticsSchema.columns(base);
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 512);
        try {
            for (Object[] row : rows) {
                ObjectNode json = Json.mapper().createObjectNode();
                for (int i = 0; i < row.length; i++) {
                    put(json, columns.get(i), row[i]);
                }
                if (hasVer(base)) {
                    json.put("ver", ver(base, row));
                }
                out.write(Json.mapper().writeValueAsBytes(json));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encode " + base + " rows", e);
        }
        return out.toByteArray();
    }

    private static void put(ObjectNode json, AnalyticsColumn column, Object value) {
        String name = column.name();
        if (value == null) {
            json.putNull(name);
            if (column.type() == AnalyticsColumn.Type.TIME) {
                json.putNull(name + "_ms");
            }
            return;
        }
        switch (column.type()) {
            case STRING -> json.put(name, (String) value);
            case LONG, INT -> json.put(name, ((Number) value).longValue());
            case DOUBLE -> json.put(name, ((Number) value).doubleValue());
            case BOOL -> json.put(name, (Boolean) value ? 1 : 0);
            case TIME -> {
                long millis = ((Instant) value).toEpochMilli();
                json.put(name, Math.max(0, Math.floorDiv(millis, 1000)));
                json.put(name + "_ms", Math.max(0, millis));
            }
        }
    }

    private static boolean hasVer(String base) {
        return AnalyticsTables.TRACES.equals(base) || AnalyticsTables.STEP_METRICS.equals(base);
    }

    /** Traces: event count, then last event time; step metrics: the count. */
    private static long ver(String base, Object[] row) {
        List<AnalyticsColumn> columns = AnalyticsSchema.columns(base);
        if (AnalyticsTables.STEP_METRICS.equals(base)) {
            return (Long) row[index(columns, "attempts")];
        }
        long events = Math.min(MAX_VER_EVENTS, Math.max(0, (Long) row[index(columns, "event_count")]));
        Instant last = (Instant) row[index(columns, "last_event_at")];
        long millis = last == null ? 0 : Math.min(MAX_VER_MILLIS, Math.max(0, last.toEpochMilli()));
        return events << 42 | millis;
    }

    private static int index(List<AnalyticsColumn> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }

    private static String type(AnalyticsColumn.Type type) {
        return switch (type) {
            case STRING -> "String";
            case LONG, INT -> "Int64";
            case DOUBLE -> "Float64";
            case BOOL -> "UInt8";
            case TIME -> "DateTime";
        };
    }

    private static String nullable(String type, boolean key) {
        return key ? type : "Nullable(" + type + ")";
    }

    /** A string literal: backslash and quote escaped. */
    static String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
