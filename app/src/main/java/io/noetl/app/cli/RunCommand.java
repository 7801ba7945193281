package io.noetl.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.app.client.NoetlClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Starts an execution of a registered playbook on a running server ({@code NOETL_API}). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start an execution of a registered playbook (NOETL_API, default " + NoetlClient.DEFAULT_API + ").")
public final class RunCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "playbook path (metadata.path), e.g. examples/fanout_loop")
    private String path;

    @Option(names = "--workload", paramLabel = "JSON", converter = JsonObjectConverter.class,
            description = "workload as a JSON object, merged over the playbook's")
    private JsonObjectConverter.Workload workload = new JsonObjectConverter.Workload(Map.of());

    @Option(names = "--wait", description = "wait until the execution completes, fails or pauses")
    private boolean await;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", description = "with --wait: give up after")
    private long timeoutSeconds;

    public RunCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        NoetlClient client = NoetlClient.fromEnv(env);
        PrintWriter out = spec.commandLine().getOut();
        String executionId = client.start(path, workload.values());
        out.println("execution_id=" + executionId);
        if (!await) {
            return 0;
        }
        out.flush();
        JsonNode done = client.await(executionId, NoetlClient.SETTLED, Duration.ofSeconds(timeoutSeconds));
        String status = done.path("status").asText();
        out.println("status=" + status + (done.hasNonNull("error") ? " error=" + done.get("error") : ""));
        return "FAILED".equals(status) || "CANCELLED".equals(status) ? 1 : 0;
    }
}
