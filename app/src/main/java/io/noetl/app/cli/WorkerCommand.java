package io.noetl.app.cli;

import java.util.Map;
import picocli.CommandLine.Command;

/** Runs a worker role (pulls commands of NOETL_WORKER_POOL) until Ctrl-C. */
@Command(name = "worker", mixinStandardHelpOptions = true, description = "Run a worker role (pulls commands of NOETL_WORKER_POOL) until Ctrl-C.")
public final class WorkerCommand extends RoleCommand {

    public WorkerCommand(Map<String, String> env) {
        super(env, false, true, false, false);
    }
}
