package io.noetl.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs a worker role (pulls commands of NOETL_WORKER_POOL) until Ctrl-C. */
@Command(name = "worker", mixinStandardHelpOptions = true, description = "Run a worker role (pulls commands of NOETL_WORKER_POOL) until Ctrl-C.")
public final class WorkerCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    public WorkerCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        return RoleCommand.run(env, spec.commandLine().getOut(), false, true);
    }
}
