package io.noetl.server.runtime;

import io.noetl.schemas.decision.Decision;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.server.engine.Engine;
import io.noetl.server.engine.ExecutionState;
import io.noetl.server.engine.RejectedException;
import io.noetl.server.engine.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The one class that calls the pure engine; translates its refusals into the runtime's errors. */
public final class EngineAdapter implements ExecutionEngine {

    private final Engine engine;

    public EngineAdapter(Clock clock, String publicBaseUrl) {
        this.engine = new Engine(clock, publicBaseUrl);
    }

    @Override
    public Transition start(String executionId, Playbook playbook, int version, Map<String, Object> workload,
                            String parentExecutionId, String parentStep) {
        return engine.start(executionId, playbook, version, workload, parentExecutionId, parentStep);
    }

    @Override
    public Transition apply(ExecutionState state, Playbook playbook, Event event) {
        return engine.apply(state, playbook, event);
    }

    @Override
    public Event decide(ExecutionState state, Playbook playbook, Decision decision) {
        try {
            return engine.decide(state, playbook, decision);
        } catch (RejectedException e) {
            throw new ExecutionErrors.DecisionRejected(e.code(), e.getMessage());
        }
    }

    @Override
    public Transition cancel(ExecutionState state, Playbook playbook, String reason) {
        try {
            return engine.cancel(state, playbook, reason);
        } catch (RejectedException e) {
            throw new ExecutionErrors.Conflict(e.getMessage());
        }
    }

    @Override
    public Transition tick(ExecutionState state, Playbook playbook, Instant now, Duration claimTimeout) {
        return engine.tick(state, playbook, now, claimTimeout);
    }
}
