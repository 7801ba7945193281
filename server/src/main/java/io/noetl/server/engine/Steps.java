package io.noetl.server.engine;

import io.noetl.schemas.Json;
import io.noetl.schemas.Status;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Step;
import io.noetl.schemas.template.TemplateException;
import io.noetl.schemas.template.Templates;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entering steps, finishing them and pausing them for a decision. */
final class Steps {

    private Steps() {
    }

    /**
     * Enters {@code name} with the arc's rendered args. A step that is still running or paused is not entered
     * twice: the arriving branch joins it. A step other live branches can still reach waits for them
     * ({@link Joins}).
     */
    static void enter(Progress p, String name, Map<String, Object> arcArgs) {
        if (p.terminal()) {
            return;
        }
        StepState previous = p.state().step(name);
        if (previous != null && previous.active()) {
            return;
        }
        if (Joins.mustWait(p, name)) {
            Joins.arrive(p, name, arcArgs);
            return;
        }
        enterNow(p, name, arcArgs);
    }

    /** Enters {@code name} now, with the args of the branches that waited for it under the arc's own. */
    static void enterNow(Progress p, String name, Map<String, Object> arcArgs) {
        Map<String, Object> arrived = new LinkedHashMap<>(Joins.take(p, name));
        arrived.putAll(arcArgs);
        Map<String, Object> argsIn = arrived;
        Step step = p.step(name);
        if (!Admission.admits(p, step, argsIn)) {
            return;
        }
        StepState previous = p.state().step(name);
        StepState entered = StepState.entered(previous, name, step.toolKind().wire(), p.now);
        p.update(s -> s.withStep(entered));
        p.emit(p.event(EventTypes.STEP_ENTER, name, Status.RUNNING)
                .meta(Progress.meta("msg_key", entered.entries())));
        Map<String, Object> args;
        try {
            Map<String, Object> ctx = TemplateContext.of(p, argsIn, null, null);
            args = new LinkedHashMap<>(Maps.asMap(Templates.render(step.args(), ctx)));
            args.putAll(argsIn);
        } catch (TemplateException e) {
            Failures.templateError(p, name, e);
            return;
        }
        p.update(s -> s.withStep(s.step(name).withArgs(args)));
        if (step.tool() == null) {
            finish(p, name, args);
        } else if (step.loop() != null) {
            Loops.begin(p, step);
        } else {
            Units.issue(p, step, null, 1);
        }
    }

    /** The step's work is done: pause for a decision when the step waits for one, else complete it. */
    static void finish(Progress p, String name, Object result) {
        Step step = p.step(name);
        if (!step.spec().waitDecision()) {
            complete(p, name, result);
            return;
        }
        Long waitMs = step.spec().waitTimeoutMs();
        Instant deadline = waitMs == null ? null : p.now.plusMillis(waitMs);
        p.update(s -> s.withStep(s.step(name).paused(result)).withWork(Work.waiting(name, deadline)));
        p.emit(p.event(EventTypes.STEP_WAITING, name, Status.PAUSED)
                .meta(Progress.meta("wait", "decision", "deadline", deadline == null ? null : deadline.toString())));
    }

    /**
     * Completes the step with {@code result}, emits {@code step.exit}, applies the step's {@code set} (its result is
     * {@code result} and {@code output.data} there) and follows its arcs; true if one was taken.
     */
    static boolean complete(Progress p, String name, Object result) {
        StepState done = p.state().step(name).completed(result, p.now);
        p.update(s -> s.withStep(done));
        exited(p, done, result);
        Step step = p.step(name);
        if (!step.set().isEmpty()) {
            Map<String, Object> ctx = new LinkedHashMap<>(TemplateContext.forStep(p, name, null));
            ctx.put("result", result);
            ctx.put("output", Maps.of("status", "ok", "data", result));
            try {
                Writes.apply(p, step.set(), ctx);
            } catch (TemplateException e) {
                Failures.templateError(p, name, e);
                return false;
            }
        }
        return Routing.follow(p, step);
    }

    /**
     * A person rejected the step's data: with an arc taken (e.g. {@code when: vars.approval_action == 'reject'})
     * the step completes as usual; with none the step fails with {@code rejection} and the execution with
     * {@code reason}, both naming the step.
     */
    static void rejected(Progress p, String name, Object result, ErrorInfo rejection, String reason) {
        StepState done = p.state().step(name).completed(result, p.now);
        p.update(s -> s.withStep(done));
        List<Routing.Taken> taken = Routing.select(p, p.step(name));
        if (taken == null) {
            return;
        }
        if (taken.isEmpty()) {
            p.update(s -> s.withBranchEnd(name));
            Failures.failStep(p, name, rejection, reason);
            return;
        }
        exited(p, done, result);
        Routing.enter(p, p.step(name), taken);
    }

    private static void exited(Progress p, StepState done, Object result) {
        p.emit(p.event(EventTypes.STEP_EXIT, done.name(), Status.COMPLETED)
                .durationMs(p.now.toEpochMilli() - done.startedAt().toEpochMilli())
                .result(Json.toTree(result))
                .meta(Progress.meta("msg_key", done.entries())));
    }
}
