package io.noetl.worker.tool.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.worker.tool.ToolOutcome;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker slot of a cursor loop (NoETL's pull model; the contract is {@code Command}'s {@code cursor}): claims rows
 * with the cursor's claim statement until it returns none, and runs the step's pipeline for each row with
 * {@code iter.<iterator>} bound to it. The result is {@code {rows, results}} (how many rows were processed, each one's
 * pipeline result, the last {@value #MAX_RESULTS} kept); the first row whose pipeline fails fails the command, with
 * {@code meta.row} (its 0-based position) and {@code meta.rows} (rows done before it).
 */
public final class CursorDrain {

    static final int MAX_RESULTS = 1000;

    /** Claims the next rows; an empty list when none is left. */
    @FunctionalInterface
    public interface Claims {
        List<Map<String, Object>> next() throws SQLException, InterruptedException;
    }

    /** Builds the pipeline run of one row from the row's context. */
    @FunctionalInterface
    public interface Pipelines {
        PipelineRun of(Map<String, Object> context);
    }

    private CursorDrain() {
    }

    public static ToolOutcome run(Map<String, Object> context, String iterator, Claims claims, Pipelines pipelines)
            throws SQLException, InterruptedException {
        ArrayNode results = Json.mapper().createArrayNode();
        int rows = 0;
        while (true) {
            List<Map<String, Object>> batch = claims.next();
            if (batch.isEmpty()) {
                break;
            }
            for (Map<String, Object> row : batch) {
                Map<String, Object> rowContext = new LinkedHashMap<>(context);
                Map<String, Object> iter = new LinkedHashMap<>();
                if (context.get("iter") instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> iter.put(String.valueOf(k), v));
                }
                iter.put(iterator, row);
                iter.put("index", rows);
                rowContext.put("iter", iter);
                ToolOutcome out = pipelines.of(rowContext).run();
                if (out instanceof ToolOutcome.Failed f) {
                    Map<String, Object> meta = new LinkedHashMap<>(f.meta());
                    meta.put("row", rows);
                    meta.put("rows", rows);
                    return new ToolOutcome.Failed(f.error(), f.result(), f.logs(), meta);
                }
                results.add(((ToolOutcome.Succeeded) out).result());
                if (results.size() > MAX_RESULTS) {
                    results.remove(0);
                }
                rows++;
            }
        }
        ObjectNode result = Json.object();
        result.put("rows", rows);
        result.set("results", results);
        return ToolOutcome.Succeeded.of(result);
    }
}
