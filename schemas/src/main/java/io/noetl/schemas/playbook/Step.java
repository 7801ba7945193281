package io.noetl.schemas.playbook;

import java.util.List;
import java.util.Map;

/**
 * One step of a workflow: a transition of NoETL's Petri net (NoETL docs: {@code reference/dsl/spec.md} §6.2 "Step"):
 * an admission gate ({@code spec.policy.admit}), an ordered pipeline of tasks ({@code tool}), and a router
 * ({@code next}).
 *
 * @param name  unique step name; its result is read in templates by this name
 * @param desc  description, may be null
 * @param args  step arguments (templates, rendered when the step is entered), never null; NoETL's step
 *              {@code input:} is read into them too
 * @param tasks the step's pipeline in order (NoETL docs: {@code reference/dsl/step_spec.md} §7); empty for a
 *              routing-only step (e.g. {@code start}, {@code end})
 * @param next  outgoing arcs, normalized from any of the three spellings; never null (may have no arcs)
 * @param spec  timeout, waiting for a decision, retry policy, admission, pool; never null
 * @param loop  loop over items, or null
 * @param line  1-based YAML line where the step starts (for messages)
 * @param set   writes made when the step completed, before its arcs are evaluated ({@code set:} of the step, and
 *              its legacy {@code vars:} read as {@code vars.<key>}): keys {@code ctx.<k>}, {@code vars.<k>} or a
 *              bare key (meaning {@code ctx}), values as written (templates unrendered); never null
 */
public record Step(
        String name,
        String desc,
        Map<String, Object> args,
        List<Task> tasks,
        Next next,
        StepSpec spec,
        Loop loop,
        int line,
        Map<String, Object> set) {

    public Step {
        args = args == null ? Map.of() : args;
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        set = set == null ? Map.of() : set;
    }

    /** A step of at most one tool and no writes (the tool becomes a one-task pipeline named {@code <name>_task}). */
    public Step(String name, String desc, Map<String, Object> args, Tool tool, Next next, StepSpec spec, Loop loop,
                int line) {
        this(name, desc, args, tool == null ? List.of()
                : List.of(new Task(name + "_task", tool.kind(), tool.config(), List.of(), Map.of())),
                next, spec, loop, line, Map.of());
    }

    /** The first task's tool, or null for a routing-only step: what a step of one tool runs. */
    public Tool tool() {
        return tasks.isEmpty() ? null : tasks.get(0).tool();
    }

    /** The first task's kind; {@code noop} for a routing-only step. */
    public ToolKind toolKind() {
        return tasks.isEmpty() ? ToolKind.NOOP : tasks.get(0).kind();
    }
}
