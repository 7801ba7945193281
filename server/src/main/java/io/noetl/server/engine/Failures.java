package io.noetl.server.engine;

import io.noetl.schemas.Status;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.error.ErrorClassifier;
import io.noetl.schemas.error.ErrorEvidence;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Step;
import io.noetl.schemas.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Failed attempts through the retry policy; failing steps and executions. Every error here carries its class. */
final class Failures {

    private Failures() {
    }

    /** An attempt of {@code work} failed with {@code error}; its policy decides what happens. */
    static void attemptFailed(Progress p, Work work, ErrorInfo error, Integer httpStatus) {
        Step step = p.step(work.step());
        ErrorInfo classified = classified(error, httpStatus, step.toolKind().wire());
        Map<String, Object> errorMap = errorMap(classified);
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("status", httpStatus);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("status", "error");
        outcome.put("error", errorMap);
        outcome.put("http", http);
        StepState st = p.state().step(step.name());
        Map<String, Object> ctx = TemplateContext.of(p, st.args(), TemplateContext.iter(p, step.name(),
                work.loopIndex()), outcome);
        RetryPolicy.Verdict verdict;
        try {
            verdict = RetryPolicy.decide(step.spec().policy(), work.attempt(), ctx);
        } catch (TemplateException e) {
            templateError(p, step.name(), e);
            return;
        }
        switch (verdict) {
            case RetryPolicy.Retry r -> scheduleRetry(p, step, work, classified, r);
            case RetryPolicy.Continue c -> Units.succeeded(p, work, Map.of("error", errorMap));
            case RetryPolicy.Fail f -> failStep(p, step.name(), classified);
        }
    }

    private static void scheduleRetry(Progress p, Step step, Work work, ErrorInfo error, RetryPolicy.Retry r) {
        p.emit(p.event(EventTypes.RETRY_SCHEDULED, step.name(), Status.PENDING)
                .commandId(work.commandId())
                .attempt(work.attempt())
                .error(error)
                .meta(Progress.meta("delay_ms", r.delayMs(), "next_attempt", r.nextAttempt(),
                        "loop_index", work.loopIndex(), "msg_key", work.commandId() == null
                                ? work.childExecutionId() : null)));
        p.update(s -> s.withWork(Work.scheduled(step.name(), work.loopIndex(), r.nextAttempt(),
                p.now.plusMillis(r.delayMs()))));
        if (r.delayMs() == 0) {
            Units.issue(p, step, work.loopIndex(), r.nextAttempt());
        }
    }

    /** A template of the step could not be rendered: the step fails, whatever its policy says. */
    static void templateError(Progress p, String step, TemplateException e) {
        failStep(p, step, ErrorInfo.fatal("TemplateError", e.getMessage()));
    }

    /** The step failed for good: so does the execution. */
    static void failStep(Progress p, String step, ErrorInfo error) {
        failStep(p, step, error, "step " + step + " failed: " + error.type() + ": " + error.message());
    }

    /** The step failed for good: so does the execution, with {@code reason} (which names the step). */
    static void failStep(Progress p, String step, ErrorInfo error, String reason) {
        if (p.terminal()) {
            return;
        }
        ErrorInfo classified = classified(error, null, p.state().step(step).toolKind());
        StepState failed = p.state().step(step).failed(classified, p.now);
        p.update(s -> s.withStep(failed));
        p.emit(p.event(EventTypes.STEP_EXIT, step, Status.FAILED)
                .durationMs(p.now.toEpochMilli() - failed.startedAt().toEpochMilli())
                .error(classified)
                .meta(Progress.meta("msg_key", failed.entries())));
        List<Routing.Taken> handlers = Routing.onFailure(p, p.step(step), errorMap(classified));
        if (!handlers.isEmpty()) {
            // an arc routes the failure (event.name == 'call.error'): its branch goes on, and the execution ends
            // FAILED with this reason once nothing is left to run, as NoETL's does
            p.update(s -> s.withoutWorkOf(step).withHandledFailure(reason));
            Routing.enter(p, p.step(step), handlers);
            return;
        }
        failExecution(p, reason, classified);
    }

    /** The error of the first step that failed, for an execution that ends FAILED after handled failures. */
    static ErrorInfo firstStepError(ExecutionState s) {
        return s.steps().values().stream().filter(st -> st.status() == Status.FAILED && st.error() != null)
                .map(StepState::error).findFirst().orElse(ErrorInfo.fatal("StepFailed", s.error()));
    }

    static void failExecution(Progress p, String reason, ErrorInfo cause) {
        if (p.terminal()) {
            return;
        }
        ExecutionState s = p.state();
        List<String> cancelled = exitActiveSteps(p, "execution failed: " + reason);
        p.update(st -> st.ended(Status.FAILED, reason, null, p.now));
        p.emit(p.event(EventTypes.PLAYBOOK_FAILED, null, Status.FAILED)
                .durationMs(p.now.toEpochMilli() - s.startedAt().toEpochMilli())
                .error(classified(cause, null, null).withMessage(reason))
                .meta(Progress.meta("parent_step", s.parentStep(), "cancelled_steps",
                        cancelled.isEmpty() ? null : cancelled)));
    }

    /**
     * Emits a {@code step.exit} (CANCELLED, a {@code Cancelled} error naming the step and {@code why}) for each
     * step still running or paused, before the execution ends and marks them CANCELLED.
     *
     * @return the names of those steps
     */
    static List<String> exitActiveSteps(Progress p, String why) {
        List<StepState> active = p.state().steps().values().stream().filter(StepState::active).toList();
        for (StepState st : active) {
            p.emit(p.event(EventTypes.STEP_EXIT, st.name(), Status.CANCELLED)
                    .durationMs(p.now.toEpochMilli() - st.startedAt().toEpochMilli())
                    .error(ErrorInfo.fatal("Cancelled", "step " + st.name() + " cancelled: " + why)
                            .withClass(ErrorClass.CANCELLED))
                    .meta(Progress.meta("msg_key", st.entries())));
        }
        return active.stream().map(StepState::name).toList();
    }

    /** {@code error} with its class: the producer's when it gave one, else the classifier's. */
    static ErrorInfo classified(ErrorInfo error, Integer httpStatus, String toolKind) {
        if (error.errorClass() != null) {
            return error;
        }
        return error.withClass(ErrorClassifier.standard().classify(new ErrorEvidence(error.type(), error.message(),
                httpStatus, toolKind, error.stack())));
    }

    /** What {@code outcome.error} shows a policy's {@code when}: type, message, retriable, class. */
    static Map<String, Object> errorMap(ErrorInfo error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", error.type());
        m.put("message", error.message());
        m.put("retriable", error.isRetriable());
        m.put("class", error.errorClass());
        return m;
    }
}
