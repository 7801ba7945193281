package io.noetl.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs server, worker and the stream roles (Kafka, topics, topology, sink, bridge, alert relay) in one JVM until Ctrl-C. */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = "Run server, worker, Kafka (embedded unless KAFKA_BOOTSTRAP_SERVERS is set), the topology, the sink "
                + "(vector and analytics stores under NOETL_DATA_DIR) and the bridge in one JVM until Ctrl-C.")
public final class AllCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    public AllCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        return RoleCommand.run(env, spec.commandLine().getOut(), true, true, true, true);
    }
}
