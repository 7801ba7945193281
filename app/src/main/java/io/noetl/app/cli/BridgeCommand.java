package io.noetl.app.cli;

import java.util.Map;
import picocli.CommandLine.Command;

/** Runs the bridge role (NOETL_EVENTS to Kafka, Kafka alerts to NOETL_ALERTS) with its Kafka until Ctrl-C. */
@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = "Run the bridge role (events from NATS_URL to Kafka, alerts back) until Ctrl-C; "
                + "Kafka is embedded unless KAFKA_BOOTSTRAP_SERVERS is set.")
public final class BridgeCommand extends RoleCommand {

    public BridgeCommand(Map<String, String> env) {
        super(env, false, false, true, false);
    }
}
