package io.noetl.worker.tool.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records of an HTTP JSON answer: the array at {@code data_path} (dot notation; the answer itself when absent),
 * a single object as one record. Columns are the keys of the records in order of appearance, or the source fields
 * {@code mapping} names (dotted paths reach into nested objects).
 */
final class HttpRows implements RowSource {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private final List<String> columns;
    private final List<Integer> types = new ArrayList<>();
    private final List<JsonNode> records;
    private int next;

    HttpRows(Map<String, Object> source, List<String> fields, Duration timeout)
            throws IOException, InterruptedException {
        Object url = source.get("url") != null ? source.get("url") : source.get("endpoint");
        if (url == null) {
            throw new IllegalArgumentException("transfer source of type http needs 'url'");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(String.valueOf(url))).timeout(timeout)
                .header("Accept", "application/json");
        if (source.get("headers") instanceof Map<?, ?> headers) {
            headers.forEach((k, v) -> b.header(String.valueOf(k), String.valueOf(v)));
        }
        String method = source.get("method") == null ? "GET" : String.valueOf(source.get("method")).toUpperCase();
        Object body = source.get("body");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body instanceof String s ? s.getBytes() : Json.bytes(body)));
        HttpResponse<byte[]> response = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new HttpSourceException(method + " " + url + " answered HTTP " + response.statusCode(),
                    response.statusCode());
        }
        JsonNode data = Json.tree(response.body());
        if (source.get("data_path") instanceof String path && !path.isBlank()) {
            for (String part : path.split("\\.")) {
                data = data.isObject() ? data.path(part) : data;
            }
        }
        records = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(records::add);
        } else if (!data.isMissingNode() && !data.isNull()) {
            records.add(data);
        }
        if (fields != null) {
            columns = fields;
        } else {
            Set<String> keys = new LinkedHashSet<>();
            records.forEach(r -> r.fieldNames().forEachRemaining(keys::add));
            columns = new ArrayList<>(keys);
        }
        for (String column : columns) {
            types.add(typeOf(column));
        }
    }

    private int typeOf(String column) {
        for (JsonNode r : records) {
            JsonNode v = at(r, column);
            if (v == null || v.isNull()) {
                continue;
            }
            return v.isIntegralNumber() ? Types.BIGINT : v.isNumber() ? Types.DOUBLE : v.isBoolean() ? Types.BOOLEAN
                    : Types.VARCHAR;
        }
        return Types.VARCHAR;
    }

    private static JsonNode at(JsonNode record, String path) {
        JsonNode v = record;
        for (String part : path.split("\\.")) {
            v = v == null ? null : v.get(part);
        }
        return v;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<Integer> types() {
        return types;
    }

    @Override
    public int[] precision(int i) {
        return null;
    }

    @Override
    public List<Object[]> next(int n) {
        List<Object[]> out = new ArrayList<>();
        while (out.size() < n && next < records.size()) {
            JsonNode r = records.get(next++);
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                JsonNode v = at(r, columns.get(i));
                row[i] = v == null || v.isNull() ? null : v.isContainerNode() ? Json.string(v) : Json.plain(v);
            }
            out.add(row);
        }
        return out;
    }

    @Override
    public void close() {
        // nothing held open
    }

    /** The source answered with an error status. */
    static final class HttpSourceException extends IOException {
        final int status;

        HttpSourceException(String message, int status) {
            super(message);
            this.status = status;
        }
    }
}
