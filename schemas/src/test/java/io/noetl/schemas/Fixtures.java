package io.noetl.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.command.CommandTask;
import io.noetl.schemas.command.TaskRule;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.KeychainEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Fully populated wire records: every field set, so round trips and schemas are tested on all of them. */
final class Fixtures {

    static final Instant T = Instant.parse("2025-03-01T12:34:56.789Z");

    private Fixtures() {
    }

    static Event event() {
        JsonNode result = Json.toTree(Map.of("quality_score", 0.85, "anomalies", 12));
        return new Event(Ulid.next(), Ulid.next(), Ulid.next(), Ulid.next(), Ulid.next(),
                "data/ingestion/daily_load", 2, "validate_data_quality", "python", EventTypes.CALL_ERROR,
                Status.FAILED.name(), T, 1234L, 2, "worker-1", result,
                new ErrorInfo("PythonError", "division by zero", "Traceback ...", false),
                "stdout line", Map.of("loop_index", 3, "http_status", 500));
    }

    static Command command() {
        return new Command(Ulid.next(), Ulid.next(), Ulid.next(), "data/ingestion/daily_load", 2,
                "await_human_approval", "http", "default", 1, 0,
                Json.toTree(Map.of("method", "POST", "url", "{{ workload.svc }}/requests")),
                Json.toTree(Map.of("workload", Map.of("svc", "http://127.0.0.1:8090"))),
                List.of(new KeychainEntry("token", "http_bearer", null, "APPROVAL_TOKEN"),
                        new KeychainEntry("pg", "postgres", "postgresql://127.0.0.1/test", null),
                        new KeychainEntry("api", "bearer", null, null, Map.of("token", "{{ workload.key }}"))),
                30_000L, T, Ulid.next(),
                List.of(new CommandTask("notify", "http",
                                Json.toTree(Map.of("kind", "http", "method", "POST", "url", "{{ workload.svc }}/requests")),
                                List.of(new TaskRule("{{ outcome.status == 'error' }}", "retry", 3, "exponential", 500L,
                                        null, null),
                                        new TaskRule(null, "jump", null, null, null, "record",
                                                Json.toTree(Map.of("iter.page", "{{ iter.page + 1 }}")))),
                                Json.toTree(Map.of("sent", "{{ output }}"))),
                        new CommandTask("record", "noop", Json.toTree(Map.of("kind", "noop")), List.of(), null)),
                Json.toTree(Map.of("kind", "postgres", "auth", "pg", "claim", "UPDATE q SET taken = true RETURNING id",
                        "iterator", "row", "slot", 0, "slots", 2)));
    }
}
