package io.noetl.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.testkit.NatsTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExecutionApiIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static TestServer server;
    private static SimulatedWorker worker;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(NatsTestServer.shared().url(), TestServer.uniqueNames("exec"));
        worker = SimulatedWorker.succeeding(server.natsUrl, server.names);
        server.http.postYaml("/api/playbooks", Playbooks.linear("flows/linear", 3));
        server.http.postYaml("/api/playbooks", Playbooks.approval("flows/approval"));
        server.http.postYaml("/api/playbooks", Playbooks.parent("flows/parent", "flows/linear"));
        server.http.postYaml("/api/playbooks", Playbooks.parent("flows/orphan", "flows/missing_child"));
        server.http.postYaml("/api/playbooks", Playbooks.parent("flows/waiting_parent", "flows/approval"));
    }

    @AfterAll
    static void stop() throws Exception {
        worker.close();
        server.close();
    }

    @Test
    void linearExecutionCompletesAndShowsItsStepsAndEvents() {
        String id = Await.start(server.http, "flows/linear");

        JsonNode state = Await.status(server.http, id, "COMPLETED", TIMEOUT);

        assertThat(state.path("execution_id").asText()).isEqualTo(id);
        assertThat(state.path("playbook_path").asText()).isEqualTo("flows/linear");
        for (String step : List.of("s1", "s2", "s3")) {
            JsonNode s = state.path("steps").path(step);
            assertThat(s.path("status").asText()).as(step).isEqualTo("COMPLETED");
            assertThat(s.path("attempts").asInt()).as(step).isEqualTo(1);
            assertThat(s.path("started_at").isMissingNode()).isFalse();
            assertThat(s.path("result").path("step").asText()).isEqualTo(step);
        }
        List<String> types = new ArrayList<>();
        state.path("events").forEach(e -> types.add(e.path("event_type").asText()));
        assertThat(types).first().isEqualTo("playbook.started");
        assertThat(types).contains("command.issued", "command.claimed", "call.done", "playbook.completed");
        assertThat(types.stream().filter("call.done"::equals).count()).isEqualTo(3);
        // the log never shows an effect before its cause: each command is issued before it is claimed
        List<String> issued = new ArrayList<>();
        state.path("events").forEach(e -> {
            String commandId = e.path("command_id").asText();
            switch (e.path("event_type").asText()) {
                case "command.issued" -> issued.add(commandId);
                case "command.claimed" -> assertThat(issued).as("issued before claimed").contains(commandId);
                default -> { }
            }
        });
    }

    @Test
    void startRejectsUnknownPlaybooksAndMalformedBodies() {
        Http.Response unknown = server.http.postJson("/api/executions", "{\"path\": \"no/such\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("error").path("code").asText()).isEqualTo("not_found");

        Http.Response badJson = server.http.postJson("/api/executions", "{\"path\": ");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.body().path("error").path("code").asText()).isEqualTo("invalid_json");

        Http.Response twoProblems = server.http.postJson("/api/executions", "{\"version\": \"x\", \"workload\": 3}");
        assertThat(twoProblems.status()).isEqualTo(400);
        assertThat(twoProblems.body().path("error").path("details").size()).isEqualTo(3);

        Http.Response unknownVersion = server.http.postJson("/api/executions", "{\"path\": \"flows/linear\", \"version\": 9}");
        assertThat(unknownVersion.status()).isEqualTo(404);
    }

    @Test
    void unknownExecutionIs404() {
        assertThat(server.http.get("/api/executions/01ARZ3NDEKTSV4RRFFQ69G5FAV").status()).isEqualTo(404);
        assertThat(server.http.postJson("/api/executions/01ARZ3NDEKTSV4RRFFQ69G5FAV/cancel", "").status()).isEqualTo(404);
        Http.Response decide = server.http.postJson("/api/executions/01ARZ3NDEKTSV4RRFFQ69G5FAV/decisions",
                "{\"step\": \"review\", \"action\": \"approve\"}");
        assertThat(decide.status()).isEqualTo(404);
    }

    @Test
    void listFiltersByStatusAndPlaybookAndPagesWithACursor() {
        String a = Await.start(server.http, "flows/linear");
        String b = Await.start(server.http, "flows/linear");
        String paused = Await.start(server.http, "flows/approval");
        Await.status(server.http, a, "COMPLETED", TIMEOUT);
        Await.status(server.http, b, "COMPLETED", TIMEOUT);
        Await.status(server.http, paused, "PAUSED", TIMEOUT);

        JsonNode completedLinear = server.http.get("/api/executions?status=COMPLETED&playbook=flows/linear").body();
        assertThat(ids(completedLinear)).contains(a, b).doesNotContain(paused);
        completedLinear.path("items").forEach(i -> assertThat(i.path("status").asText()).isEqualTo("COMPLETED"));

        JsonNode pausedOnes = server.http.get("/api/executions?status=paused&playbook=flows/approval").body();
        assertThat(ids(pausedOnes)).contains(paused).doesNotContain(a, b);

        JsonNode firstPage = server.http.get("/api/executions?playbook=flows/linear&status=COMPLETED&limit=1").body();
        assertThat(firstPage.path("items").size()).isEqualTo(1);
        String cursor = firstPage.path("next").asText();
        assertThat(cursor).isNotBlank();
        JsonNode secondPage = server.http.get("/api/executions?playbook=flows/linear&status=COMPLETED&limit=1&cursor="
                + cursor).body();
        assertThat(ids(secondPage)).hasSize(1).doesNotContainAnyElementsOf(ids(firstPage));

        assertThat(server.http.get("/api/executions?status=SLEEPING").status()).isEqualTo(400);
        assertThat(server.http.get("/api/executions?limit=0").status()).isEqualTo(400);
    }

    @Test
    void decisionPausesTheExecutionThenApprovalResumesIt() {
        String id = Await.start(server.http, "flows/approval");
        JsonNode paused = Await.status(server.http, id, "PAUSED", TIMEOUT);
        assertThat(paused.path("waiting_steps").toString()).contains("review");

        Http.Response decided = server.http.postJson("/api/executions/" + id + "/decisions",
                "{\"step\": \"review\", \"action\": \"approve\", \"reasoning\": \"looks fine\", \"decided_by\": \"ana\"}");

        assertThat(decided.status()).isEqualTo(202);
        assertThat(decided.body().path("execution_id").asText()).isEqualTo(id);
        assertThat(decided.body().path("event_id").asText()).hasSize(26);
        assertThat(decided.body().path("step").asText()).isEqualTo("review");
        assertThat(decided.body().path("action").asText()).isEqualTo("approve");
        JsonNode done = Await.status(server.http, id, "COMPLETED", TIMEOUT);
        assertThat(done.path("steps").path("done").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("vars").path("approval_action").asText()).isEqualTo("approve");
    }

    @Test
    void rejectionWithNoArcTakenFailsTheExecution() {
        String id = Await.start(server.http, "flows/approval");
        Await.status(server.http, id, "PAUSED", TIMEOUT);

        Http.Response decided = server.http.postJson("/api/executions/" + id + "/decisions",
                "{\"step\": \"review\", \"action\": \"reject\", \"reasoning\": \"numbers are off\"}");

        assertThat(decided.status()).isEqualTo(202);
        JsonNode failed = Await.status(server.http, id, "FAILED", TIMEOUT);
        assertThat(failed.path("error").asText()).isNotBlank();
        assertThat(failed.path("error").asText()).isEqualTo("step review rejected by unknown: numbers are off");
        assertThat(failed.path("steps").path("review").path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("events")).anySatisfy(e -> {
            assertThat(e.path("event_type").asText()).isEqualTo("step.exit");
            assertThat(e.path("step").asText()).isEqualTo("review");
            assertThat(e.at("/error/type").asText()).isEqualTo("Rejected");
            assertThat(e.at("/error/class").asText()).isEqualTo("data_quality");
        });
    }

    @Test
    void decisionsAreCheckedAgainstTheExecution() {
        String id = Await.start(server.http, "flows/approval");
        Await.status(server.http, id, "PAUSED", TIMEOUT);
        String url = "/api/executions/" + id + "/decisions";

        Http.Response notWaiting = server.http.postJson(url, "{\"step\": \"done\", \"action\": \"approve\"}");
        assertThat(notWaiting.status()).isEqualTo(409);
        Http.Response unknownStep = server.http.postJson(url, "{\"step\": \"nope\", \"action\": \"approve\"}");
        assertThat(unknownStep.status()).isEqualTo(422);
        Http.Response missing = server.http.postJson(url, "{\"reasoning\": 5}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("error").path("details").size()).isEqualTo(3);
        Http.Response badAction = server.http.postJson(url, "{\"step\": \"review\", \"action\": \"maybe\"}");
        assertThat(badAction.status()).isEqualTo(400);
        assertThat(server.http.postJson(url, "not json").status()).isEqualTo(400);
    }

    @Test
    void cancelStopsAPausedExecutionAndASecondCancelIsAConflict() {
        String id = Await.start(server.http, "flows/approval");
        Await.status(server.http, id, "PAUSED", TIMEOUT);

        Http.Response cancelled = server.http.postJson("/api/executions/" + id + "/cancel", "{\"reason\": \"not needed\"}");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().path("error").asText()).isEqualTo("not needed");
        Http.Response again = server.http.postJson("/api/executions/" + id + "/cancel", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("error").path("code").asText()).isEqualTo("conflict");
        JsonNode state = Await.status(server.http, id, "CANCELLED", TIMEOUT);
        List<String> types = new ArrayList<>();
        state.path("events").forEach(e -> types.add(e.path("event_type").asText()));
        assertThat(types).contains("playbook.cancelled");
        assertThat(state.path("events")).anySatisfy(e -> {
            assertThat(e.path("event_type").asText()).isEqualTo("step.exit");
            assertThat(e.path("step").asText()).isEqualTo("review");
            assertThat(e.path("status").asText()).isEqualTo("CANCELLED");
            assertThat(e.at("/error/message").asText()).isEqualTo("step review cancelled: not needed");
            assertThat(e.at("/error/class").asText()).isEqualTo("cancelled");
        });
        Http.Response late = server.http.postJson("/api/executions/" + id + "/decisions",
                "{\"step\": \"review\", \"action\": \"approve\"}");
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void subPlaybookStepRunsAChildExecutionAndTheParentContinuesWhenItCompletes() {
        String id = Await.start(server.http, "flows/parent");

        JsonNode parent = Await.status(server.http, id, "COMPLETED", TIMEOUT);

        assertThat(parent.path("steps").path("child").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(parent.path("steps").path("after").path("status").asText()).isEqualTo("COMPLETED");
        JsonNode children = server.http.get("/api/executions?playbook=flows/linear&limit=1000").body();
        long mine = 0;
        for (JsonNode item : children.path("items")) {
            if (id.equals(item.path("parent_execution_id").asText())) {
                mine++;
                assertThat(item.path("status").asText()).isEqualTo("COMPLETED");
            }
        }
        assertThat(mine).isEqualTo(1);
    }

    @Test
    void cancellingAParentAlsoCancelsItsRunningSubPlaybook() {
        String id = Await.start(server.http, "flows/waiting_parent");
        String child = Await.until(TIMEOUT, () -> {
            for (JsonNode item : server.http.get("/api/executions?playbook=flows/approval&limit=1000").body().path("items")) {
                if (id.equals(item.path("parent_execution_id").asText()) && "PAUSED".equals(item.path("status").asText())) {
                    return item.path("execution_id").asText();
                }
            }
            return null;
        });

        assertThat(server.http.postJson("/api/executions/" + id + "/cancel", "{\"reason\": \"stop all\"}").status())
                .isEqualTo(200);

        JsonNode childState = Await.status(server.http, child, "CANCELLED", TIMEOUT);
        assertThat(childState.path("error").asText()).contains(id).contains("stop all");
        assertThat(Await.status(server.http, id, "CANCELLED", TIMEOUT).path("error").asText()).isEqualTo("stop all");
    }

    @Test
    void subPlaybookThatIsNotInTheCatalogFailsTheParent() {
        String id = Await.start(server.http, "flows/orphan");

        JsonNode parent = Await.status(server.http, id, "FAILED", TIMEOUT);

        assertThat(parent.path("steps").path("child").path("status").asText()).isEqualTo("FAILED");
        assertThat(parent.path("error").asText()).contains("flows/missing_child");
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(i -> out.add(i.path("execution_id").asText()));
        return out;
    }
}
