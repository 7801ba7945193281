package io.noetl.sink.analytics.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.sink.analytics.StoredRow;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code JSONEachRow} result row; 64-bit integers may come quoted (ClickHouse's default), which Jackson's
 * {@code asLong} reads alike.
 */
record ClickHouseRow(JsonNode row) implements StoredRow {

    @Override
    public String text(String column) {
        JsonNode value = row.path(column);
        return absent(value) ? null : value.asText();
    }

    @Override
    public Long number(String column) {
        JsonNode value = row.path(column);
        return absent(value) ? null : value.asLong();
    }

    @Override
    public Double decimal(String column) {
        JsonNode value = row.path(column);
        return absent(value) ? null : value.asDouble();
    }

    @Override
    public List<String> texts(String column) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : row.path(column)) {
            if (!absent(item)) {
                out.add(item.asText());
            }
        }
        return out;
    }

    @Override
    public List<Long> numbers(String column) {
        List<Long> out = new ArrayList<>();
        for (JsonNode item : row.path(column)) {
            if (!absent(item)) {
                out.add(item.asLong());
            }
        }
        return out;
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }
}
