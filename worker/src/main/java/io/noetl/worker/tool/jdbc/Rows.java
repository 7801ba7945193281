package io.noetl.worker.tool.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Base64;

/** Reads result rows as JSON objects (column label → value). */
final class Rows {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Rows() {
    }

    /** Appends up to {@code max} rows to {@code out}; returns how many rows the result set had. */
    static long read(ResultSet rs, ArrayNode out, int max) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        long count = 0;
        while (rs.next()) {
            count++;
            if (count > max) {
                continue;
            }
            ObjectNode row = out.addObject();
            for (int i = 1; i <= n; i++) {
                row.set(md.getColumnLabel(i), value(rs.getObject(i), md.getColumnTypeName(i)));
            }
        }
        return count;
    }

    private static JsonNode value(Object v, String typeName) throws SQLException {
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return F.numberNode(((Number) v).longValue());
        }
        if (v instanceof BigDecimal d) {
            return F.numberNode(d);
        }
        if (v instanceof java.math.BigInteger bi) {
            return F.numberNode(bi);
        }
        if (v instanceof Number num) {
            return F.numberNode(num.doubleValue());
        }
        if (v instanceof byte[] bytes) {
            return F.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (v instanceof Array array) {
            ArrayNode a = F.arrayNode();
            for (Object item : (Object[]) array.getArray()) {
                a.add(value(item, null));
            }
            return a;
        }
        String text = v.toString();
        if (typeName != null && typeName.toLowerCase(java.util.Locale.ROOT).startsWith("json")) {
            try {
                return Json.tree(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notJson) {
                return F.textNode(text);
            }
        }
        return F.textNode(text);
    }
}
