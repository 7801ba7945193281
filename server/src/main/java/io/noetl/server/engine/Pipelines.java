package io.noetl.server.engine;

import io.noetl.schemas.Json;
import io.noetl.schemas.command.CommandTask;
import io.noetl.schemas.command.TaskRule;
import io.noetl.schemas.playbook.PolicyRule;
import io.noetl.schemas.playbook.Step;
import io.noetl.schemas.playbook.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A step's task pipeline as a command carries it (see {@code Command}'s contract). */
final class Pipelines {

    private Pipelines() {
    }

    static List<CommandTask> tasks(Step step) {
        return step.tasks().stream().map(Pipelines::task).toList();
    }

    /** A task's configuration as the worker gets it: as written, plus its {@code kind}. */
    static Map<String, Object> toolConfig(Task task) {
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("kind", task.kind().wire());
        tool.putAll(task.config());
        return tool;
    }

    private static CommandTask task(Task task) {
        List<TaskRule> rules = task.policy().stream().map(Pipelines::rule).toList();
        return new CommandTask(task.name(), task.kind().wire(), Json.toTree(toolConfig(task)), rules,
                task.set().isEmpty() ? null : Json.toTree(task.set()));
    }

    private static TaskRule rule(PolicyRule r) {
        boolean retry = r.action() == PolicyRule.Action.RETRY;
        return new TaskRule(r.when(), r.action().name().toLowerCase(Locale.ROOT), retry ? r.attempts() : null,
                retry ? r.backoff().name().toLowerCase(Locale.ROOT) : null, retry ? r.delayMs() : null, r.to(),
                r.set().isEmpty() ? null : Json.toTree(r.set()));
    }
}
