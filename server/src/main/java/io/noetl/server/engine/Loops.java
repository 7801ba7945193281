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
import java.util.Map;

/** Looping steps: one unit per item, at most {@code max_in_flight} at a time, results in index order. */
final class Loops {

    private Loops() {
    }

    static void begin(Progress p, Step step) {
        Loop loop = step.loop();
        Map<String, Object> ctx = TemplateContext.forStep(p, step.name(), null);
        int width;
        List<Object> items;
        try {
            width = width(loop, ctx);
            items = loop.mode() == Loop.Mode.CURSOR ? slots(width) : items(p, step, ctx);
        } catch (TemplateException e) {
            Failures.templateError(p, step.name(), e);
            return;
        }
        if (items == null) {
            return;
        }
        p.update(s -> s.withStep(s.step(step.name()).withLoop(LoopProgress.of(items))));
        if (items.isEmpty()) {
            done(p, step, List.of());
            return;
        }
        for (int i = 0; i < Math.min(width, items.size()); i++) {
            issueNext(p, step);
        }
    }

    /** The rendered items of {@code loop.in}; null when they are not a list (the step has then failed). */
    private static List<Object> items(Progress p, Step step, Map<String, Object> ctx) {
        Object rendered = Templates.render(step.loop().in(), ctx);
        if (!(rendered instanceof List<?> list)) {
            Failures.failStep(p, step.name(), ErrorInfo.fatal("TemplateError", "loop.in '" + step.loop().in()
                    + "' of step " + step.name() + " rendered to " + describe(rendered) + ", not a list"));
            return null;
        }
        // normalized through JSON so the state holds plain values only
        return new ArrayList<>((List<?>) Json.plain(Json.toTree(new ArrayList<>(list))));
    }

    /** A cursor loop's units are its worker slots (NoETL: {@code max_in_flight} workers poll the cursor). */
    private static List<Object> slots(int width) {
        List<Object> slots = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            slots.add(i);
        }
        return slots;
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

    /**
     * How many units run at once: 1 for a sequential loop; for a parallel or cursor loop {@code max_in_flight}, its
     * template rendered now when it is one (a value that is not a whole number of at least 1 keeps the default).
     */
    private static int width(Loop loop, Map<String, Object> ctx) {
        if (loop.mode() == Loop.Mode.SEQUENTIAL) {
            return 1;
        }
        if (loop.maxInFlightTemplate() != null) {
            Object rendered = Templates.render(loop.maxInFlightTemplate(), ctx);
            Integer bound = wholeNumber(rendered);
            if (bound != null && bound >= 1) {
                return bound;
            }
        }
        return loop.maxInFlight() > 0 ? loop.maxInFlight() : Integer.MAX_VALUE;
    }

    private static Integer wholeNumber(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.floor(n.doubleValue())) {
            return (int) Math.min(n.longValue(), Integer.MAX_VALUE);
        }
        if (value instanceof String s && s.trim().matches("\\d{1,9}")) {
            return Integer.parseInt(s.trim());
        }
        return null;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }
}
