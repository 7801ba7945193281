package io.noetl.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.Status;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.command.CommandTask;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Loop;
import io.noetl.schemas.playbook.Step;
import io.noetl.schemas.playbook.ToolKind;
import io.noetl.schemas.template.TemplateException;
import io.noetl.schemas.template.Templates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Issuing the unit of work of a step (or of one loop item) and taking in its successful outcome. */
final class Units {

    private Units() {
    }

    /** Issues attempt {@code attempt} of the step (loop item {@code loopIndex}): a command, or a sub-playbook. */
    static void issue(Progress p, Step step, Integer loopIndex, int attempt) {
        if (p.terminal()) {
            return;
        }
        ExecutionState s = p.state();
        Map<String, Object> ctx = TemplateContext.forStep(p, step.name(), loopIndex);
        p.update(st -> st.withStep(st.step(step.name()).withAttempt(attempt)));
        if (step.toolKind() == ToolKind.PLAYBOOK) {
            startChild(p, step, loopIndex, attempt, ctx);
            return;
        }
        String commandId = Ulid.next();
        Event issued = p.emit(p.event(EventTypes.COMMAND_ISSUED, step.name(), Status.PENDING)
                .commandId(commandId)
                .attempt(attempt)
                .meta(Progress.meta("loop_index", loopIndex)));
        Long timeoutMs = step.spec().timeoutMs();
        JsonNode tool = Json.toTree(Pipelines.toolConfig(step.tasks().get(0)));
        List<CommandTask> tasks = Pipelines.tasks(step);
        JsonNode cursor = cursor(p, step, loopIndex);
        Map<String, Object> scoped = CommandScope.of(ctx, step.loop() == null ? null : step.loop().iterator(),
                CommandScope.names(step, p.playbook.keychain(), () -> new JsonNode[] {tool,
                        tasks == null ? null : Json.toTree(tasks), cursor,
                        p.playbook.keychain() == null ? null : Json.toTree(p.playbook.keychain())}));
        p.command(new Command(commandId, s.executionId(), s.parentExecutionId(), s.playbookPath(),
                s.playbookVersion(), step.name(), step.toolKind().wire(), pool(step), attempt, loopIndex,
                tool, Json.toTree(scoped), p.playbook.keychain(), timeoutMs, p.now, issued.eventId(), tasks, cursor));
        p.update(st -> st.withWork(Work.issued(step.name(), loopIndex, attempt, commandId, issued.eventId(), p.now,
                timeoutMs)));
    }

    /** A unit finished well (or a policy said continue): record it and move the step on. */
    static void succeeded(Progress p, Work work, Object result) {
        p.update(s -> s.withoutWork(work.key()));
        Step step = p.step(work.step());
        if (work.loopIndex() != null) {
            Loops.itemDone(p, step, work, result);
        } else {
            Steps.finish(p, step.name(), result);
        }
    }

    /** What the worker of a cursor loop's slot needs: the cursor as written, the iterator, its slot. */
    private static JsonNode cursor(Progress p, Step step, Integer slot) {
        if (step.loop() == null || step.loop().mode() != Loop.Mode.CURSOR || slot == null) {
            return null;
        }
        Map<String, Object> cursor = new LinkedHashMap<>(step.loop().cursor());
        cursor.put("iterator", step.loop().iterator());
        cursor.put("slot", slot);
        cursor.put("slots", p.state().step(step.name()).loop().items().size());
        return Json.toTree(cursor);
    }

    private static String pool(Step step) {
        return step.spec().pool() == null ? "default" : step.spec().pool();
    }

    /**
     * What a sub-playbook's completion gives its parent step: the result of the child's {@code return_step} when
     * the tool names one and the child ended there, else the child's whole result.
     */
    static Object childResult(Step step, Object childResult) {
        Object returnStep = step.tool() == null ? null : step.tool().config().get("return_step");
        if (returnStep instanceof String name && childResult instanceof Map<?, ?> m && m.containsKey(name)) {
            return m.get(name);
        }
        return childResult;
    }

    /**
     * Sub-playbooks are the server's business: the workload is rendered here ({@code tool.workload}, NoETL's
     * {@code input} or {@code payload}, else the step's args).
     */
    private static void startChild(Progress p, Step step, Integer loopIndex, int attempt, Map<String, Object> ctx) {
        Map<String, Object> config = step.tool().config();
        Object path = config.containsKey("path") ? config.get("path") : config.get("playbook");
        Object given = config.containsKey("workload") ? config.get("workload")
                : config.containsKey("input") ? config.get("input") : config.get("payload");
        Map<String, Object> workload;
        try {
            workload = given != null
                    ? Maps.asMap(Templates.render(given, ctx))
                    : p.state().step(step.name()).args();
            if (path instanceof String text) {
                path = Templates.renderText(text, ctx);
            }
        } catch (TemplateException e) {
            Failures.templateError(p, step.name(), e);
            return;
        }
        Integer version = config.get("version") instanceof Number n ? n.intValue() : null;
        String childId = Ulid.next();
        p.child(new ChildStart(childId, String.valueOf(path), version, workload, p.state().executionId(),
                step.name()));
        p.update(s -> s.withWork(Work.child(step.name(), loopIndex, attempt, childId, p.now)));
    }
}
