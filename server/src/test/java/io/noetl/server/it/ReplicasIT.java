package io.noetl.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Names;
import io.noetl.testkit.NatsTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReplicasIT {

    @Test
    @DisplayName("when two server replicas share NATS, every execution completes and every step runs exactly once")
    void twoReplicasShareTheWorkAndEachStepRunsOnce() throws Exception {
        String url = NatsTestServer.shared().url();
        Names names = TestServer.uniqueNames("replicas");
        int executions = 40;
        int steps = 4;
        try (TestServer a = TestServer.start(TestServer.config(url, names, "replica-a"));
             TestServer b = TestServer.start(TestServer.config(url, names, "replica-b"));
             SimulatedWorker worker = SimulatedWorker.succeeding(url, names)) {
            assertThat(a.http.postYaml("/api/playbooks", Playbooks.linear("flows/shared", steps)).status()).isEqualTo(201);
            assertThat(b.http.get("/api/playbooks/flows/shared").status()).isEqualTo(200);

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < executions; i++) {
                ids.add(Await.start(i % 2 == 0 ? a.http : b.http, "flows/shared"));
            }
            for (String id : ids) {
                JsonNode state = Await.status(a.http, id, "COMPLETED", Duration.ofSeconds(30));
                long completed = 0;
                for (JsonNode e : state.path("events")) {
                    if (e.path("event_type").asText().equals("playbook.completed")) {
                        completed++;
                    }
                }
                assertThat(completed).as("playbook.completed events of " + id).isEqualTo(1);
            }
            assertThat(worker.commands.get()).isEqualTo(executions * steps);
            for (int s = 1; s <= steps; s++) {
                assertThat(worker.perStep.get("s" + s).get()).isEqualTo(executions);
            }
            JsonNode completedList = b.http.get("/api/executions?status=COMPLETED&limit=1000").body();
            assertThat(completedList.path("items").size()).isEqualTo(executions);
        }
    }
}
