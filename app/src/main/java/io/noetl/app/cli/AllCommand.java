package io.noetl.app.cli;

import io.noetl.app.infra.Lifecycle;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;

/** Runs server, worker and the stream roles (Kafka, topics, topology, sink, bridge, alert relay) in one JVM until Ctrl-C. */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = "Run server, worker, Kafka (embedded unless KAFKA_BOOTSTRAP_SERVERS is set), the topology, the sink "
                + "(vector and analytics stores under NOETL_DATA_DIR) and the bridge in one JVM until Ctrl-C.")
public final class AllCommand extends ForegroundCommand {

    public AllCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    void start(Lifecycle life, PrintWriter out) {
        RoleCommand.start(env, life, out, true, true, true, true);
    }
}
