package io.noetl.worker.tool.postgres;

import io.noetl.worker.tool.Auth;
import io.noetl.worker.tool.ToolCall;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** Connections to PostgreSQL for the tools that use it (postgres, transfer). */
public final class PgConnections {

    private PgConnections() {
    }

    /**
     * Where {@code endpoint} connects: its {@code connection}, else the credential named by its {@code auth}
     * (NoETL's auth attribute), else the first keychain entry of kind {@code postgres}.
     *
     * @throws IllegalArgumentException when {@code auth} names no credential this worker knows
     */
    public static Object target(Map<String, Object> endpoint, ToolCall call) {
        Object connection = endpoint.get("connection");
        if (connection != null) {
            return connection;
        }
        String auth = Auth.nameOf(endpoint.get("auth"));
        if (auth != null) {
            return call.auth().credential(auth).orElseThrow(() -> new IllegalArgumentException("postgres auth '"
                    + auth + "' names no credential on this worker (set " + call.auth().whereFor(auth) + ")"));
        }
        return call.keychain().firstOfKind("postgres").orElse(null);
    }

    /**
     * Connects to {@code target} (a JDBC URL, a postgresql:// URI or a map of fields).
     *
     * @throws IllegalArgumentException when {@code target} is none of the accepted forms
     * @throws SQLException             with the server's SQLSTATE, or 08001 when the server was not reached
     */
    public static Connection open(Object target) throws SQLException {
        PgConnectionSpec spec = PgConnectionSpec.parse(target);
        try {
            return DriverManager.getConnection(spec.jdbcUrl(), spec.properties());
        } catch (SQLException e) {
            throw PostgresRunner.withConnectionState(e);
        }
    }
}
