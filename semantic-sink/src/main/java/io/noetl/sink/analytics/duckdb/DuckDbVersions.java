package io.noetl.sink.analytics.duckdb;

import io.noetl.stores.analytics.AnalyticsTables;
import io.noetl.stores.analytics.TableCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema side of the DuckDB store: the pointer and staging tables every file has, each version's tables (found
 * by their names), the current-version pointer, and the row counts of a version.
 */
final class DuckDbVersions {

    private static final Pattern VERSION_TABLE = Pattern.compile(AnalyticsTables.EVENTS + "_v(\\d+)");

    private final DuckDbJdbc jdbc;

    DuckDbVersions(DuckDbJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the pointer table and this connection's staging tables when missing. */
    static void prepare(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(DuckDbSql.POINTER_DDL);
            for (String base : AnalyticsTables.ALL) {
                st.execute(DuckDbSql.createStage(base));
            }
        }
    }

    /** @return the version the pointer names, 0 when none was switched to */
    static int readPointer(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM " + AnalyticsTables.POINTER + " WHERE id = 1")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    List<Integer> list() {
        return jdbc.call("list analytics versions", () -> {
            TreeSet<Integer> versions = new TreeSet<>();
            try (Statement st = jdbc.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                         + "WHERE table_schema = 'main' AND table_name LIKE 'noetl_events_v%'")) {
                while (rs.next()) {
                    Matcher m = VERSION_TABLE.matcher(rs.getString(1));
                    if (m.matches()) {
                        versions.add(Integer.parseInt(m.group(1)));
                    }
                }
            }
            return List.copyOf(versions);
        });
    }

    void create(int version) {
        AnalyticsTables.of(AnalyticsTables.EVENTS, version);
        jdbc.transaction("create analytics version " + version, () -> {
            try (Statement st = jdbc.connection().createStatement()) {
                for (String base : AnalyticsTables.ALL) {
                    st.execute(DuckDbSql.createTable(base, version));
                }
            }
        });
    }

    /** Points the pointer at {@code version}, durably. */
    void point(int version) {
        jdbc.transaction("switch analytics to version " + version, () -> {
            try (PreparedStatement ps = jdbc.connection().prepareStatement("INSERT OR REPLACE INTO "
                    + AnalyticsTables.POINTER + " VALUES (1, ?, current_timestamp::TIMESTAMP)")) {
                ps.setInt(1, version);
                ps.executeUpdate();
            }
        });
    }

    void drop(int version) {
        jdbc.transaction("drop analytics version " + version, () -> {
            try (Statement st = jdbc.connection().createStatement()) {
                for (String base : AnalyticsTables.ALL) {
                    st.execute("DROP TABLE IF EXISTS " + AnalyticsTables.of(base, version));
                }
            }
        });
    }

    TableCounts counts(int version) {
        return jdbc.call("count analytics version " + version, () -> {
            long[] n = new long[AnalyticsTables.ALL.size()];
            try (Statement st = jdbc.connection().createStatement()) {
                for (int i = 0; i < n.length; i++) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM "
                            + AnalyticsTables.of(AnalyticsTables.ALL.get(i), version))) {
                        rs.next();
                        n[i] = rs.getLong(1);
                    }
                }
            }
            return new TableCounts(n[0], n[1], n[2], n[3], n[4]);
        });
    }
}
