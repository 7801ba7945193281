package io.noetl.app.cli;

import io.noetl.app.infra.Lifecycle;
import io.noetl.app.infra.StreamRoles;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs one more sink (Kafka topics into the vector and analytics stores) in the shared consumer group until Ctrl-C. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Run the sink role (Kafka events, traces, step metrics and alerts into the vector and analytics "
                + "stores) until Ctrl-C; Kafka is embedded unless KAFKA_BOOTSTRAP_SERVERS is set. Copies share the "
                + "work through one consumer group.")
public final class SinkCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    public SinkCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Lifecycle life = new Lifecycle().closeOnShutdown();
        try {
            StreamRoles.startSinkOnly(env, life, out);
            out.println("running; press Ctrl-C to stop");
            out.flush();
        } catch (RuntimeException e) {
            life.close();
            throw e;
        }
        life.awaitClose();
        return 0;
    }
}
