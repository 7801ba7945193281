package io.noetl.schemas.stream;

import io.noetl.schemas.Json;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.EventTypes;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Fully populated stream records: every field set, so schemas are tested on all of them. */
final class StreamFixtures {

    static final Instant T = Instant.parse("2025-03-01T12:34:56.789Z");

    private StreamFixtures() {
    }

    static NormalizedEvent normalizedEvent() {
        return new NormalizedEvent(Ulid.next(), Ulid.next(), Ulid.next(), Ulid.next(), Ulid.next(),
                "data/ingestion/daily_load", 2, "load", "http", EventTypes.CALL_ERROR, Kinds.ERROR, "FAILED", T,
                T.plusMillis(5), 1234L, 2, "worker-1", Json.toTree(Map.of("status", 503)),
                new ErrorInfo("HttpError", "HTTP 503 from http://10.0.0.1:8080/load", "at ...", true), "log line",
                Map.of("loop_index", 3, "clock_skew_ms", 120_000), "dependency_5xx", "0123456789abcdef",
                "HTTP <*> from <*>", List.of("logs", "error.stack"));
    }

    static ExecutionTrace trace() {
        StepAttempt failed = new StepAttempt(1, Ulid.next(), "FAILED", T, T.plusSeconds(1), 1000L, "worker-1",
                "timeout", "0123456789abcdef", "timed out after 30s");
        StepAttempt ok = new StepAttempt(2, Ulid.next(), "COMPLETED", T.plusSeconds(2), T.plusSeconds(3), 1000L,
                "worker-2", null, null, null);
        StepTrace step = new StepTrace("load", "http", "COMPLETED", T, T.plusSeconds(3), 3000L, List.of(failed, ok),
                "timeout", "0123456789abcdef");
        return new ExecutionTrace(Ulid.next(), Ulid.next(), "data/ingestion/daily_load", 2, "FAILED", T,
                T.plusSeconds(9), 9000L, List.of(step), List.of("load"), "load",
                new RootError("load", Ulid.next(), "Timeout", "timeout", "0123456789abcdef", "timed out after <*>",
                        "timed out after 30s"), 12, T.plusSeconds(9), List.of(ExecutionTrace.CUT_ATTEMPTS));
    }

    static StepMetrics stepMetrics() {
        return new StepMetrics("data/ingestion/daily_load", "load", T, T.plusSeconds(60), 40, 2, 1, 0.05, 120.0,
                480.5, 900.0, 1200.0);
    }

    static Alert alert() {
        return new Alert(Ulid.next(), Alert.LATENCY_SPIKE, Alert.WARNING, "data/ingestion/daily_load/load",
                "data/ingestion/daily_load", "load", T, T.plusSeconds(60), 1200.0, 300.0, 0.995,
                "p95 latency of load 4x its baseline", List.of(Ulid.next()), "0123456789abcdef", T.plusSeconds(61));
    }
}
