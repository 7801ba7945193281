package io.noetl.worker;

import io.noetl.schemas.Json;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.command.CommandTask;
import io.noetl.schemas.command.TaskRule;
import io.noetl.schemas.playbook.KeychainEntry;
import io.noetl.worker.cancel.CancelRegistry;
import io.noetl.worker.keychain.KeychainResolver;
import io.noetl.worker.tool.ToolExecution;
import io.noetl.worker.tool.ToolExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds commands for tests and runs them through a {@link ToolExecutor} without NATS. */
public final class Commands {

    private Commands() {
    }

    public static Command command(String kind, Map<String, Object> tool) {
        return command(kind, tool, Map.of("workload", Map.of("n", 3)), List.of(), null);
    }

    public static Command command(String kind, Map<String, Object> tool, Map<String, Object> context,
                                  List<KeychainEntry> keychain, Long timeoutMs) {
        Map<String, Object> t = new LinkedHashMap<>(tool);
        t.put("kind", kind);
        return new Command(Ulid.next(), Ulid.next(), null, "tests/worker", 1, "step_" + kind, kind, "default", 1,
                null, Json.toTree(t), Json.toTree(context), keychain, timeoutMs, Instant.now(), Ulid.next());
    }

    /** A command running {@code tasks} as its pipeline; tool_kind and tool are the first task's. */
    public static Command pipeline(List<CommandTask> tasks, Map<String, Object> context, Long timeoutMs) {
        CommandTask first = tasks.get(0);
        return new Command(Ulid.next(), Ulid.next(), null, "tests/worker", 1, "pipeline_step", first.kind(), "default",
                1, null, first.tool(), Json.toTree(context), List.of(), timeoutMs, Instant.now(), Ulid.next(), tasks,
                null);
    }

    /** A task of kind {@code kind} with {@code tool} (kind added), {@code rules} and {@code set} (may be null). */
    public static CommandTask task(String name, String kind, Map<String, Object> tool, List<TaskRule> rules,
                                   Map<String, Object> set) {
        Map<String, Object> t = new LinkedHashMap<>(tool);
        t.put("kind", kind);
        return new CommandTask(name, kind, Json.toTree(t), rules, set == null ? null : Json.toTree(set));
    }

    /** A rule {@code when} (null: else) → {@code action}. */
    public static TaskRule rule(String when, String action) {
        return new TaskRule(when, action, null, null, null, null, null);
    }

    public static ToolExecution run(Command command) throws InterruptedException {
        return run(command, Map.of(), new CancelRegistry());
    }

    public static ToolExecution run(Command command, Map<String, String> env, CancelRegistry cancels)
            throws InterruptedException {
        WorkerConfig config = new WorkerConfig("nats://127.0.0.1:1", "default", "w-test", 4, Duration.ofSeconds(30),
                Duration.ofSeconds(30), "python3", null, env);
        return new ToolExecutor(Tools.all(config), new KeychainResolver(env), config.defaultTimeout(), cancels)
                .execute(command);
    }
}
