package io.noetl.app.cli;

import io.noetl.app.admin.LocalReplay;
import io.noetl.app.client.ReindexClient;
import io.noetl.sink.replay.ProgressBar;
import io.noetl.sink.replay.ReplayProgress;
import io.noetl.sink.replay.ReplaySince;
import io.noetl.sink.replay.ReplayState;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Rebuilds the sink's indexes from Kafka. A running API that owns the stores does the work ({@code POST
 * /api/admin/reindex}, followed here); with no API answering, the replay runs in this process.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuild the vector and/or analytics index from Kafka into a new version and switch to it,",
                "or with --since re-write the records from TIME on into the current version.",
                "A running API (NOETL_API, default http://127.0.0.1:<NOETL_HTTP_PORT or 8080>) does the work",
                "when it runs the sink; otherwise the replay runs in this process on the stores under NOETL_DATA_DIR."})
public final class ReplayCommand implements Callable<Integer> {

    private static final Set<String> TARGETS = Set.of("vectors", "analytics", "all");
    private static final long POLL_MS = 500;

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "vectors|analytics|all",
            description = "which index to rebuild")
    private String target;

    @Option(names = "--since", paramLabel = "TIME",
            description = "repair the current version from TIME on: " + ReplaySince.FORMS)
    private String since;

    public ReplayCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!TARGETS.contains(target)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--target': '" + target
                    + "' (use vectors, analytics or all)");
        }
        Instant from = null;
        if (since != null) {
            try {
                from = ReplaySince.parse("--since", since, Instant.now());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar bar = ProgressBar.forConsole(out);
        ReindexClient api = new ReindexClient(ReindexClient.apiUrl(env));
        Optional<String> job = api.start(target, from);
        ReplayProgress end;
        if (job.isPresent()) {
            out.println("reindex job " + job.get() + " on " + api.base());
            end = follow(api, job.get(), bar);
        } else {
            out.println("no NoETL API with a sink at " + api.base() + "; replaying in this process");
            out.flush();
            end = LocalReplay.run(env, target, from, bar);
        }
        if (end.state() != ReplayState.COMPLETED) {
            spec.commandLine().getErr().println("noetl replay: failed: " + end.error());
            return 1;
        }
        return 0;
    }

    private static ReplayProgress follow(ReindexClient api, String jobId, ProgressBar bar) throws InterruptedException {
        while (true) {
            ReplayProgress p = api.status(jobId);
            if (p.state().terminal()) {
                bar.finish(p);
                return p;
            }
            bar.update(p);
            Thread.sleep(POLL_MS);
        }
    }
}
