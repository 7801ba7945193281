package io.noetl.schemas.playbook;

import java.util.Map;

/**
 * One step of a workflow.
 *
 * @param name  unique step name; its result is read in templates by this name
 * @param desc  description, may be null
 * @param args  step arguments (templates, rendered when the step is entered), never null
 * @param tool  the tool to run, or null for a routing-only step (e.g. {@code start}, {@code end})
 * @param next  outgoing arcs, normalized from any of the three spellings; never null (may have no arcs)
 * @param spec  timeout, waiting for a decision, retry policy, pool; never null
 * @param loop  loop over items, or null
 * @param line  1-based YAML line where the step starts (for messages)
 */
public record Step(
        String name,
        String desc,
        Map<String, Object> args,
        Tool tool,
        Next next,
        StepSpec spec,
        Loop loop,
        int line) {

    public ToolKind toolKind() {
        return tool == null ? ToolKind.NOOP : tool.kind();
    }
}
