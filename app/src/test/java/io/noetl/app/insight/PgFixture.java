package io.noetl.app.insight;

import io.noetl.testkit.PostgresTestDatabase;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the PostgreSQL scenarios run against: a schema of this run with tables, constraints and a row, and roles of
 * this run (one without rights on a table, one that may not log in, one allowed no connection); the connection
 * strings the playbooks read from the workload. Dropped by {@link #close()}.
 */
final class PgFixture implements AutoCloseable {

    private final String adminUrl;
    private final String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFL);
    private final String schema = "diag_" + suffix;
    private final String limited = "diag_ro_" + suffix;
    private final String nologin = "diag_nl_" + suffix;
    private final String limit0 = "diag_l0_" + suffix;
    private final boolean passwordsEnforced;
    private final Connection lockHolder;

    private PgFixture(String adminUrl) throws SQLException {
        this.adminUrl = adminUrl;
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            st.execute("CREATE TABLE " + schema + ".orders (id int PRIMARY KEY, email text NOT NULL, "
                    + "amount numeric CHECK (amount >= 0))");
            st.execute("INSERT INTO " + schema + ".orders VALUES (1, 'first@example.com', 10)");
            st.execute("CREATE TABLE " + schema + ".order_lines (order_id int REFERENCES " + schema
                    + ".orders(id), sku text, qty int)");
            st.execute("CREATE TABLE " + schema + ".payroll (employee text, salary int)");
            st.execute("CREATE TABLE " + schema + ".countries (code varchar(2))");
            st.execute("CREATE TABLE " + schema + ".ledger (id int)");
            st.execute("CREATE ROLE " + limited + " LOGIN PASSWORD 'limited-pw'");
            st.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + limited);
            st.execute("REVOKE ALL ON " + schema + ".payroll FROM PUBLIC");
            st.execute("CREATE ROLE " + nologin + " NOLOGIN");
            st.execute("CREATE ROLE " + limit0 + " LOGIN PASSWORD 'limit0-pw' CONNECTION LIMIT 0");
        }
        this.passwordsEnforced = rejects(withUser(limited, "not-the-password", database()));
        // a transaction of the fixture keeps the ledger locked, so a statement with a lock timeout waits for it
        this.lockHolder = DriverManager.getConnection(adminUrl);
        lockHolder.setAutoCommit(false);
        try (Statement st = lockHolder.createStatement()) {
            st.execute("LOCK TABLE " + schema + ".ledger IN ACCESS EXCLUSIVE MODE");
        }
    }

    /** The fixture, or null when the server cannot be reached. */
    static PgFixture startOrNull() {
        if (!PostgresTestDatabase.reachable()) {
            return null;
        }
        try {
            return new PgFixture(PostgresTestDatabase.jdbcUrl());
        } catch (SQLException e) {
            throw new IllegalStateException("set up the PostgreSQL scenarios' schema and roles", e);
        }
    }

    /** Whether the server checks passwords (a trust set-up lets any password in). */
    boolean passwordsEnforced() {
        return passwordsEnforced;
    }

    /** The workload entries the PostgreSQL scenarios read. */
    Map<String, Object> workload(int closedPort) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("schema", schema);
        w.put("pg", adminUrl);
        w.put("pg_limited", withUser(limited, "limited-pw", database()));
        w.put("pg_nologin", withUser(nologin, "x", database()));
        w.put("pg_limit0", withUser(limit0, "limit0-pw", database()));
        w.put("pg_unknown_role", withUser("diag_nobody_" + suffix, "x", database()));
        w.put("pg_badpw", withUser(limited, "not-the-password", database()));
        w.put("pg_nodb", withUser(user(), password(), "diag_no_such_db_" + suffix));
        w.put("pg_closed", "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres?user=postgres&connectTimeout=5");
        w.put("pg_badhost", "jdbc:postgresql://pg-primary.invalid:5432/postgres?user=postgres&connectTimeout=5");
        return w;
    }

    private String withUser(String user, String password, String db) {
        URI u = uri();
        return "jdbc:postgresql://" + u.getHost() + ":" + (u.getPort() < 0 ? 5432 : u.getPort()) + "/" + db
                + "?user=" + user + (password == null ? "" : "&password=" + password);
    }

    private URI uri() {
        return URI.create(adminUrl.substring("jdbc:".length()));
    }

    private String database() {
        String path = uri().getPath();
        return path == null || path.length() <= 1 ? "postgres" : path.substring(1);
    }

    private String user() {
        return query("user", "postgres");
    }

    private String password() {
        return query("password", null);
    }

    private String query(String key, String fallback) {
        String q = uri().getQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals(key) && kv.length == 2) {
                    return kv[1];
                }
            }
        }
        return fallback;
    }

    private static boolean rejects(String url) {
        try (Connection ignored = DriverManager.getConnection(url)) {
            return false;
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try (lockHolder) {
            lockHolder.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("release the lock on " + schema + ".ledger", e);
        }
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            for (String role : new String[] {limited, nologin, limit0}) {
                st.execute("DROP ROLE IF EXISTS " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("drop the PostgreSQL scenarios' schema " + schema, e);
        }
    }
}
