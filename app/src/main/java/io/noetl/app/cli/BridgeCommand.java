package io.noetl.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the bridge role (NOETL_EVENTS to Kafka, Kafka alerts to NOETL_ALERTS) with its Kafka until Ctrl-C. */
@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = "Run the bridge role (events from NATS_URL to Kafka, alerts back) until Ctrl-C; "
                + "Kafka is embedded unless KAFKA_BOOTSTRAP_SERVERS is set.")
public final class BridgeCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    public BridgeCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        return RoleCommand.run(env, spec.commandLine().getOut(), false, false, true, false);
    }
}
