package io.noetl.schemas.playbook;

import java.util.List;
import java.util.Map;

/**
 * One labeled task of a step's pipeline (NoETL docs: {@code reference/dsl/step_spec.md} §7 "Tasks and tool list
 * shapes"). {@code tool:} written as a list runs its tasks in order on one worker; a single {@code tool:} mapping is a
 * pipeline of one task.
 *
 * @param name   the label: {@code name:} as written, {@code task_<index>} for an unnamed list entry (0-based),
 *               {@code <step>_task} for the single-mapping shorthand; unique within the step
 * @param kind   the tool kind
 * @param config every field of the task as written (templates unrendered) except {@code name}, {@code kind},
 *               {@code set} and {@code spec.policy}, which are read into the fields below
 * @param policy the task's {@code spec.policy.rules} in order; empty means NoETL's default (an error fails the
 *               step, a result goes on with the next task)
 * @param set    scoped writes made after the task succeeds ({@code set:} of the task, e.g.
 *               {@code {transformed: "{{ output }}"}}), values as written; never null
 */
public record Task(String name, ToolKind kind, Map<String, Object> config, List<PolicyRule> policy,
                   Map<String, Object> set) {

    public Task {
        config = config == null ? Map.of() : config;
        policy = policy == null ? List.of() : List.copyOf(policy);
        set = set == null ? Map.of() : set;
    }

    /** The task's tool: its kind and configuration. */
    public Tool tool() {
        return new Tool(kind, config);
    }
}
