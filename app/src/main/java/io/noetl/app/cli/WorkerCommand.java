package io.noetl.app.cli;

import io.noetl.app.infra.Lifecycle;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;

/** Runs a worker role (pulls commands of NOETL_WORKER_POOL) until Ctrl-C. */
@Command(name = "worker", mixinStandardHelpOptions = true, description = "Run a worker role (pulls commands of NOETL_WORKER_POOL) until Ctrl-C.")
public final class WorkerCommand extends ForegroundCommand {

    public WorkerCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    void start(Lifecycle life, PrintWriter out) {
        RoleCommand.start(env, life, out, false, true, false, false);
    }
}
