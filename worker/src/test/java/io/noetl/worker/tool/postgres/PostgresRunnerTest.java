package io.noetl.worker.tool.postgres;

import static io.noetl.worker.Commands.command;
import static io.noetl.worker.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.embedded.LoopbackPorts;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.error.ErrorClassifier;
import io.noetl.schemas.playbook.KeychainEntry;
import io.noetl.testkit.PostgresTestDatabase;
import io.noetl.worker.tool.ToolOutcome;
import io.noetl.worker.tool.jdbc.SqlErrors;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/** Against the real PostgreSQL of the test machine (skipped when none answers). */
class PostgresRunnerTest {

    private static void assumePostgres() {
        if (PostgresTestDatabase.required() && !PostgresTestDatabase.reachable()) {
            throw new AssertionError("NOETL_TEST_PG_REQUIRED=1 but no PostgreSQL answers at " + PostgresTestDatabase.jdbcUrl());
        }
        Assumptions.assumeTrue(PostgresTestDatabase.reachable(),
                "PostgreSQL not reachable at " + PostgresTestDatabase.jdbcUrl() + " (set NOETL_TEST_PG_URL)");
    }

    @Test
    void insertsIntoAnAutoCreatedTableFromTheKeychainConnectionAndSelectsRows() throws Exception {
        assumePostgres();
        String table = "noetl_worker_test_" + Long.toHexString(System.nanoTime());
        List<KeychainEntry> keychain = List.of(new KeychainEntry("pg", "postgres", PostgresTestDatabase.jdbcUrl(), null));
        ToolOutcome ins = run(command("postgres", Map.of("connection", "{{ keychain.pg }}", "table", table,
                "data", List.of(Map.of("id", 1, "note", "{{ workload.n }}"), Map.of("id", 2, "note", "b"))),
                Map.of("workload", Map.of("n", 7)), keychain, null)).outcome();
        assertThat(ins).isInstanceOf(ToolOutcome.Succeeded.class);
        try {
            ToolOutcome.Succeeded sel = (ToolOutcome.Succeeded) run(command("postgres", Map.of(
                    "command", "SELECT id, note FROM " + table + " ORDER BY id"), Map.of(), keychain, null)).outcome();
            assertThat(sel.result().path("row_count").asInt()).isEqualTo(2);
            assertThat(sel.result().path("rows").get(0).path("note").asText()).isEqualTo("7");
        } finally {
            run(command("postgres", Map.of("command", "DROP TABLE " + table), Map.of(), keychain, null));
        }
    }

