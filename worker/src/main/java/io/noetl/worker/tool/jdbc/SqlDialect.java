package io.noetl.worker.tool.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** What differs between the SQL tools' databases. */
public interface SqlDialect {

    /** Binds one value (already JSON-encoded when it was a map or list) at {@code index}. */
    void bind(PreparedStatement ps, int index, Object value) throws SQLException;

    /** Whether {@code table} exists. */
    boolean tableExists(java.sql.Connection c, String schema, String table) throws SQLException;
}
