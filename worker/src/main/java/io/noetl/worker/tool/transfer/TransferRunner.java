package io.noetl.worker.tool.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.worker.tool.ToolCall;
import io.noetl.worker.tool.ToolOutcome;
import io.noetl.worker.tool.ToolRunner;
import io.noetl.worker.tool.jdbc.SqlErrors;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code transfer} tool (NoETL's transfer tool): rows of a {@code source} ({@code postgres} or {@code duckdb}
 * with a {@code query}, or {@code http} with {@code url} and {@code data_path}) into a {@code target} table
 * ({@code postgres} or {@code duckdb}), {@code chunk_size} rows per transaction (1000), {@code mode}
 * {@code append}, {@code replace} or {@code upsert}, {@code mapping} target column → source field (on the target or
 * the tool). Result {@code {status, direction, source_type, target_type, mode, rows_transferred, chunks_processed,
 * target_table, columns}}.
 */
public final class TransferRunner implements ToolRunner {

    private static final int DEFAULT_CHUNK = 1000;

    @Override
    public String kind() {
        return "transfer";
    }

    @Override
    public ToolOutcome run(ToolCall call) throws InterruptedException {
        Map<String, Object> config = call.config();
        Endpoint source;
        Endpoint target;
        try {
            source = Endpoint.of(config.get("source"), "source");
            target = Endpoint.of(config.get("target"), "target");
        } catch (IllegalArgumentException e) {
            return ToolOutcome.Failed.fatal("ConfigError", e.getMessage());
        }
        for (Endpoint e : List.of(source, target)) {
            if (!e.supported()) {
                return ToolOutcome.Failed.fatal("UnsupportedTool", "transfer " + e.role() + " of type '" + e.type()
                        + "' is not supported here (sources: postgres, duckdb, http; targets: postgres, duckdb)");
            }
        }
        Transfer transfer = new Transfer(call, source, target);
        try {
            return ToolOutcome.Succeeded.of(transfer.run(chunk(config, target), mode(config, target)));
        } catch (IllegalArgumentException e) {
            return ToolOutcome.Failed.fatal("ConfigError", "transfer: " + e.getMessage());
        } catch (SQLException e) {
            return call.stopped(null).map(ToolOutcome.class::cast).orElseGet(() -> {
                ErrorInfo error = SqlErrors.classify("transfer " + transfer.phase(), e).error();
                return ToolOutcome.Failed.of(error.withMessage(error.message() + transfer.progress()));
            });
        } catch (HttpRows.HttpSourceException e) {
            boolean retriable = e.status >= 500 || e.status == 429;
            return new ToolOutcome.Failed(new ErrorInfo("HttpError", "transfer source: " + e.getMessage(), null,
                    retriable), null, null, Map.of("http_status", e.status));
        } catch (IOException e) {
            return call.stopped(null).map(ToolOutcome.class::cast).orElseGet(() -> ToolOutcome.Failed.retriable(
                    "ConnectionError", "transfer source: " + e));
        }
    }

    private static int chunk(Map<String, Object> config, Endpoint target) {
        Object v = config.get("chunk_size") != null ? config.get("chunk_size") : target.config().get("chunk_size");
        int n = v == null ? DEFAULT_CHUNK : Integer.parseInt(String.valueOf(v).strip());
        if (n < 1) {
            throw new IllegalArgumentException("chunk_size must be at least 1, got " + n);
        }
        return n;
    }

