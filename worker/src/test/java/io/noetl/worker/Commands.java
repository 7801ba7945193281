package io.noetl.worker;

import io.noetl.schemas.Json;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.command.Command;
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
