package io.noetl.server.engine;

import io.noetl.schemas.Json;
import io.noetl.schemas.Status;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Loop;
import io.noetl.schemas.playbook.Step;
import io.noetl.schemas.template.TemplateException;
import io.noetl.schemas.template.Templates;
import java.util.ArrayList;
import java.util.List;

/** Looping steps: one unit per item, at most {@code max_in_flight} at a time, results in index order. */
final class Loops {

    private Loops() {
    }

    static void begin(Progress p, Step step) {
        Object rendered;
        try {
            rendered = Templates.render(step.loop().in(), TemplateContext.forStep(p, step.name(), null));
        } catch (TemplateException e) {
            Failures.templateError(p, step.name(), e);
            return;
        }
        if (!(rendered instanceof List<?> list)) {
            Failures.failStep(p, step.name(), ErrorInfo.fatal("TemplateError", "loop.in '" + step.loop().in()
                    + "' of step " + step.name() + " rendered to " + describe(rendered) + ", not a list"));
            return;
        }
        // normalized through JSON so the state holds plain values only
        List<Object> items = new ArrayList<>((List<?>) Json.plain(Json.toTree(new ArrayList<>(list))));
        p.update(s -> s.withStep(s.step(step.name()).withLoop(LoopProgress.of(items))));
        if (items.isEmpty()) {
            done(p, step, List.of());
            return;
        }
        for (int i = 0; i < Math.min(width(step.loop()), items.size()); i++) {
            issueNext(p, step);
        }
    }

    static void itemDone(Progress p, Step step, Work work, Object result) {
        int index = work.loopIndex();
        LoopProgress progress = p.state().step(step.name()).loop().withResult(index, result);
        p.update(s -> s.withStep(s.step(step.name()).withLoop(progress)));
        p.emit(p.event(EventTypes.LOOP_ITEM, step.name(), Status.COMPLETED)
                .commandId(work.commandId())
                .attempt(work.attempt())
                .result(Json.toTree(result))
                .meta(Progress.meta("loop_index", index, "msg_key",
                        work.commandId() == null ? work.childExecutionId() : null)));
        if (progress.hasMoreToIssue()) {
            issueNext(p, step);
        } else if (progress.complete()) {
            done(p, step, progress.results());
        }
    }

    private static void issueNext(Progress p, Step step) {
        LoopProgress progress = p.state().step(step.name()).loop();
        int index = progress.nextIndex();
        p.update(s -> s.withStep(s.step(step.name()).withLoop(progress.advanced())));
        Units.issue(p, step, index, 1);
    }

    private static void done(Progress p, Step step, List<Object> results) {
        StepState st = p.state().step(step.name());
        p.emit(p.event(EventTypes.LOOP_DONE, step.name(), Status.COMPLETED)
                .result(Json.toTree(results))
                .meta(Progress.meta("msg_key", st.entries(), "items", results.size())));
        Steps.finish(p, step.name(), results);
    }

    private static int width(Loop loop) {
        if (loop.mode() != Loop.Mode.PARALLEL) {
            return 1;
        }
        return loop.maxInFlight() > 0 ? loop.maxInFlight() : Integer.MAX_VALUE;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }
}
