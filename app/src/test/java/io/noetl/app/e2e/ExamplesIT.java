package io.noetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.app.demo.DemoExecution;
import io.noetl.app.demo.DemoRunner;
import io.noetl.app.demo.Examples;
import io.noetl.schemas.decision.Decision;
import io.noetl.testkit.PostgresTestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every example runs end to end on a real nats-server with the real server and worker. */
class ExamplesIT {

    private final Pipeline pipeline = Pipeline.shared();

    @Test
    @DisplayName("the demo runner settles every example: all complete except the quality gate, which waits for a person")
    void demoRunnerSettlesEveryExample() throws Exception {
        StringWriter out = new StringWriter();
        DemoRunner runner = new DemoRunner(pipeline.client, pipeline.services, pipeline.dataDir, new PrintWriter(out));
        List<DemoExecution> waiting = runner.run(Examples.load(pipeline.env), PostgresTestDatabase.reachable());
        assertThat(waiting).extracting(DemoExecution::path).contains(Examples.DATA_QUALITY_GATE);
        assertThat(out.toString())
                .contains("[COMPLETED] " + Examples.API_RETRIES)
                .contains("[COMPLETED] " + Examples.FANOUT_LOOP)
                .contains("[COMPLETED] " + Examples.ML_PIPELINE)
                .contains("[PAUSED   ] " + Examples.DATA_QUALITY_GATE);
        runner.explainApprovals(waiting, pipeline.server.httpPort());
        assertThat(out.toString()).contains("curl -X POST " + pipeline.api() + "/api/executions/"
                + waiting.get(0).executionId() + "/decisions");
    }

    @Test
    void fanoutLoopAggregatesEveryRegion() throws Exception {
        String id = pipeline.client.start(Examples.FANOUT_LOOP, Map.of());
        JsonNode state = pipeline.awaitStatus(id, "COMPLETED", "FAILED");
        assertThat(state.path("status").asText()).as(state.path("error").asText()).isEqualTo("COMPLETED");
        assertThat(state.at("/steps/process_region/result")).hasSize(6);
        assertThat(state.at("/steps/aggregate/result/regions").asInt()).isEqualTo(6);
    }

