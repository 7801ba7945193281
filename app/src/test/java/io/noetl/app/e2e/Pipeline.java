package io.noetl.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.app.client.NoetlClient;
import io.noetl.app.demo.DemoServices;
import io.noetl.app.demo.Examples;
import io.noetl.server.ServerConfig;
import io.noetl.server.ServerRole;
import io.noetl.testkit.NatsTestServer;
import io.noetl.testkit.PostgresTestDatabase;
import io.noetl.worker.WorkerConfig;
import io.noetl.worker.WorkerRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One in-process pipeline per test JVM: the shared private nats-server, a server on a free port and a worker, with a
 * stream prefix of their own, plus the demo's fake outside world; every example registered.
 */
final class Pipeline {

    private static Pipeline shared;

    final Map<String, String> env;
    final ServerRole server;
    final WorkerRole worker;
    final DemoServices services;
    final NoetlClient client;
    final Path dataDir;

    private Pipeline(Map<String, String> env, ServerRole server, WorkerRole worker, DemoServices services, Path dataDir) {
        this.env = env;
        this.server = server;
        this.worker = worker;
        this.services = services;
        this.client = new NoetlClient(api());
        this.dataDir = dataDir;
    }

    static synchronized Pipeline shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private static Pipeline start() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("noetl-app-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("NATS_URL", NatsTestServer.shared().url());
        env.put("NOETL_STREAM_PREFIX", "app" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFL) + "_");
        env.put("NOETL_HTTP_PORT", "0");
        env.put("NOETL_REAPER_INTERVAL", "1s");
        env.put("NOETL_DATA_DIR", dataDir.toString());
        env.put("NOETL_EXAMPLES_DIR", Path.of("..", "examples").toString());
        env.put("NOETL_DEMO_PG_URL", PostgresTestDatabase.jdbcUrl());
        env.put("PATH", System.getenv().getOrDefault("PATH", ""));
        ServerRole server = ServerRole.start(ServerConfig.fromEnv(env));
        WorkerRole worker = WorkerRole.start(WorkerConfig.fromEnv(env));
        Pipeline pipeline = new Pipeline(Map.copyOf(env), server, worker, DemoServices.start(), dataDir);
        Examples.load(env).forEach(example -> pipeline.client.register(example.yaml()));
        return pipeline;
    }

    String api() {
        return "http://127.0.0.1:" + server.httpPort();
    }

    /** The demo's workload, with a DuckDB file of this run. */
    Map<String, Object> workload() {
        Map<String, Object> workload = new HashMap<>();
        workload.put("workflow_approval_service", services.baseUrl());
        workload.put("api_base", services.baseUrl());
        workload.put("decisions_db", dataDir.resolve("decisions.duckdb").toString());
        return workload;
    }

    JsonNode awaitStatus(String executionId, String... statuses) throws InterruptedException {
        return client.await(executionId, java.util.Set.of(statuses), Duration.ofSeconds(60));
    }

    /** Events of the execution, as {@code GET /api/executions/{id}} returns them. */
    List<JsonNode> events(String executionId) {
        List<JsonNode> out = new ArrayList<>();
        client.execution(executionId).path("events").forEach(out::add);
        return out;
    }

    private void close() {
        worker.close();
        server.close();
        services.close();
    }
}
