package io.noetl.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.event.ErrorInfo;
import java.util.Map;

/**
 * What a tool produced: a result, or an error (with a result when one exists, e.g. an HTTP 503 response).
 * Values are raw: the worker redacts and bounds them before anything is published.
 */
public sealed interface ToolOutcome permits ToolOutcome.Succeeded, ToolOutcome.Failed {

    /** Captured output, or null. */
    String logs();

    /** Extra event meta (e.g. {@code http_status}); never null. */
    Map<String, Object> meta();

    /**
     * @param result the tool's result, may be null
     * @param logs   captured stdout/stderr, may be null
     * @param meta   extra meta, never null
     */
    record Succeeded(JsonNode result, String logs, Map<String, Object> meta) implements ToolOutcome {
        public Succeeded {
            meta = meta == null ? Map.of() : meta;
        }

        public static Succeeded of(JsonNode result) {
            return new Succeeded(result, null, Map.of());
        }
    }

    /**
     * @param error  what went wrong, with {@code retriable} set
     * @param result a partial result when one exists (e.g. the HTTP response), or null
     * @param logs   captured stdout/stderr, may be null
     * @param meta   extra meta, never null
     */
    record Failed(ErrorInfo error, JsonNode result, String logs, Map<String, Object> meta) implements ToolOutcome {
        public Failed {
            meta = meta == null ? Map.of() : meta;
        }

        public static Failed of(ErrorInfo error) {
            return new Failed(error, null, null, Map.of());
        }

        public static Failed fatal(String type, String message) {
            return of(ErrorInfo.fatal(type, message));
        }

        public static Failed retriable(String type, String message) {
            return of(ErrorInfo.retriable(type, message));
        }
    }
}