    private static String mode(Map<String, Object> config, Endpoint target) {
        Object v = config.get("mode") != null ? config.get("mode") : target.config().get("mode");
        String mode = v == null ? "append" : String.valueOf(v).strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("append", "replace", "upsert", "insert").contains(mode)) {
            throw new IllegalArgumentException("mode must be append, replace or upsert, got '" + v + "'");
        }
        return "insert".equals(mode) ? "append" : mode;
    }

    /** One run: opens both sides, streams the rows, closes everything. */
    private static final class Transfer {
        private final ToolCall call;
        private final Endpoint source;
        private final Endpoint target;
        private String phase = "setup";
        private long rows;
        private int chunks;

        Transfer(ToolCall call, Endpoint source, Endpoint target) {
            this.call = call;
            this.source = source;
            this.target = target;
        }

        String phase() {
            return phase;
        }

        String progress() {
            return rows == 0 ? "" : " (after " + rows + " rows in " + chunks + " chunks)";
        }

        ObjectNode run(int chunk, String mode) throws SQLException, IOException, InterruptedException {
            Map<?, ?> mapping = mapping();
            List<AutoCloseable> open = new ArrayList<>();
            try {
                Endpoint.Holder out = new Endpoint.Holder();
                phase = "connect to " + target.type() + " target";
                open.add(target.open(call, out));
                Connection targetConnection = out.connection;
                RowSource rowSource;
                phase = "read from " + source.type();
                if ("http".equals(source.type())) {
                    rowSource = new HttpRows(source.config(), mapping == null ? null
                            : mapping.values().stream().map(String::valueOf).distinct().toList(), call.timeout());
                } else {
                    Endpoint.Holder in = new Endpoint.Holder();
                    boolean sameDuckDb = "duckdb".equals(source.type()) && "duckdb".equals(target.type())
                            && Objects.equals(String.valueOf(source.database()), String.valueOf(target.database()));
                    if (sameDuckDb) {
                        in.connection = targetConnection;
                    } else {
                        open.add(0, source.open(call, in));
                    }
                    Object query = source.config().get("query");
                    if (query == null || String.valueOf(query).isBlank()) {
                        throw new IllegalArgumentException("source needs 'query'");
                    }
                    JdbcRows jdbc = new JdbcRows(in.connection, String.valueOf(query), chunk);
                    call.cancellation().onCancel(jdbc::cancel);
                    rowSource = jdbc;
                }
                open.add(0, rowSource);
                return copy(rowSource, targetConnection, mapping, chunk, mode);
            } finally {
                closeAll(open);
            }
        }

        private Map<?, ?> mapping() {
            Object m = target.config().get("mapping") != null ? target.config().get("mapping")
                    : call.config().get("mapping");
            return m instanceof Map<?, ?> map && !map.isEmpty() ? map : null;
        }

        private ObjectNode copy(RowSource rowSource, Connection targetConnection, Map<?, ?> mapping, int chunk,
                                String mode) throws SQLException {
            List<String> sourceColumns = rowSource.columns();
            List<String> columns = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            if (mapping == null) {
                columns.addAll(sourceColumns);
                sourceColumns.forEach(c -> index.add(index.size()));
            } else {
                mapping.forEach((to, from) -> {
                    int i = sourceColumns.indexOf(String.valueOf(from));
                    if (i < 0) {
                        throw new IllegalArgumentException("mapping " + to + ": the source has no field '" + from
                                + "' (it has " + sourceColumns + ")");
                    }
                    columns.add(String.valueOf(to));
                    index.add(i);
                });
            }
            Object table = target.config().get("table");
            Object query = target.config().get("query");
            if ((table == null || String.valueOf(table).isBlank()) && query == null) {
                throw new IllegalArgumentException("target needs 'table' (or 'query')");
            }
            phase = "write to " + target.type() + " table " + table;
            TableWriter writer = new TableWriter(targetConnection, "postgres".equals(target.type()),
                    String.valueOf(table), query == null ? null : String.valueOf(query), columns,
                    index.stream().map(i -> rowSource.types().get(i)).toList(),
                    index.stream().map(rowSource::precision).toList(), mode,
                    target.config().get("key") == null ? null : String.valueOf(target.config().get("key")));
            try {
                while (true) {
                    phase = "read from " + source.type();
                    List<Object[]> batch = rowSource.next(chunk);
                    if (batch.isEmpty()) {
                        break;
                    }
                    List<Object[]> projected = batch.stream().map(r -> index.stream().map(i -> r[i]).toArray())
                            .toList();
                    phase = "write to " + target.type() + " table " + table;
                    writer.write(projected);
                    rows += batch.size();
                    chunks++;
                }
            } finally {
                writer.close();
            }
            return result(mode, String.valueOf(table), columns);
        }

        private ObjectNode result(String mode, String table, List<String> columns) {
            ObjectNode r = Json.object();
            r.put("status", "success");
            r.put("direction", source.type() + "_to_" + target.type());
            r.put("source_type", source.type());
            r.put("target_type", target.type());
            r.put("mode", mode);
            r.put("rows_transferred", rows);
            r.put("chunks_processed", chunks);
            r.put("target_table", table);
            r.set("columns", Json.toTree(columns));
            return r;
        }

        private static void closeAll(List<AutoCloseable> open) {
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing after the work is done or failed: nothing left to report
                }
            }
        }
    }
}