    @Test
    void mlPipelineTakesTheRegisterArcWhenAccuracyPasses() throws Exception {
        String id = pipeline.client.start(Examples.ML_PIPELINE, Map.of());
        JsonNode state = pipeline.awaitStatus(id, "COMPLETED", "FAILED");
        assertThat(state.path("status").asText()).as(state.path("error").asText()).isEqualTo("COMPLETED");
        assertThat(state.at("/steps/train_model/result/accuracy").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(state.at("/steps/register_model/result/registered").asBoolean()).isTrue();
        assertThat(state.path("steps").has("reject_model")).isFalse();
    }

    @Test
    @DisplayName("the API example succeeds against an endpoint answering 503, 429, then 200, with each attempt visible")
    void apiRetriesSucceedWithAttemptsVisible() throws Exception {
        String id = pipeline.client.start(Examples.API_RETRIES, pipeline.workload());
        JsonNode state = pipeline.awaitStatus(id, "COMPLETED", "FAILED");
        assertThat(state.path("status").asText()).as(state.path("error").asText()).isEqualTo("COMPLETED");
        assertThat(pipeline.services.flakyCalls(id)).isEqualTo(3);
        List<JsonNode> fetch = pipeline.events(id).stream()
                .filter(e -> "fetch_orders".equals(e.path("step").asText())).toList();
        assertThat(fetch).filteredOn(e -> "call.error".equals(e.path("event_type").asText()))
                .extracting(e -> e.path("attempt").asInt()).containsExactly(1, 2);
        assertThat(fetch).filteredOn(e -> "call.done".equals(e.path("event_type").asText()))
                .extracting(e -> e.path("attempt").asInt()).containsExactly(3);
        assertThat(fetch).filteredOn(e -> "retry.scheduled".equals(e.path("event_type").asText())).hasSize(2);
        assertThat(state.at("/steps/transform_orders/result/order_count").asInt()).isEqualTo(3);
        assertThat(pipeline.services.ingested())
                .anySatisfy(body -> assertThat(body.path("execution_id").asText()).isEqualTo(id));
    }

    @Test
    @DisplayName("the quality gate pauses, notifies the approval service, and an approve resumes it and records the decision")
    void approvalResumesAndRecordsTheDecision() throws Exception {
        String id = pipeline.client.start(Examples.DATA_QUALITY_GATE, pipeline.workload());
        JsonNode paused = pipeline.awaitStatus(id, "PAUSED", "FAILED", "COMPLETED");
        assertThat(paused.path("status").asText()).as(paused.path("error").asText()).isEqualTo("PAUSED");
        assertThat(paused.path("waiting_steps").toString()).contains("await_human_approval");
        assertThat(pipeline.services.approvalRequests()).anySatisfy(request -> {
            assertThat(request.path("execution_id").asText()).isEqualTo(id);
            assertThat(request.path("callback_url").asText()).contains(id);
            assertThat(request.path("issue").asText()).isEqualTo("Data quality below threshold");
        });

        pipeline.client.decide(id, new Decision("await_human_approval", "approve", "checked", "alice"));
        JsonNode done = pipeline.awaitStatus(id, "COMPLETED", "FAILED");
        assertThat(done.path("status").asText()).as(done.path("error").asText()).isEqualTo("COMPLETED");
        assertThat(done.at("/steps/load_to_warehouse/status").asText()).isEqualTo("COMPLETED");
        assertThat(decisionRow("jdbc:duckdb:" + pipeline.workload().get("decisions_db"), id))
                .containsExactly("alice", "approve", "checked");
    }

    @Test
    void rejectRecordsTheDecisionAndSkipsTheLoad() throws Exception {
        String id = pipeline.client.start(Examples.DATA_QUALITY_GATE, pipeline.workload());
        pipeline.awaitStatus(id, "PAUSED", "FAILED", "COMPLETED");
        pipeline.client.decide(id, new Decision("await_human_approval", "reject", "too many anomalies", "bob"));
        JsonNode done = pipeline.awaitStatus(id, "COMPLETED", "FAILED");
        assertThat(done.path("status").asText()).as(done.path("error").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("steps").has("load_to_warehouse")).isFalse();
        assertThat(decisionRow("jdbc:duckdb:" + pipeline.workload().get("decisions_db"), id))
                .containsExactly("bob", "reject", "too many anomalies");
    }

    @Test
    void postgresVariantRecordsTheDecisionInPostgres() throws Exception {
        assumeTrue(PostgresTestDatabase.reachable(), "PostgreSQL not reachable at " + PostgresTestDatabase.jdbcUrl());
        String id = pipeline.client.start(Examples.DATA_QUALITY_GATE_POSTGRES, pipeline.workload());
        JsonNode paused = pipeline.awaitStatus(id, "PAUSED", "FAILED", "COMPLETED");
        assertThat(paused.path("status").asText()).as(paused.path("error").asText()).isEqualTo("PAUSED");
        pipeline.client.decide(id, new Decision("await_human_approval", "approve", "ok", "carol"));
        JsonNode done = pipeline.awaitStatus(id, "COMPLETED", "FAILED");
        assertThat(done.path("status").asText()).as(done.path("error").asText()).isEqualTo("COMPLETED");
        assertThat(decisionRow(PostgresTestDatabase.jdbcUrl(), id)).containsExactly("carol", "approve", "ok");
    }

    private static List<String> decisionRow(String jdbcUrl, String executionId) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement st = c.prepareStatement("SELECT decision_maker, action, reasoning, \"timestamp\" "
                     + "FROM execution_decisions WHERE execution_id = ?")) {
            st.setString(1, executionId);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("a decision row for %s", executionId).isTrue();
                assertThat(rs.getString(4)).isNotBlank();
                return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        }
    }
}
