package io.noetl.server.engine;

import io.noetl.schemas.Json;
import io.noetl.schemas.Status;
import io.noetl.schemas.decision.Decision;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Playbook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The execution state machine, as pure functions: each call takes the stored {@link ExecutionState} and returns a
 * {@link Transition} (new state, commands, events, children to start). No I/O, no threads; time from the clock.
 *
 * <p>The runtime stores {@code transition.state()} with compare-and-set, then publishes its events and commands,
 * then starts its children; when the CAS fails it reloads the state and calls again.
 */
public final class Engine {

    private final Clock clock;
    private final String publicBaseUrl;

    /**
     * @param clock         source of every timestamp the engine writes
     * @param publicBaseUrl base of {@code {{ callback_url }}}, e.g. {@code http://127.0.0.1:8080}
     */
    public Engine(Clock clock, String publicBaseUrl) {
        this.clock = Objects.requireNonNull(clock, "clock");
        String base = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Starts an execution: {@code playbook.started}, then the entry step. */
    public Transition start(String executionId, Playbook pb, int version, Map<String, Object> workload,
                            String parentExecutionId, String parentStep) {
        Instant now = clock.instant();
        ExecutionState initial = ExecutionState.started(executionId, pb.path(), version, parentExecutionId,
                parentStep, Maps.deepMerge(pb.workload(), workload), now);
        Progress p = new Progress(initial, pb, now, publicBaseUrl);
        p.emit(p.event(EventTypes.PLAYBOOK_STARTED, null, Status.RUNNING)
                .meta(Progress.meta("parent_step", parentStep)));
        Steps.enter(p, pb.entry().name(), Map.of());
        return settle(p);
    }

    /**
     * Applies one event: a worker event of this execution, a {@code decision.recorded}, or the end of a child
     * execution. The engine's own events, duplicates, late events and events of a terminal execution are no-ops.
     */
    public Transition apply(ExecutionState state, Playbook pb, Event event) {
        if (state.status().terminal() || event == null || event.eventType() == null) {
            return Transition.unchanged(state);
        }
        Progress p = new Progress(state, pb, clock.instant(), publicBaseUrl);
        if (!state.executionId().equals(event.executionId())) {
            if (state.executionId().equals(event.parentExecutionId())) {
                Inbound.child(p, event);
            }
        } else if (EventTypes.DECISION_RECORDED.equals(event.eventType())) {
            Decisions.apply(p, event);
        } else {
            Inbound.worker(p, event);
        }
        return settle(p);
    }

    /**
     * Validates a decision and returns the {@code decision.recorded} event to publish; {@link #apply} advances
     * the execution when that event comes back.
     *
     * @throws DecisionRejectedException 409 when the step is not waiting or the execution is terminal,
     *                                    422 for an unknown step or an action other than approve/reject/override
     */
    public Event decide(ExecutionState state, Playbook pb, Decision decision) {
        return Decisions.recorded(new Progress(state, pb, clock.instant(), publicBaseUrl), decision);
    }

    /**
     * Cancels the execution: in-flight work is forgotten, running steps become CANCELLED (each with a
     * {@code step.exit} naming it, and named in {@code playbook.cancelled}'s {@code meta.cancelled_steps}), later
     * events are no-ops. Sub-playbooks still running ({@link ExecutionState#childExecutionIds()} of the state
     * passed in) are the runtime's to cancel.
     *
     * @throws RejectedException 409 when the execution already ended
     */
    public Transition cancel(ExecutionState state, Playbook pb, String reason) {
        if (state.status().terminal()) {
            throw new RejectedException(409, "execution " + state.executionId() + " is already "
                    + state.status() + "; it cannot be cancelled");
        }
        Progress p = new Progress(state, pb, clock.instant(), publicBaseUrl);
        String why = reason == null || reason.isBlank() ? "cancelled" : reason;
        List<String> cancelled = Failures.exitActiveSteps(p, why);
        p.update(s -> s.ended(Status.CANCELLED, why, null, p.now));
        p.emit(p.event(EventTypes.PLAYBOOK_CANCELLED, null, Status.CANCELLED)
                .durationMs(p.now.toEpochMilli() - state.startedAt().toEpochMilli())
                .error(ErrorInfo.of("Cancelled", why).withClass(ErrorClass.CANCELLED))
                .meta(Progress.meta("parent_step", state.parentStep(), "cancelled_steps",
                        cancelled.isEmpty() ? null : cancelled)));
        return p.transition();
    }

    /**
     * Time-driven progress at {@code now}: issues due retries, fails started commands past their time limit
     * (+{@link Work#TIMEOUT_GRACE}), re-issues commands not claimed (or claimed but not started) within
     * {@code claimTimeout}, and fails steps whose decision deadline passed.
     */
    public Transition tick(ExecutionState state, Playbook pb, Instant now, Duration claimTimeout) {
        if (state.status().terminal()) {
            return Transition.unchanged(state);
        }
        Progress p = new Progress(state, pb, now, publicBaseUrl);
        Ticker.tick(p, claimTimeout);
        return settle(p);
    }

    /**
     * Enters {@code executor.spec.final_step} once, when nothing else is left to run (NoETL: a finalization step run
     * after the workflow's quiescence); true when it was entered.
     */
    private static boolean finalStep(Progress p) {
        String name = p.playbook.executor().finalStep();
        if (name == null || p.state().step(name) != null) {
            return false;
        }
        Steps.enter(p, name, Map.of());
        return p.state().step(name) != null;
    }

    /** Derives the execution status from its work: done when nothing is left, PAUSED when only decisions are. */
    private static Transition settle(Progress p) {
        if (p.terminal()) {
            return p.transition();
        }
        Joins.release(p);
        ExecutionState s = p.state();
        if (s.status().terminal()) {
            return p.transition();
        }
        if (s.work().isEmpty() && finalStep(p)) {
            return settle(p);
        }
        if (s.work().isEmpty() && s.error() != null) {
            Failures.failExecution(p, s.error(), Failures.firstStepError(s));
            return p.transition();
        }
        if (s.work().isEmpty()) {
            Map<String, Object> result = new LinkedHashMap<>();
            s.endedBranches().forEach(name -> result.put(name, s.step(name).result()));
            p.update(st -> st.ended(Status.COMPLETED, null, result, p.now));
            p.emit(p.event(EventTypes.PLAYBOOK_COMPLETED, null, Status.COMPLETED)
                    .durationMs(p.now.toEpochMilli() - s.startedAt().toEpochMilli())
                    .result(Json.toTree(result))
                    .meta(Progress.meta("parent_step", s.parentStep())));
            return p.transition();
        }
        boolean onlyWaiting = s.work().values().stream().allMatch(w -> w.phase() == Work.Phase.WAITING);
        Status derived = onlyWaiting ? Status.PAUSED : Status.RUNNING;
        if (derived != s.status()) {
            p.update(st -> st.withStatus(derived));
        }
        return p.transition();
    }
}
