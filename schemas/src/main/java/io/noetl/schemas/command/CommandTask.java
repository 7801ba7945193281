package io.noetl.schemas.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One task of the pipeline a command runs, in the order written.
 *
 * @param name   the task's label (unique within the step): the target of a {@code jump}, and its key in the
 *               pipeline's {@code results}
 * @param kind   tool kind on the wire (python, http, postgres, duckdb, shell, nats, transfer, noop, ... including
 *               kinds this product does not run, which the worker answers with a "not supported here" error
 *               naming the kind)
 * @param tool   the task's configuration as written (templates unrendered), with {@code kind}; without {@code name},
 *               {@code set} and {@code spec.policy} (those are in the other fields)
 * @param policy the task's policy rules in order; empty means NoETL's default: an error fails the pipeline, a
 *               result goes on with the next task
 * @param set    writes made after the task succeeded (e.g. {@code {transformed: "{{ output }}"}}: later tasks read
 *               {@code {{ transformed }}}); keys as in {@link TaskRule#set()}; null when none
 */
public record CommandTask(String name, String kind, JsonNode tool, List<TaskRule> policy, JsonNode set) {

    public CommandTask {
        policy = policy == null ? List.of() : List.copyOf(policy);
    }
}
