package io.noetl.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.app.client.ApiException;
import io.noetl.app.client.NoetlClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Registers every example over the REST API, runs each with a workload pointing at the local demo services
 * (all but {@link Examples#LATENCY_WATCH}, which {@link LatencyPhase} runs), prints one line per execution as it
 * settles, then how to approve the waiting ones.
 */
public final class DemoRunner implements AutoCloseable {

    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);
    private static final Set<String> DONE = Set.of("COMPLETED", "FAILED", "CANCELLED");

    private final NoetlClient client;
    private final DemoServices services;
    private final Path dataDir;
    private final PrintWriter out;
    private final ExecutorService watchers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<DemoExecution> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closing;

    public DemoRunner(NoetlClient client, DemoServices services, Path dataDir, PrintWriter out) {
        this.client = client;
        this.services = services;
        this.dataDir = dataDir;
        this.out = out;
    }

    /** The workload every demo execution gets (merged over each playbook's own). */
    public Map<String, Object> workload() {
        Map<String, Object> workload = new LinkedHashMap<>();
        workload.put("workflow_approval_service", services.baseUrl());
        workload.put("api_base", services.baseUrl());
        workload.put("decisions_db", dataDir.resolve("demo").resolve("decisions.duckdb").toString());
        return workload;
    }

    /**
     * Runs the examples; returns the executions left waiting for a decision.
     *
     * @param postgresReachable whether to run the examples that need PostgreSQL
     */
    public List<DemoExecution> run(List<Example> examples, boolean postgresReachable) throws InterruptedException {
        dataDir.resolve("demo").toFile().mkdirs();
        for (Example example : examples) {
            JsonNode answer = client.register(example.yaml());
            say("registered %s version %s", example.path(), answer.path("version").asText("?"));
        }
        List<Future<DemoExecution>> running = new ArrayList<>();
        for (Example example : examples) {
            if (example.path().equals(Examples.LATENCY_WATCH)) {
                continue; // runs many times in a phase of its own (LatencyPhase)
            }
            if (example.path().equals(Examples.DATA_QUALITY_GATE_POSTGRES) && !postgresReachable) {
                say("skipped  %s: PostgreSQL is not reachable (set NOETL_DEMO_PG_URL)", example.path());
                continue;
            }
            String id = client.start(example.path(), workload());
            long startedAt = System.nanoTime();
            running.add(watchers.submit(() -> settle(new DemoExecution(example.path(), id, startedAt))));
        }
        List<DemoExecution> waiting = new ArrayList<>();
        for (Future<DemoExecution> f : running) {
            DemoExecution execution = join(f);
            if (execution != null && "PAUSED".equals(execution.status())) {
                waiting.add(execution);
            }
            if (execution != null && "FAILED".equals(execution.status())) {
                failed.add(execution);
            }
        }
        return waiting;
    }

    /**
     * Prints why the failed examples failed, as the insight API answers it (class, failing step, summary, the first
     * recommendation), with the {@code curl} that asks for the whole diagnosis.
     */
    public void explainFailures(int apiPort) {
        for (DemoExecution execution : failed) {
            JsonNode d;
            try {
                d = client.diagnosis(execution.executionId());
            } catch (ApiException e) {
                say("[ERROR    ] diagnosis of %s: %s", execution.executionId(), e.describe());
                continue;
            }
            for (String line : DiagnosisLines.of(execution.path(), d)) {
                say("%s", line);
            }
            say("  the whole answer (evidence, similar failures, patches):");
            say("  curl http://127.0.0.1:%d/api/executions/%s/diagnosis", apiPort, execution.executionId());
        }
    }

    /** Prints the waiting executions with a ready-to-paste approval command, and reports when each finishes. */
    public void explainApprovals(List<DemoExecution> waiting, int apiPort) {
        for (DemoExecution execution : waiting) {
            say("");
            say("%s is waiting for a human decision: execution %s", execution.path(), execution.executionId());
            say("approve it with:");
            say("  curl -X POST http://127.0.0.1:%d/api/executions/%s/decisions -H 'Content-Type: application/json' "
                    + "-d '{\"step\":\"await_human_approval\",\"action\":\"approve\",\"reasoning\":\"checked\","
                    + "\"decided_by\":\"you\"}'", apiPort, execution.executionId());
            watchers.submit(() -> awaitDecision(execution));
        }
        say("");
        say("approval requests received by the fake approval service: %d", services.approvalRequests().size());
        say("the demo keeps running; press Ctrl-C to stop");
    }

    private DemoExecution settle(DemoExecution execution) throws InterruptedException {
        try {
            JsonNode state = client.await(execution.executionId(), NoetlClient.SETTLED, SETTLE_TIMEOUT);
            DemoExecution settled = execution.with(state);
            say("%s", settled.summary());
            return settled;
        } catch (ApiException e) {
            say("[ERROR    ] %s execution %s: %s", execution.path(), execution.executionId(), e.describe());
            return execution;
        }
    }

    private Void awaitDecision(DemoExecution execution) throws InterruptedException {
        try {
            JsonNode state = client.await(execution.executionId(), DONE, Duration.ofHours(25));
            say("%s", execution.with(state).summary());
        } catch (ApiException e) {
            if (!closing) {
                say("[ERROR    ] %s execution %s: %s", execution.path(), execution.executionId(), e.describe());
            }
        }
        return null;
    }

    /** Stops watching the waiting executions quietly (the demo is shutting down, the API goes away next). */
    @Override
    public void close() {
        closing = true;
        watchers.shutdownNow();
    }

    private static DemoExecution join(Future<DemoExecution> f) throws InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    private void say(String format, Object... args) {
        synchronized (out) {
            out.println(args.length == 0 ? format : String.format(format, args));
            out.flush();
        }
    }
}