    @Test
    @DisplayName("SQL under NoETL's query: a list of statements runs in order, the last one's rows are the result")
    void runsAListOfStatementsUnderQuery() throws Exception {
        assumePostgres();
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("postgres", Map.of(
                "connection", PostgresTestDatabase.jdbcUrl(),
                "query", List.of("CREATE TEMP TABLE q (v int)", "INSERT INTO q VALUES ({{ workload.n }}), (4)",
                        "SELECT sum(v) AS total FROM q")))).outcome();
        assertThat(ok.result().path("rows").get(0).path("total").asInt()).isEqualTo(7);
    }

    @Test
    @DisplayName("auth names a worker credential (NoETL's db_* fields) to connect with; its password is hidden")
    void authNamesAWorkerCredential() throws Exception {
        assumePostgres();
        java.net.URI url = java.net.URI.create(PostgresTestDatabase.jdbcUrl().substring("jdbc:".length()));
        Map<String, String> query = new java.util.HashMap<>();
        if (url.getQuery() != null) {
            for (String pair : url.getQuery().split("&")) {
                query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        Map<String, Object> credential = new java.util.HashMap<>(Map.of("db_host", url.getHost(),
                "db_port", url.getPort(), "db_name", url.getPath().substring(1),
                "db_user", query.getOrDefault("user", "postgres")));
        credential.put("db_password", query.getOrDefault("password", ""));
        var ex = run(command("postgres", Map.of("auth", "{{ workload.pg_auth }}", "query", "SELECT 5 AS five"),
                Map.of("workload", Map.of("pg_auth", "pg_local")), List.of(), null),
                Map.of("NOETL_CREDENTIAL_PG_LOCAL", io.noetl.schemas.Json.string(credential)),
                new io.noetl.worker.cancel.CancelRegistry());
        assertThat(((ToolOutcome.Succeeded) ex.outcome()).result().path("rows").get(0).path("five").asInt())
                .isEqualTo(5);
        if (!query.getOrDefault("password", "").isEmpty()) {
            assertThat(ex.keychain().secrets()).contains(query.get("password"));
        }
        ToolOutcome.Failed unknown = (ToolOutcome.Failed) run(command("postgres", Map.of("auth", "pg_none",
                "query", "SELECT 1"))).outcome();
        assertThat(unknown.error().type()).isEqualTo("ConfigError");
        assertThat(unknown.error().message()).contains("pg_none").contains("NOETL_CREDENTIAL_PG_NONE");
    }

    @Test
    void reportsBadSqlAsNotRetriableSqlError() throws Exception {
        assumePostgres();
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("postgres", Map.of(
                "connection", PostgresTestDatabase.jdbcUrl(), "command", "SELECT * FROM no_such_table_x"))).outcome();
        assertThat(failed.error().type()).isEqualTo("SqlError");
        assertThat(failed.error().message()).contains("42P01");
        assertThat(failed.error().retriable()).isFalse();
    }

    @Test
    void reportsAnUnreachableServerAsRetriableConnectionError() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("postgres", Map.of(
                "connection", "postgresql://u:p@127.0.0.1:" + LoopbackPorts.free() + "/db", "command", "SELECT 1")))
                .outcome();
        assertThat(failed.error().type()).isEqualTo("ConnectionError");
        assertThat(failed.error().retriable()).isTrue();
    }

    @Test
    @DisplayName("a connect failure the server answered keeps its SQLSTATE: no slot left is retriable and exhausted")
    void connectFailureAnsweredByTheServerKeepsItsState() {
        SQLException full = new PSQLException(new ServerErrorMessage(
                "SFATAL\0C53300\0Mtoo many connections for role \"etl\"\0"));
        assertThat((Object) PostgresRunner.withConnectionState(full)).isSameAs(full);
        ToolOutcome.Failed failed = SqlErrors.classify("connect to postgres", PostgresRunner.withConnectionState(full));
        assertThat(failed.error().message()).contains("[53300]").contains("too many connections");
        assertThat(failed.error().retriable()).isTrue();
        assertThat(ErrorClassifier.standard().classify(failed.error().type(), failed.error().message()))
                .isEqualTo(ErrorClass.RESOURCE_EXHAUSTED);
        SQLException noConnect = new PSQLException(new ServerErrorMessage(
                "SFATAL\0C42501\0Mpermission denied for database \"billing\"\0"));
        assertThat(PostgresRunner.withConnectionState(noConnect).getSQLState()).isEqualTo("42501");
    }

    @Test
    @DisplayName("a server that could not be reached at all is reported as 08001")
    void unreachableServerIsReportedAs08001() {
        SQLException refused = new PSQLException("Connection to 127.0.0.1:1 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        assertThat(PostgresRunner.withConnectionState(refused).getSQLState()).isEqualTo("08001");
        SQLException stateless = new SQLException("The connection attempt failed.");
        assertThat(PostgresRunner.withConnectionState(stateless).getSQLState()).isEqualTo("08001");
        assertThat(PostgresRunner.withConnectionState(stateless).getCause()).isSameAs(stateless);
    }

    @Test
    void acceptsAConnectionMap() {
        PgConnectionSpec spec = PgConnectionSpec.parse(Map.of("host", "db", "port", 6543, "user", "u",
                "password", "p@ss", "database", "x"));
        assertThat(spec.jdbcUrl()).isEqualTo("jdbc:postgresql://db:6543/x");
        assertThat(spec.properties().getProperty("password")).isEqualTo("p@ss");
        PgConnectionSpec uri = PgConnectionSpec.parse("postgresql://me:s%40cret@h:5433/d?sslmode=disable");
        assertThat(uri.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5433/d?sslmode=disable");
        assertThat(uri.properties().getProperty("password")).isEqualTo("s@cret");
    }
}
