package io.noetl.worker.tool.transfer;

import static io.noetl.worker.Commands.command;
import static io.noetl.worker.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.noetl.testkit.PostgresTestDatabase;
import io.noetl.worker.tool.ToolOutcome;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transfers for real: PostgreSQL of the test machine (skipped when none answers), DuckDB files, a JDK HttpServer. */
class TransferRunnerTest {

    @TempDir
    Path dir;

    private static void assumePostgres() {
        if (PostgresTestDatabase.required() && !PostgresTestDatabase.reachable()) {
            throw new AssertionError("NOETL_TEST_PG_REQUIRED=1 but no PostgreSQL answers at "
                    + PostgresTestDatabase.jdbcUrl());
        }
        Assumptions.assumeTrue(PostgresTestDatabase.reachable(), "PostgreSQL not reachable (set NOETL_TEST_PG_URL)");
    }

    private static ToolOutcome pg(String sql) throws Exception {
        return run(command("postgres", Map.of("connection", PostgresTestDatabase.jdbcUrl(), "command", sql)))
                .outcome();
    }

    private ToolOutcome duck(String db, String sql) throws Exception {
        return run(command("duckdb", Map.of("database", db, "command", sql))).outcome();
    }

    @Test
    @DisplayName("rows go from PostgreSQL to a DuckDB table created from their types, and back to PostgreSQL")
    void postgresToDuckDbAndBack() throws Exception {
        assumePostgres();
        String src = "noetl_xfer_src_" + Long.toHexString(System.nanoTime());
        String back = src + "_back";
        String db = dir.resolve("cache.duckdb").toString();
        pg("CREATE TABLE " + src + " (id int PRIMARY KEY, name text, amount numeric(10,2), seen timestamptz, "
                + "doc jsonb); INSERT INTO " + src + " SELECT g, 'n' || g, g * 1.5, now(), jsonb_build_object('g', g) "
                + "FROM generate_series(1, 2500) g");
        try {
            ToolOutcome.Succeeded down = (ToolOutcome.Succeeded) run(command("transfer", Map.of(
                    "source", Map.of("type", "postgres", "connection", PostgresTestDatabase.jdbcUrl(),
                            "query", "SELECT * FROM " + src + " ORDER BY id"),
                    "target", Map.of("type", "duckdb", "connection", db, "table", "cached"),
                    "chunk_size", 1000, "mode", "replace"))).outcome();
            assertThat(down.result().path("rows_transferred").asLong()).isEqualTo(2500);
            assertThat(down.result().path("chunks_processed").asInt()).isEqualTo(3);
            assertThat(down.result().path("direction").asText()).isEqualTo("postgres_to_duckdb");
            ToolOutcome.Succeeded check = (ToolOutcome.Succeeded) duck(db,
                    "SELECT count(*) AS n, sum(amount) AS total, max(doc) AS doc FROM cached");
            assertThat(check.result().path("rows").get(0).path("n").asLong()).isEqualTo(2500);
            assertThat(check.result().path("rows").get(0).path("total").decimalValue().doubleValue())
                    .isEqualTo(4_689_375.0);
            ToolOutcome.Succeeded up = (ToolOutcome.Succeeded) run(command("transfer", Map.of(
                    "source", Map.of("type", "duckdb", "connection", db,
                            "query", "SELECT id, name, amount FROM cached WHERE id <= 10"),
                    "target", Map.of("type", "postgres", "connection", PostgresTestDatabase.jdbcUrl(),
                            "table", back)))).outcome();
            assertThat(up.result().path("rows_transferred").asLong()).isEqualTo(10);
            ToolOutcome.Succeeded rows = (ToolOutcome.Succeeded) pg("SELECT count(*) AS n, sum(amount) AS s FROM "
                    + back);
            assertThat(rows.result().path("rows").get(0).path("n").asLong()).isEqualTo(10);
            assertThat(rows.result().path("rows").get(0).path("s").asDouble()).isEqualTo(82.5);
        } finally {
            pg("DROP TABLE IF EXISTS " + src + "; DROP TABLE IF EXISTS " + back);
        }
    }

