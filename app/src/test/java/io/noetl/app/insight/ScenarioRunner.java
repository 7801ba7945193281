package io.noetl.app.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.app.client.ApiException;
import io.noetl.app.client.NoetlClient;
import io.noetl.schemas.Json;
import io.noetl.schemas.decision.Decision;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Runs one scenario over the REST API as a user would: registers its playbooks, starts an execution, does what the
 * scenario's person does, waits for the end and reads {@code GET /api/executions/{id}/diagnosis}.
 */
final class ScenarioRunner {

    /** Statuses after which an execution changes no more without a person. */
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED");

    /**
     * What the diagnosis said about one scenario.
     *
     * @param scenario    the scenario
     * @param executionId its execution, or null when it could not start
     * @param status      the execution's final status
     * @param actualClass {@code root_cause.class} of the diagnosis
     * @param actualStep  {@code failed_step} of the diagnosis
     * @param summary     {@code root_cause.summary}, or what went wrong while running the scenario
     */
    record Outcome(Scenario scenario, String executionId, String status, String actualClass, String actualStep,
            String summary) {

        boolean classRight() {
            return scenario.expectedClass().equals(actualClass);
        }

        boolean stepRight() {
            return scenario.expectedStep().equals(actualStep);
        }
    }

    private final NoetlClient client;
    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Object> workload;
    private final Duration timeout;

    ScenarioRunner(String api, Map<String, Object> workload, Duration timeout) {
        this.client = new NoetlClient(api);
        this.api = URI.create(api);
        this.workload = Map.copyOf(workload);
        this.timeout = timeout;
    }

    /** Registers the scenario's playbooks (sub-playbooks first, as its YAML lists them). */
    void register(Scenario s) {
        for (String doc : s.yaml().split("\n---\n")) {
            try {
                client.register(doc);
            } catch (ApiException e) {
                throw new IllegalStateException("register the playbook of scenario " + s.name() + ": "
                        + e.getMessage() + " " + e.details() + "\n" + doc, e);
            }
        }
    }

    Outcome run(Scenario s) {
        String id = null;
        try {
            id = client.start(Playbooks.PREFIX + s.name(), workload);
            s.driver().drive(this, id);
            JsonNode end = awaitStatus(id, ENDED.toArray(String[]::new));
            JsonNode d = get("/api/executions/" + id + "/diagnosis");
            JsonNode cause = d.path("root_cause");
            return new Outcome(s, id, end.path("status").asText(), cause.path("class").asText(null),
                    d.path("failed_step").asText(null), cause.path("summary").asText(""));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Outcome(s, id, "ERROR", null, null, "scenario did not run: " + e);
        }
    }

    JsonNode awaitStatus(String executionId, String... statuses) throws InterruptedException {
        return client.await(executionId, Set.of(statuses), timeout);
    }

    /** Waits until a command of {@code step} has started on a worker. */
    void awaitStarted(String executionId, String step) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode e : client.execution(executionId).path("events")) {
                if ("command.started".equals(e.path("event_type").asText()) && step.equals(e.path("step").asText())) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("step " + step + " of " + executionId + " never started");
    }

    void decide(String executionId, String step, String action, String reasoning, String by) {
        client.decide(executionId, new Decision(step, action, reasoning, by));
    }

    void cancel(String executionId) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(api.resolve("/api/executions/" + executionId
                + "/cancel")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("cancel " + executionId + " answered " + r.statusCode());
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
        }
        return Json.tree(r.body());
    }
}
