package io.noetl.worker.tool.pipeline;

import static io.noetl.worker.Commands.command;
import static io.noetl.worker.Commands.pipeline;
import static io.noetl.worker.Commands.run;
import static io.noetl.worker.Commands.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Json;
import io.noetl.schemas.command.Command;
import io.noetl.testkit.PostgresTestDatabase;
import io.noetl.worker.tool.ToolOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A cursor loop's worker slot against the real PostgreSQL of the test machine (skipped when none answers). */
class CursorDrainTest {

    private static void assumePostgres() {
        if (PostgresTestDatabase.required() && !PostgresTestDatabase.reachable()) {
            throw new AssertionError("NOETL_TEST_PG_REQUIRED=1 but no PostgreSQL answers");
        }
        Assumptions.assumeTrue(PostgresTestDatabase.reachable(), "PostgreSQL not reachable (set NOETL_TEST_PG_URL)");
    }

    private static ToolOutcome pg(String sql) throws Exception {
        return run(command("postgres", Map.of("connection", PostgresTestDatabase.jdbcUrl(), "command", sql)))
                .outcome();
    }

    private static Command cursorCommand(String table, String code) {
        Command c = pipeline(List.of(
                task("compute", "python", Map.of("code", code), List.of(), null),
                task("mark", "postgres", Map.of("connection", PostgresTestDatabase.jdbcUrl(),
                        "command", "UPDATE " + table + " SET status = 'done' WHERE id = {{ iter.work.id }}"),
                        List.of(), null)),
                Map.of("workload", Map.of("factor", 10, "pg", PostgresTestDatabase.jdbcUrl())), null);
        Map<String, Object> cursor = Map.of("kind", "postgres", "iterator", "work",
                "options", Map.of("connection", "{{ workload.pg }}"),
                "claim", "UPDATE " + table + " SET status = 'claimed' WHERE id IN (SELECT id FROM " + table
                        + " WHERE status = 'pending' ORDER BY id LIMIT {{ __frame_max_rows }} FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id");
        return new Command(c.commandId(), c.executionId(), null, c.playbookPath(), 1, "drain", c.toolKind(),
                "default", 1, 0, c.tool(), c.context(), List.of(), null, c.issuedAt(), c.issuedEventId(), c.tasks(),
                Json.toTree(cursor));
    }

    @Test
    @DisplayName("a cursor slot claims rows until none is left and runs the pipeline for each with iter bound to it")
    void claimsRowsUntilNoneIsLeft() throws Exception {
        assumePostgres();
        String table = "noetl_cursor_" + Long.toHexString(System.nanoTime());
        pg("CREATE TABLE " + table + " (id int PRIMARY KEY, status text); INSERT INTO " + table
                + " SELECT g, 'pending' FROM generate_series(1, 5) g");
        try {
            ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(cursorCommand(table,
                    "result = {'id': iter['work']['id'], 'scaled': iter['work']['id'] * workload['factor'],"
                            + " 'index': iter['index']}")).outcome();
            assertThat(ok.result().path("rows").asInt()).isEqualTo(5);
            assertThat(ok.result().path("results")).hasSize(5);
            assertThat(ok.result().path("results").get(4).path("results").path("compute").path("scaled").asInt())
                    .isEqualTo(50);
            ToolOutcome.Succeeded done = (ToolOutcome.Succeeded) pg("SELECT count(*) AS n FROM " + table
                    + " WHERE status = 'done'");
            assertThat(done.result().path("rows").get(0).path("n").asInt()).isEqualTo(5);
        } finally {
            pg("DROP TABLE IF EXISTS " + table);
        }
    }

    @Test
    @DisplayName("the first row whose pipeline fails fails the slot, naming the row; later rows stay pending")
    void aFailingRowFailsTheSlot() throws Exception {
        assumePostgres();
        String table = "noetl_cursor_" + Long.toHexString(System.nanoTime());
        pg("CREATE TABLE " + table + " (id int PRIMARY KEY, status text); INSERT INTO " + table
                + " SELECT g, 'pending' FROM generate_series(1, 4) g");
        try {
            ToolOutcome.Failed failed = (ToolOutcome.Failed) run(cursorCommand(table,
                    "assert iter['work']['id'] != 3, 'row 3 is bad'\nresult = {'ok': True}")).outcome();
            assertThat(failed.error().message()).contains("row 3 is bad");
            assertThat(failed.meta()).containsEntry("row", 2).containsEntry("task", "compute");
            ToolOutcome.Succeeded pending = (ToolOutcome.Succeeded) pg("SELECT count(*) AS n FROM " + table
                    + " WHERE status = 'pending'");
            assertThat(pending.result().path("rows").get(0).path("n").asInt()).isEqualTo(1);
        } finally {
            pg("DROP TABLE IF EXISTS " + table);
        }
    }
}
