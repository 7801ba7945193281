package io.noetl.app.cli;

import io.noetl.app.infra.Lifecycle;
import io.noetl.app.infra.StreamRoles;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;

/** Runs one more sink (Kafka topics into the vector and analytics stores) in the shared consumer group until Ctrl-C. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Run the sink role (Kafka events, traces, step metrics and alerts into the vector and analytics "
                + "stores) until Ctrl-C; Kafka is embedded unless KAFKA_BOOTSTRAP_SERVERS is set. Copies share the "
                + "work through one consumer group.")
public final class SinkCommand extends ForegroundCommand {

    public SinkCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    void start(Lifecycle life, PrintWriter out) {
        StreamRoles.startSinkOnly(env, life, out);
        sayRunning(out);
    }
}
