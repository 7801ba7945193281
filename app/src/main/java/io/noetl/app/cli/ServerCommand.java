package io.noetl.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the server role (catalog, engine, REST API on NOETL_HTTP_PORT) until Ctrl-C. */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Run the server role (catalog, engine, REST API on NOETL_HTTP_PORT) until Ctrl-C.")
public final class ServerCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    public ServerCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        return RoleCommand.run(env, spec.commandLine().getOut(), true, false);
    }
}
