package io.noetl.server.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.noetl.schemas.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one execution, as the runtime stores it (JSON via {@code Json.mapper()}) and the engine advances it.
 * Immutable: every engine call returns a new instance inside a {@link Transition}.
 *
 * @param executionId       ULID of the execution
 * @param playbookPath      playbook identity
 * @param playbookVersion   catalog version
 * @param parentExecutionId parent execution when this is a sub-playbook, or null
 * @param parentStep        the parent's step waiting for this execution, or null
 * @param status            RUNNING, PAUSED (only decisions pending), COMPLETED, FAILED or CANCELLED
 * @param workload          the playbook's default workload with the given one merged over it
 * @param vars              execution variables ({@code approval_action}, {@code approval_comment}, ...)
 * @param startedAt         when it started
 * @param endedAt           when it reached a terminal status, or null
 * @param error             why it failed or was cancelled, or null; while running, the first step failure an arc
 *                          handled (the execution goes on and ends FAILED with it, as NoETL's does)
 * @param result            final result (step name → result of the steps where branches ended), or null
 * @param steps             step name → state of its latest entry, in order of first entry
 * @param work              unfinished units ({@link Work#key()} → unit); empty when nothing is running or pending
 * @param endedBranches     steps where a branch ended (no arc taken), in order
 * @param currentUser       {@code decided_by} of the last decision, or null
 * @param ctx               the execution's context ({@code ctx}, NoETL docs: {@code reference/dsl/spec.md} §5.2): the
 *                          writes of {@code set} (step, arc, task) merged over nothing; templates read it as
 *                          {@code ctx.<key>} and, like workload keys, bare
 * @param joins             steps reached by a branch while other live branches can still reach them: step name →
 *                          the args the arrived branches brought; they run once no live branch can reach them
 */
public record ExecutionState(
        String executionId,
        String playbookPath,
        int playbookVersion,
        String parentExecutionId,
        String parentStep,
        Status status,
        Map<String, Object> workload,
        Map<String, Object> vars,
        Instant startedAt,
        Instant endedAt,
        String error,
        Map<String, Object> result,
        Map<String, StepState> steps,
        Map<String, Work> work,
        List<String> endedBranches,
        String currentUser,
        Map<String, Object> ctx,
        Map<String, Map<String, Object>> joins) {

    public ExecutionState {
        Objects.requireNonNull(executionId, "executionId");
        workload = Maps.copy(workload);
        vars = Maps.copy(vars);
        steps = Maps.copy(steps);
        work = Maps.copy(work);
        endedBranches = endedBranches == null ? List.of() : List.copyOf(endedBranches);
        ctx = Maps.copy(ctx);
        joins = Maps.copy(joins);
    }

    static ExecutionState started(String executionId, String path, int version, String parentExecutionId,
                                  String parentStep, Map<String, Object> workload, Instant now) {
        return new ExecutionState(executionId, path, version, parentExecutionId, parentStep, Status.RUNNING,
                workload, Map.of(), now, null, null, null, Map.of(), Map.of(), List.of(), null, Map.of(), Map.of());
    }

    /** Names of the steps waiting for a human decision. */
    @JsonIgnore
    public List<String> waitingSteps() {
        return work.values().stream().filter(w -> w.phase() == Work.Phase.WAITING).map(Work::step).toList();
    }

    /** Sub-playbook executions still running for this one (e.g. to cancel them along with it). */
    @JsonIgnore
    public List<String> childExecutionIds() {
        return work.values().stream().map(Work::childExecutionId).filter(Objects::nonNull).toList();
    }

    /** Earliest retry due, step timeout or decision deadline; null when only an event can move the execution. */
    @JsonIgnore
    public Instant nextWakeUp() {
        return nextWakeUp(null);
    }

    /** Like {@link #nextWakeUp()}, also counting the claim deadlines of issued commands. */
    public Instant nextWakeUp(Duration claimTimeout) {
        if (status.terminal()) {
            return null;
        }
        return work.values().stream().map(w -> w.deadline(claimTimeout)).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }

    StepState step(String name) {
        return steps.get(name);
    }

    ExecutionState withStatus(Status s) {
        return new ExecutionState(executionId, playbookPath, playbookVersion, parentExecutionId, parentStep, s,
                workload, vars, startedAt, endedAt, error, result, steps, work, endedBranches, currentUser, ctx, joins);
    }

    ExecutionState withStep(StepState s) {
        return new ExecutionState(executionId, playbookPath, playbookVersion, parentExecutionId, parentStep, status,
                workload, vars, startedAt, endedAt, error, result, Maps.with(steps, s.name(), s), work,
                endedBranches, currentUser, ctx, joins);
    }

    ExecutionState withWork(Work w) {
        return withWorkMap(Maps.with(work, w.key(), w));
    }

    ExecutionState withoutWork(String key) {
        return withWorkMap(Maps.without(work, key));
    }

    ExecutionState withWorkMap(Map<String, Work> w) {
        return new ExecutionState(executionId, playbookPath, playbookVersion, parentExecutionId, parentStep, status,
                workload, vars, startedAt, endedAt, error, result, steps, w, endedBranches, currentUser, ctx, joins);
    }

    /** The writes merged into {@code ctx} ({@code ctx.<key>} and bare keys) and {@code vars} ({@code vars.<key>}). */
    ExecutionState withWrites(Map<String, Object> ctxWrites, Map<String, Object> varsWrites) {
        Map<String, Object> c = new LinkedHashMap<>(ctx);
        c.putAll(ctxWrites);
        Map<String, Object> v = new LinkedHashMap<>(vars);
        v.putAll(varsWrites);
        return new ExecutionState(executionId, playbookPath, playbookVersion, parentExecutionId, parentStep, status,
                workload, v, startedAt, endedAt, error, result, steps, work, endedBranches, currentUser, c, joins);
    }

    /** Records a step failure an arc handled; the first one is kept. */
    ExecutionState withHandledFailure(String why) {
        return new ExecutionState(executionId, playbookPath, playbookVersion, parentExecutionId, parentStep, status,
                workload, vars, startedAt, endedAt, error == null ? why : error, result, steps, work, endedBranches,
                currentUser, ctx, joins);
    }

    ExecutionState withoutWorkOf(String stepName) {
        Map<String, Work> w = new LinkedHashMap<>(work);
        w.values().removeIf(unit -> unit.step().equals(stepName));
        return withWorkMap(w);
    }

    ExecutionState withJoins(Map<String, Map<String, Object>> j) {
        return new ExecutionState(executionId, playbookPath, playbookVersion, parentExecutionId, parentStep, status,
                workload, vars, startedAt, endedAt, error, result, steps, work, endedBranches, currentUser, ctx, j);
    }

    ExecutionState withBranchEnd(String stepName) {
        List<String> ended = endedBranches.contains(stepName) ? endedBranches : Maps.append(endedBranches, stepName);
        return new ExecutionState(executionId, playbookPath, playbookVersion, parentExecutionId, parentStep, status,
                workload, vars, startedAt, endedAt, error, result, steps, work, ended, currentUser, ctx, joins);
    }

    ExecutionState withDecision(String action, String comment, String decidedBy) {
        // templates treat null as undefined, so a decision without reasoning leaves an empty comment
        Map<String, Object> v = Maps.with(Maps.with(vars, "approval_action", action), "approval_comment",
                comment == null ? "" : comment);
        return new ExecutionState(executionId, playbookPath, playbookVersion, parentExecutionId, parentStep, status,
                workload, v, startedAt, endedAt, error, result, steps, work, endedBranches, decidedBy, ctx, joins);
    }

    /**
     * Terminal: no more work, steps still running are CANCELLED; {@code why} is the failure or cancel reason,
     * {@code value} the final result.
     */
    ExecutionState ended(Status s, String why, Map<String, Object> value, Instant now) {
        Map<String, StepState> settled = new LinkedHashMap<>(steps);
        settled.replaceAll((name, st) -> st.active() ? st.cancelled(now) : st);
        return new ExecutionState(executionId, playbookPath, playbookVersion, parentExecutionId, parentStep, s,
                workload, vars, startedAt, now, why, value, settled, Map.of(), endedBranches, currentUser, ctx,
                Map.of());
    }
}
