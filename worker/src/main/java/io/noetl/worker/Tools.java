package io.noetl.worker;

import io.nats.client.Connection;
import io.noetl.worker.tool.ToolRunner;
import io.noetl.worker.tool.duckdb.DuckDbRunner;
import io.noetl.worker.tool.http.HttpRunner;
import io.noetl.worker.tool.nats.NatsRunner;
import io.noetl.worker.tool.noop.NoopRunner;
import io.noetl.worker.tool.playbook.PlaybookRunner;
import io.noetl.worker.tool.postgres.PostgresRunner;
import io.noetl.worker.tool.python.PythonRunner;
import io.noetl.worker.tool.shell.ShellRunner;
import io.noetl.worker.tool.transfer.TransferRunner;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The tool runners a worker offers, by kind. */
final class Tools {

    private Tools() {
    }

    static Map<String, ToolRunner> all(WorkerConfig config) {
        return all(config, () -> null);
    }

    /** @param connection the worker's NATS connection (for the nats tool), or a supplier of null */
    static Map<String, ToolRunner> all(WorkerConfig config, Supplier<Connection> connection) {
        return List.of(new NoopRunner(), new PythonRunner(config.python()), new HttpRunner(), new ShellRunner(),
                        new PostgresRunner(), new DuckDbRunner(), new PlaybookRunner(), new NatsRunner(connection),
                        new TransferRunner())
                .stream().collect(Collectors.toMap(ToolRunner::kind, Function.identity()));
    }
}
