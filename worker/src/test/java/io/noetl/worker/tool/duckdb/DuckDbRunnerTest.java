package io.noetl.worker.tool.duckdb;

import static io.noetl.worker.Commands.command;
import static io.noetl.worker.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.worker.tool.ToolOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
}
