package io.noetl.server.engine;

import io.noetl.schemas.Status;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Step;
import io.noetl.schemas.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Failed attempts through the retry policy; failing steps and executions. */
final class Failures {

    private Failures() {
    }

    /** An attempt of {@code work} failed with {@code error}; its policy decides what happens. */
    static void attemptFailed(Progress p, Work work, ErrorInfo error, Integer httpStatus) {
        Step step = p.step(work.step());
        Map<String, Object> errorMap = errorMap(error);
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
            case RetryPolicy.Retry r -> scheduleRetry(p, step, work, error, r);
            case RetryPolicy.Continue c -> Units.succeeded(p, work, Map.of("error", errorMap));
            case RetryPolicy.Fail f -> failStep(p, step.name(), error);
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
        if (p.terminal()) {
            return;
        }
        StepState failed = p.state().step(step).failed(error, p.now);
        p.update(s -> s.withStep(failed));
        p.emit(p.event(EventTypes.STEP_EXIT, step, Status.FAILED)
                .durationMs(p.now.toEpochMilli() - failed.startedAt().toEpochMilli())
                .error(error)
                .meta(Progress.meta("msg_key", failed.entries())));
        failExecution(p, "step " + step + " failed: " + error.type() + ": " + error.message(), error);
    }

    static void failExecution(Progress p, String reason, ErrorInfo cause) {
        if (p.terminal()) {
            return;
        }
        ExecutionState s = p.state();
        p.update(st -> st.ended(Status.FAILED, reason, null, p.now));
        p.emit(p.event(EventTypes.PLAYBOOK_FAILED, null, Status.FAILED)
                .durationMs(p.now.toEpochMilli() - s.startedAt().toEpochMilli())
                .error(new ErrorInfo(cause.type(), reason, null, cause.retriable()))
                .meta(Progress.meta("parent_step", s.parentStep())));
    }

    static Map<String, Object> errorMap(ErrorInfo error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", error.type());
        m.put("message", error.message());
        m.put("retriable", error.isRetriable());
        return m;
    }
}
