package io.noetl.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.testkit.NatsTestServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A step whose command would be larger than the NATS server accepts (1 MB by default): its template context repeats
 * a large workload value under {@code workload}, {@code ctx} and the bare key, and the step names all three. The step fails at once with an error
 * naming the size and the limit; nothing reaches a worker and the command is not re-issued.
 */
class OversizeCommandIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String PLAYBOOK = Playbooks.header("oversize", "flows/oversize") + """
            workflow:
              - step: start
                next:
                  - step: heavy
              - step: heavy
                tool:
                  kind: noop
                  args: {a: "{{ blob }}", b: "{{ workload.blob }}", c: "{{ ctx.blob }}"}
            """;

    private static final String BIG_RESULTS = Playbooks.header("big_results", "flows/big_results") + """
            workflow:
              - step: start
                next:
                  - step: big1
              - step: big1
                tool: {kind: noop}
                next:
                  - step: big2
              - step: big2
                tool: {kind: noop}
            """;

    private static TestServer server;
    private static SimulatedWorker worker;
    private static final AtomicInteger RAN = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(NatsTestServer.shared().url(), TestServer.uniqueNames("oversize"));
        worker = new SimulatedWorker(server.natsUrl, server.names, c -> {
            if (c.step().startsWith("big")) {
                return SimulatedWorker.Outcome.ok(Map.of("rows", "r".repeat(600_000)));
            }
            RAN.incrementAndGet();
            return SimulatedWorker.Outcome.ok(Map.of("ok", true));
        });
        server.http.postYaml("/api/playbooks", PLAYBOOK);
        server.http.postYaml("/api/playbooks", BIG_RESULTS);
    }

    @AfterAll
    static void stop() throws Exception {
        worker.close();
        server.close();
    }

    @Test
    @DisplayName("a command over the server's max_payload fails its step with CommandTooLarge instead of looping")
    void anOversizeCommandFailsTheStepNamingSizeAndLimit() {
        String blob = "x".repeat(450_000);
        Http.Response r = server.http.postJson("/api/executions", "{\"path\": \"flows/oversize\", "
                + "\"workload\": {\"blob\": \"" + blob + "\"}}");
        assertThat(r.status()).as(r.body().toString()).isIn(200, 201, 202);
        String id = r.body().path("execution_id").asText();

        JsonNode failed = Await.status(server.http, id, "FAILED", TIMEOUT);
        JsonNode error = failed.path("steps").path("heavy").path("error");
        assertThat(error.path("type").asText()).isEqualTo("CommandTooLarge");
        assertThat(error.path("message").asText()).contains("max_payload of 1048576 bytes").contains("'heavy'");
        assertThat(failed.path("steps").path("heavy").path("attempts").asInt()).isEqualTo(1);
        assertThat(RAN.get()).as("no worker ran the command").isZero();
    }

    @Test
    @DisplayName("a result that would make the execution's state too large to store fails its step with StateTooLarge")
    void aResultOverTheStateLimitFailsItsStep() {
        Http.Response r = server.http.postJson("/api/executions", "{\"path\": \"flows/big_results\"}");
        assertThat(r.status()).as(r.body().toString()).isIn(200, 201, 202);
        JsonNode failed = Await.status(server.http, r.body().path("execution_id").asText(), "FAILED", TIMEOUT);
        assertThat(failed.path("steps").path("big1").path("status").asText()).isEqualTo("COMPLETED");
        JsonNode error = failed.path("steps").path("big2").path("error");
        assertThat(error.path("type").asText()).isEqualTo("StateTooLarge");
        assertThat(error.path("message").asText()).contains("step 'big2'").contains("max_payload of 1048576 bytes");
    }

    @Test
    @DisplayName("a request too large to keep in the execution's state is refused with 413, naming the limit")
    void aWorkloadOverTheStateLimitIsRefused() {
        Http.Response r = server.http.postJson("/api/executions", "{\"path\": \"flows/oversize\", "
                + "\"workload\": {\"blob\": \"" + "y".repeat(1_100_000) + "\"}}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body().path("error").path("message").asText()).contains("limit of 1000000 bytes");
    }
}
