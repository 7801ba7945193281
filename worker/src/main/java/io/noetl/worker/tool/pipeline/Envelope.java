package io.noetl.worker.tool.pipeline;

import io.noetl.schemas.Json;
import io.noetl.schemas.error.ErrorClassifier;
import io.noetl.schemas.error.ErrorEvidence;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.worker.tool.ToolOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's outcome as its policy sees it (NoETL docs: {@code reference/dsl/spec.md} §11 "Tool outcome envelope"):
 * {@code status} ({@code ok} or {@code error}), {@code result}, {@code data} (the result; for {@code http} the response
 * body, as NoETL's http executor gives it), {@code response} (the same as {@code data}, as NoETL's older playbooks read
 * it), {@code error} ({@code kind}, {@code type}, {@code message}, {@code retryable}, {@code class}), the kind helpers
 * {@code http.status}/{@code http.headers}, {@code pg.code}/{@code pg.sqlstate}, {@code py.exception_type}, and
 * {@code meta} ({@code attempt}, {@code duration_ms}).
 */
final class Envelope {

    private static final Pattern SQLSTATE = Pattern.compile("failed \\[([0-9A-Z]{5})]");
    private static final Pattern PY_TYPE = Pattern.compile("^([A-Za-z_][\\w.]*)(?::|$)");

    private Envelope() {
    }

    static Map<String, Object> of(String kind, ToolOutcome outcome, int attempt, long durationMs) {
        Map<String, Object> env = new LinkedHashMap<>();
        Object result = switch (outcome) {
            case ToolOutcome.Succeeded s -> Json.plain(s.result());
            case ToolOutcome.Failed f -> Json.plain(f.result());
        };
        env.put("status", outcome instanceof ToolOutcome.Succeeded ? "ok" : "error");
        env.put("result", result);
        boolean http = "http".equals(kind) && result instanceof Map<?, ?>;
        Object data = http ? ((Map<?, ?>) result).get("body") : result;
        env.put("data", data);
        env.put("response", data);
        if (http || outcome.meta().get("http_status") != null) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("status", http ? ((Map<?, ?>) result).get("status") : outcome.meta().get("http_status"));
            h.put("headers", http ? ((Map<?, ?>) result).get("headers") : Map.of());
            env.put("http", h);
        }
        if (outcome instanceof ToolOutcome.Failed f) {
            env.put("error", error(kind, f));
            Matcher state = SQLSTATE.matcher(String.valueOf(f.error().message()));
            if (state.find()) {
                env.put("pg", Map.of("code", state.group(1), "sqlstate", state.group(1)));
            }
            Matcher py = PY_TYPE.matcher(String.valueOf(f.error().message()));
            if ("python".equals(kind) && py.find()) {
                env.put("py", Map.of("exception_type", py.group(1)));
            }
        }
        env.put("meta", Map.of("attempt", attempt, "duration_ms", durationMs));
        return env;
    }

    private static Map<String, Object> error(String kind, ToolOutcome.Failed f) {
        ErrorInfo e = f.error();
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("kind", e.type());
        error.put("type", e.type());
        error.put("message", e.message());
        error.put("retryable", e.isRetriable());
        error.put("retriable", e.isRetriable());
        Object status = f.meta().get("http_status");
        error.put("class", e.errorClass() != null ? e.errorClass() : ErrorClassifier.standard().classify(
                new ErrorEvidence(e.type(), e.message(), status instanceof Number n ? n.intValue() : null, kind,
                        e.stack())).wireName());
        if (status != null) {
            error.put("status", status);
        }
        return error;
    }
}