    @Test
    @DisplayName("upsert into PostgreSQL updates rows whose key exists; replace into DuckDB empties the table first")
    void upsertAndReplace() throws Exception {
        assumePostgres();
        String table = "noetl_xfer_up_" + Long.toHexString(System.nanoTime());
        String db = dir.resolve("u.duckdb").toString();
        duck(db, "CREATE TABLE src AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) t(id, v)");
        pg("CREATE TABLE " + table + " (id int PRIMARY KEY, v text); INSERT INTO " + table + " VALUES (1, 'old')");
        try {
            Map<String, Object> transfer = Map.of(
                    "source", Map.of("type", "duckdb", "connection", db, "query", "SELECT id, v FROM src"),
                    "target", Map.of("type", "postgres", "connection", PostgresTestDatabase.jdbcUrl(), "table", table,
                            "mode", "upsert", "key", "id"));
            assertThat(run(command("transfer", transfer)).outcome()).isInstanceOf(ToolOutcome.Succeeded.class);
            ToolOutcome.Succeeded rows = (ToolOutcome.Succeeded) pg("SELECT string_agg(id || v, ',' ORDER BY id) "
                    + "AS s FROM " + table);
            assertThat(rows.result().path("rows").get(0).path("s").asText()).isEqualTo("1a,2b");
            ToolOutcome.Succeeded twice = (ToolOutcome.Succeeded) run(command("transfer", Map.of(
                    "source", Map.of("type", "duckdb", "connection", db, "query", "SELECT id, v FROM src"),
                    "target", Map.of("type", "duckdb", "connection", db, "table", "copy"), "mode", "replace")))
                    .outcome();
            run(command("transfer", Map.of(
                    "source", Map.of("type", "duckdb", "connection", db, "query", "SELECT id, v FROM src"),
                    "target", Map.of("type", "duckdb", "connection", db, "table", "copy"), "mode", "replace")));
            assertThat(twice.result().path("rows_transferred").asLong()).isEqualTo(2);
            ToolOutcome.Succeeded copy = (ToolOutcome.Succeeded) duck(db, "SELECT count(*) AS n FROM copy");
            assertThat(copy.result().path("rows").get(0).path("n").asLong()).isEqualTo(2);
        } finally {
            pg("DROP TABLE IF EXISTS " + table);
        }
    }

    @Test
    @DisplayName("an http source's records at data_path go into a DuckDB table through the mapping")
    void httpToDuckDbWithMappingAndDataPath() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/posts", ex -> {
            byte[] body = "{\"data\":{\"items\":[{\"id\":1,\"userId\":9,\"title\":\"t1\",\"meta\":{\"lang\":\"en\"}},"
                    .concat("{\"id\":2,\"userId\":9,\"title\":\"t2\",\"meta\":{\"lang\":\"fr\"}}]}}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        String db = dir.resolve("h.duckdb").toString();
        Map<String, Object> mapping = new java.util.LinkedHashMap<>();
        mapping.put("post_id", "id");
        mapping.put("user_id", "userId");
        mapping.put("lang", "meta.lang");
        try {
            ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("transfer", Map.of(
                    "source", Map.of("type", "http", "url", "http://127.0.0.1:" + server.getAddress().getPort()
                            + "/posts", "data_path", "data.items"),
                    "target", Map.of("type", "duckdb", "connection", db, "table", "posts",
                            "mapping", mapping)))).outcome();
            assertThat(ok.result().path("rows_transferred").asLong()).isEqualTo(2);
            assertThat(ok.result().path("columns").toString()).isEqualTo("[\"post_id\",\"user_id\",\"lang\"]");
            ToolOutcome.Succeeded rows = (ToolOutcome.Succeeded) duck(db,
                    "SELECT post_id + user_id AS s, lang FROM posts ORDER BY post_id");
            assertThat(rows.result().path("rows").get(1).path("s").asLong()).isEqualTo(11);
            assertThat(rows.result().path("rows").get(1).path("lang").asText()).isEqualTo("fr");
        } finally {
            server.stop(0);
        }
    }

    @Test
    @DisplayName("a source not run here, a bad mapping and bad SQL fail clearly")
    void unsupportedSourcesBadMappingAndBadSqlFailClearly() throws Exception {
        String db = dir.resolve("e.duckdb").toString();
        ToolOutcome.Failed sf = (ToolOutcome.Failed) run(command("transfer", Map.of(
                "source", Map.of("type", "snowflake", "query", "SELECT 1"),
                "target", Map.of("type", "duckdb", "table", "t")))).outcome();
        assertThat(sf.error().type()).isEqualTo("UnsupportedTool");
        assertThat(sf.error().message()).contains("source of type 'snowflake' is not supported here");
        ToolOutcome.Failed mapping = (ToolOutcome.Failed) run(command("transfer", Map.of(
                "source", Map.of("type", "duckdb", "connection", db, "query", "SELECT 1 AS a"),
                "target", Map.of("type", "duckdb", "connection", db, "table", "t", "mapping", Map.of("x", "b")))))
                .outcome();
        assertThat(mapping.error().type()).isEqualTo("ConfigError");
        assertThat(mapping.error().message()).contains("no field 'b'").contains("[a]");
        ToolOutcome.Failed sql = (ToolOutcome.Failed) run(command("transfer", Map.of(
                "source", Map.of("type", "duckdb", "connection", db, "query", "SELECT * FROM missing_table"),
                "target", Map.of("type", "duckdb", "connection", db, "table", "t")))).outcome();
        assertThat(sql.error().type()).isEqualTo("SqlError");
        assertThat(sql.error().message()).startsWith("transfer read from duckdb failed");
    }
}
