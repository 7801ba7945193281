package io.noetl.worker.tool.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Parameterized insert of a map or list of maps into a table, created with TEXT columns when missing. */
final class TableInsert {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private TableInsert() {
    }

    /** @return rows inserted */
    static int insert(Connection c, String table, Object data, SqlDialect dialect) throws SQLException {
        List<Map<?, ?>> rows = rows(data);
        String[] parts = table.split("\\.", -1);
        if (parts.length > 2 || !java.util.Arrays.stream(parts).allMatch(p -> IDENTIFIER.matcher(p).matches())) {
            throw new IllegalArgumentException("invalid table name '" + table + "'");
        }
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> r.keySet().forEach(k -> columns.add(String.valueOf(k))));
        for (String col : columns) {
            if (!IDENTIFIER.matcher(col).matches()) {
                throw new IllegalArgumentException("invalid column name '" + col + "'");
            }
        }
        if (rows.isEmpty() || columns.isEmpty()) {
            return 0;
        }
        String qualified = java.util.Arrays.stream(parts).map(TableInsert::quote).collect(Collectors.joining("."));
        String schema = parts.length == 2 ? parts[0] : null;
        String name = parts[parts.length - 1];
        if (!dialect.tableExists(c, schema, name)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS " + qualified + " ("
                        + columns.stream().map(col -> quote(col) + " TEXT").collect(Collectors.joining(", ")) + ")");
            }
        }
        String sql = "INSERT INTO " + qualified + " (" + columns.stream().map(TableInsert::quote)
                .collect(Collectors.joining(", ")) + ") VALUES ("
                + columns.stream().map(col -> "?").collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map<?, ?> row : rows) {
                int i = 1;
                for (String col : columns) {
                    dialect.bind(ps, i++, SqlTool.parameter(row.get(col)));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    private static List<Map<?, ?>> rows(Object data) {
        if (data instanceof Map<?, ?> m) {
            return List.of(m);
        }
        if (data instanceof Collection<?> c) {
            List<Map<?, ?>> out = new ArrayList<>();
            for (Object o : c) {
                if (!(o instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException("'data' must be a map or a list of maps");
                }
                out.add(m);
            }
            return out;
        }
        throw new IllegalArgumentException("'data' must be a map or a list of maps");
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }
}
