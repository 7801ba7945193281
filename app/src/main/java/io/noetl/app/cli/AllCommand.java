package io.noetl.app.cli;

import java.util.Map;
import picocli.CommandLine.Command;

/** Runs server, worker and the stream roles (Kafka, topics, topology, sink, bridge, alert relay) in one JVM until Ctrl-C. */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = "Run server, worker, Kafka (embedded unless KAFKA_BOOTSTRAP_SERVERS is set), the topology, the sink "
                + "(vector and analytics stores under NOETL_DATA_DIR) and the bridge in one JVM until Ctrl-C.")
public final class AllCommand extends RoleCommand {

    public AllCommand(Map<String, String> env) {
        super(env, true, true, true, true);
    }
}
