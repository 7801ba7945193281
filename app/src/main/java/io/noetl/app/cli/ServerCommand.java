package io.noetl.app.cli;

import java.util.Map;
import picocli.CommandLine.Command;

/** Runs the server role (catalog, engine, REST API on NOETL_HTTP_PORT) until Ctrl-C. */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Run the server role (catalog, engine, REST API on NOETL_HTTP_PORT) until Ctrl-C.")
public final class ServerCommand extends RoleCommand {

    public ServerCommand(Map<String, String> env) {
        super(env, true, false, false, false);
    }
}
