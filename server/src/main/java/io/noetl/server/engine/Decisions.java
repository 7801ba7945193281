package io.noetl.server.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.noetl.schemas.Json;
import io.noetl.schemas.Status;
import io.noetl.schemas.decision.Decision;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import java.util.LinkedHashMap;
import java.util.Map;

/** Human decisions on waiting steps: validated into a {@code decision.recorded} event, then applied from it. */
final class Decisions {

    private Decisions() {
    }

    static Event recorded(Progress p, Decision d) {
        ExecutionState s = p.state();
        if (s.status().terminal()) {
            throw new DecisionRejectedException(409, "execution " + s.executionId() + " is " + s.status()
                    + "; it takes no decisions");
        }
        if (d == null || d.step() == null || p.playbook.step(d.step()).isEmpty()) {
            throw new DecisionRejectedException(422, "unknown step '" + (d == null ? null : d.step())
                    + "' in playbook " + s.playbookPath());
        }
        if (d.action() == null || !Decision.ACTIONS.contains(d.action())) {
            throw new DecisionRejectedException(422, "action must be one of approve, reject, override; got '"
                    + d.action() + "'");
        }
        if (!s.waitingSteps().contains(d.step())) {
            StepState st = s.step(d.step());
            throw new DecisionRejectedException(409, "step " + d.step() + " is not waiting for a decision (it is "
                    + (st == null ? "not started" : st.status()) + ")");
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("action", d.action());
        meta.put("reasoning", d.reasoning());
        meta.put("decided_by", d.decidedBy());
        meta.put("msg_key", s.step(d.step()).entries());
        return p.event(EventTypes.DECISION_RECORDED, d.step(), Status.COMPLETED)
                .result(Json.toTree(d))
                .meta(meta)
                .build();
    }

    /**
     * Applies a {@code decision.recorded} event: the step completes with the decision and its arcs are followed; a
     * rejection no arc takes fails the step and the execution, naming the step.
     */
    static void apply(Progress p, Event event) {
        Work waiting = p.state().work().get(Work.key(event.step(), null));
        if (waiting == null || waiting.phase() != Work.Phase.WAITING || event.result() == null) {
            return;
        }
        Decision d;
        try {
            d = Json.mapper().treeToValue(event.result(), Decision.class);
        } catch (JsonProcessingException e) {
            return;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("action", d.action());
        result.put("reasoning", d.reasoning());
        result.put("decided_by", d.decidedBy());
        result.put("tool_result", p.state().step(d.step()).result());
        p.update(s -> s.withoutWork(waiting.key()).withDecision(d.action(), d.reasoning(), d.decidedBy()));
        if (!"reject".equals(d.action())) {
            Steps.complete(p, d.step(), result);
            return;
        }
        String who = d.decidedBy() == null ? "unknown" : d.decidedBy();
        String rejection = "rejected by " + who + ": " + (d.reasoning() == null ? "(no reason given)" : d.reasoning());
        Steps.rejected(p, d.step(), result, ErrorInfo.fatal("Rejected", rejection).withClass(ErrorClass.DATA_QUALITY),
                "step " + d.step() + " " + rejection);
    }

    /** Wait deadline passed without a decision. */
    static void timedOut(Progress p, Work waiting, long waitTimeoutMs) {
        p.update(s -> s.withoutWork(waiting.key()));
        Failures.failStep(p, waiting.step(), ErrorInfo.fatal("Timeout", "no decision within "
                + human(waitTimeoutMs)));
    }

    static String human(long ms) {
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
