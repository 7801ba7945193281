package io.noetl.app.cli;

import io.noetl.app.infra.Lifecycle;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;

/** Runs the server role (catalog, engine, REST API on NOETL_HTTP_PORT) until Ctrl-C. */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Run the server role (catalog, engine, REST API on NOETL_HTTP_PORT) until Ctrl-C.")
public final class ServerCommand extends ForegroundCommand {

    public ServerCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    void start(Lifecycle life, PrintWriter out) {
        RoleCommand.start(env, life, out, true, false, false, false);
    }
}
