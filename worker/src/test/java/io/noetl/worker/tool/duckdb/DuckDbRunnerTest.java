package io.noetl.worker.tool.duckdb;

import static io.noetl.worker.Commands.command;
import static io.noetl.worker.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.worker.tool.ToolOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbRunnerTest {

    @TempDir
    Path dir;

    @Test
    void insertsDataIntoAnAutoCreatedTableAndQueriesItBack() throws Exception {
        String db = dir.resolve("t.duckdb").toString();
        ToolOutcome.Succeeded inserted = (ToolOutcome.Succeeded) run(command("duckdb", Map.of("database", db,
                "table", "people", "data", List.of(Map.of("name", "ann", "age", 31), Map.of("name", "bob", "age", 40)))))
                .outcome();
        assertThat(inserted.result().path("row_count").asInt()).isEqualTo(2);
        ToolOutcome.Succeeded rows = (ToolOutcome.Succeeded) run(command("duckdb", Map.of("database", db,
                "command", "CREATE TABLE extra AS SELECT 1 AS x; SELECT name, CAST(age AS INTEGER) AS age "
                        + "FROM people ORDER BY name"))).outcome();
        assertThat(rows.result().path("row_count").asInt()).isEqualTo(2);
        assertThat(rows.result().path("rows").get(0).path("name").asText()).isEqualTo("ann");
        assertThat(rows.result().path("rows").get(1).path("age").asInt()).isEqualTo(40);
    }

    @Test
    void reportsBadSqlAsNotRetriableSqlError() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("duckdb",
                Map.of("command", "SELECT * FROM no_such_table"))).outcome();
        assertThat(failed.error().type()).isEqualTo("SqlError");
        assertThat(failed.error().retriable()).isFalse();
    }

    @Test
    void rejectsAnInvalidTableName() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("duckdb",
                Map.of("table", "x; DROP TABLE y", "data", Map.of("a", 1)))).outcome();
        assertThat(failed.error().type()).isEqualTo("ConfigError");
    }

    @Test
    @DisplayName("SQL under NoETL's commands: as one text or a list of statements, run in order")
    void runsSqlUnderCommandsAsTextOrAList() throws Exception {
        String db = dir.resolve("c.duckdb").toString();
        ToolOutcome.Succeeded text = (ToolOutcome.Succeeded) run(command("duckdb", Map.of("database", db,
                "commands", "CREATE TABLE t AS SELECT 41 AS v;\nSELECT v + 1 AS answer FROM t;"))).outcome();
        assertThat(text.result().path("rows").get(0).path("answer").asInt()).isEqualTo(42);
        ToolOutcome.Succeeded list = (ToolOutcome.Succeeded) run(command("duckdb", Map.of("database", db,
                "commands", List.of("INSERT INTO t VALUES (1)", "SELECT count(*) AS n FROM t")))).outcome();
        assertThat(list.result().path("rows").get(0).path("n").asInt()).isEqualTo(2);
    }

    @Test
    void runsSqlUnderQueryAndFromBase64() throws Exception {
        ToolOutcome.Succeeded query = (ToolOutcome.Succeeded) run(command("duckdb",
                Map.of("query", "SELECT {{ workload.n }} AS n"))).outcome();
        assertThat(query.result().path("rows").get(0).path("n").asInt()).isEqualTo(3);
        String b64 = java.util.Base64.getEncoder().encodeToString("SELECT 'b' AS x".getBytes());
        ToolOutcome.Succeeded decoded = (ToolOutcome.Succeeded) run(command("duckdb",
                Map.of("command_b64", b64))).outcome();
        assertThat(decoded.result().path("rows").get(0).path("x").asText()).isEqualTo("b");
    }

    @Test
    @DisplayName("SQL from a script file is rendered against the context like inline SQL")
    void runsARenderedSqlScriptFromAFile() throws Exception {
        Path sql = dir.resolve("q.sql");
        Files.writeString(sql, "SELECT {{ workload.n }} * 2 AS doubled;");
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("duckdb", Map.of("script",
                Map.of("uri", sql.toString(), "source", Map.of("type", "file"))))).outcome();
        assertThat(ok.result().path("rows").get(0).path("doubled").asInt()).isEqualTo(6);
    }

    @Test
    void aMissingScriptFileIsANotRetriableScriptErrorNamingThePath() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("duckdb", Map.of("script",
                Map.of("uri", dir.resolve("none.sql").toString(), "source", Map.of("type", "file"))))).outcome();
        assertThat(failed.error().type()).isEqualTo("ScriptError");
        assertThat(failed.error().message()).contains("none.sql").contains("does not exist");
        assertThat(failed.error().retriable()).isFalse();
    }

    @Test
    @DisplayName("the task policy in spec is not rendered with the tool: its outcome templates wait for the run")
    void theTaskPolicyIsNotRenderedWithTheTool() throws Exception {
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("duckdb", Map.of("command", "SELECT 1 AS one",
                "spec", Map.of("policy", Map.of("rules", List.of(Map.of("when", "{{ outcome.status == 'error' }}",
                        "then", Map.of("do", "fail"))))),
                "set", Map.of("ctx.x", "{{ output.data }}")))).outcome();
        assertThat(ok.result().path("rows").get(0).path("one").asInt()).isEqualTo(1);
    }
}
