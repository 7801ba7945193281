package io.noetl.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.noetl.schemas.Names;
import io.noetl.testkit.NatsTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NatsRestartIT {

    @Test
    @DisplayName("when NATS restarts mid-run, every execution still completes")
    void executionsCompleteAcrossANatsRestart() throws Exception {
        NatsTestServer nats = NatsTestServer.start();
        Names names = TestServer.uniqueNames("restart");
        try (TestServer server = TestServer.start(nats.url(), names);
             SimulatedWorker worker = SimulatedWorker.succeeding(nats.url(), names)) {
            server.http.postYaml("/api/playbooks", Playbooks.linear("flows/restart", 6));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(Await.start(server.http, "flows/restart"));
            }

            nats.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> server.http.get("/health").status() == 503);
            assertThat(server.http.get("/health").body().path("error").path("code").asText()).isEqualTo("nats_unavailable");
            Thread.sleep(1_000);
            nats.launch();

            for (String id : ids) {
                Await.status(server.http, id, "COMPLETED", Duration.ofSeconds(40));
            }
            assertThat(server.http.get("/health").status()).isEqualTo(200);
        } finally {
            nats.close();
        }
    }
}
