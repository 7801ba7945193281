package io.noetl.server.runtime;

import io.noetl.schemas.decision.Decision;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.server.engine.ExecutionState;
import io.noetl.server.engine.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What the runtime needs from the pure execution engine ({@code io.noetl.server.engine}); see {@link EngineAdapter}. */
public interface ExecutionEngine {

    Transition start(String executionId, Playbook playbook, int version, Map<String, Object> workload,
                     String parentExecutionId, String parentStep);

    Transition apply(ExecutionState state, Playbook playbook, Event event);

    /** The {@code decision.recorded} event to publish; throws {@link ExecutionErrors.DecisionRejected} (409/422). */
    Event decide(ExecutionState state, Playbook playbook, Decision decision);

    Transition cancel(ExecutionState state, Playbook playbook, String reason);

    Transition tick(ExecutionState state, Playbook playbook, Instant now, Duration claimTimeout);
}
