package io.noetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.app.client.ApiException;
import io.noetl.app.client.NoetlClient;
import io.noetl.server.ServerConfig;
import io.noetl.server.ServerRole;
import io.noetl.testkit.NatsTestServer;
import io.noetl.worker.WorkerConfig;
import io.noetl.worker.WorkerRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The real server and worker ride out a nats-server restart: nothing is left without a terminal status. */
class NatsRestartIT {

    private static final String PLAYBOOK = """
            apiVersion: noetl.io/v2
            kind: Playbook
            metadata:
              name: restart_chain
              path: tests/restart_chain
            workflow:
              - step: start
                next: [{step: work}]
              - step: work
                tool:
                  kind: python
                  code: |
                    import time
                    time.sleep(0.2)
                    result = {"n": 1}
                next: [{step: tail}]
              - step: tail
                tool: {kind: noop}
                next: [{step: last}]
              - step: last
                tool:
                  kind: shell
                  command: "echo done"
            """;

    @Test
    @DisplayName("when nats-server restarts mid-run, every execution still completes")
    void executionsCompleteAcrossANatsRestart() throws Exception {
        try (NatsTestServer nats = NatsTestServer.start()) {
            Map<String, String> env = new HashMap<>();
            env.put("NATS_URL", nats.url());
            env.put("NOETL_STREAM_PREFIX", "restart_");
            env.put("NOETL_HTTP_PORT", "0");
            env.put("NOETL_REAPER_INTERVAL", "1s");
            env.put("NOETL_CLAIM_TIMEOUT", "5s");
            env.put("NOETL_WORKER_ACK_WAIT", "3s");
            env.put("PATH", System.getenv().getOrDefault("PATH", ""));
            try (ServerRole server = ServerRole.start(ServerConfig.fromEnv(env));
                 WorkerRole worker = WorkerRole.start(WorkerConfig.fromEnv(env))) {
                NoetlClient client = new NoetlClient("http://127.0.0.1:" + server.httpPort());
                client.register(PLAYBOOK);
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    ids.add(client.start("tests/restart_chain", Map.of()));
                }

                nats.stop();
                Thread.sleep(1_500);
                nats.launch();

                for (String id : ids) {
                    JsonNode state = awaitEnd(client, id);
                    assertThat(state.path("status").asText()).as("execution %s: %s", id, state.path("error"))
                            .isEqualTo("COMPLETED");
                    assertThat(state.at("/steps/last/status").asText()).isEqualTo("COMPLETED");
                }
            }
        }
    }

    /** Waits for a terminal status; 503 answers while the server's NATS connection comes back are retried. */
    private static JsonNode awaitEnd(NoetlClient client, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return client.await(id, Set.of("COMPLETED", "FAILED", "CANCELLED"), Duration.ofSeconds(60));
            } catch (ApiException e) {
                if (e.status() == 408) {
                    JsonNode state = client.execution(id);
                    throw new AssertionError("execution " + id + " did not end: status " + state.path("status")
                            + ", work " + state.path("work") + ", events " + state.path("events").size(), e);
                }
                if (e.status() != 503 || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
