package io.noetl.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server tests talk to: {@code NOETL_TEST_PG_URL} (a JDBC URL), default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}. {@code .ci/run} installs and starts one.
 */
public final class PostgresTestDatabase {

    private PostgresTestDatabase() {
    }

    public static String jdbcUrl() {
        String env = System.getenv("NOETL_TEST_PG_URL");
        return env != null && !env.isBlank() ? env : "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    }

    /**
     * Whether tests must fail (rather than skip) when PostgreSQL is unreachable: {@code NOETL_TEST_PG_REQUIRED=1},
     * which CI sets after starting a server, so a broken database set-up cannot pass as skipped tests.
     */
    public static boolean required() {
        return "1".equals(System.getenv("NOETL_TEST_PG_REQUIRED"));
    }

    /** Whether a server answers at {@link #jdbcUrl()} (needs the PostgreSQL driver on the class path). */
    public static boolean reachable() {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
