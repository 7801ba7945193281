package io.noetl.sink.analytics.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.command.CommandResponse;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.data.ClickHouseFormat;
import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.stores.analytics.AnalyticsStoreException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's calls to ClickHouse over HTTP: statements, {@code JSONEachRow} inserts and {@code JSONEachRow} reads
 * (the only read format that works on 18.16 with uncompressed responses), each with a deadline; every failure is an
 * {@link AnalyticsStoreException} naming the operation, the server and the database.
 */
final class ClickHouseHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseHttp.class);

    private final Client client;
    private final String url;
    private final String db;
    private final long timeoutMs;

    private ClickHouseHttp(Client client, ClickHouseSettings settings) {
        this.client = client;
        this.url = settings.url();
        this.db = settings.database();
        this.timeoutMs = settings.connectTimeout().toMillis() + settings.socketTimeout().toMillis() + 1_000;
    }

    /** A client for the server the settings name, with no retries of its own (the sink paces retries). */
    static ClickHouseHttp connect(ClickHouseSettings settings) {
        Client client = new Client.Builder()
                .addEndpoint(settings.url())
                .setUsername(settings.user())
                .setPassword(settings.password())
                .compressServerResponse(false)
                .compressClientRequest(false)
                .setConnectTimeout(settings.connectTimeout().toMillis(), ChronoUnit.MILLIS)
                .setSocketTimeout(settings.socketTimeout().toMillis(), ChronoUnit.MILLIS)
                .setConnectionRequestTimeout(settings.connectTimeout().toMillis(), ChronoUnit.MILLIS)
                .setMaxRetries(0)
                .build();
        return new ClickHouseHttp(client, settings);
    }

    /** @return the database every table lives in */
    String database() {
        return db;
    }

    /** @return each row of a query, mapped */
    <T> List<T> map(String what, String sql, Function<JsonNode, T> mapper) {
        List<T> out = new ArrayList<>();
        for (JsonNode row : rows(what, sql)) {
            out.add(mapper.apply(row));
        }
        return out;
    }

    /** @return the rows of a query (without a FORMAT clause), as JSON objects */
    List<JsonNode> rows(String what, String sql) {
        try (QueryResponse response = await(what, client.query(sql + " FORMAT JSONEachRow"));
             BufferedReader reader = new BufferedReader(new InputStreamReader(response.getInputStream(),
                     StandardCharsets.UTF_8))) {
            List<JsonNode> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(Json.mapper().readTree(line));
                }
            }
            return rows;
        } catch (AnalyticsStoreException e) {
            throw e;
        } catch (Exception e) {
            throw failure(what, e);
        }
    }

    void execute(String what, String sql) {
        try (CommandResponse ignored = await(what, client.execute(sql))) {
            LOG.debug("{}: done", what);
        } catch (AnalyticsStoreException e) {
            throw e;
        } catch (Exception e) {
            throw failure(what, e);
        }
    }

    /** Inserts {@code JSONEachRow} lines into a table of the database. */
    void insert(String what, String table, byte[] jsonEachRow) {
        try (InsertResponse ignored = await(what, client.insert(db + "." + table,
                new ByteArrayInputStream(jsonEachRow), ClickHouseFormat.JSONEachRow))) {
            LOG.debug("{}: {} bytes", what, jsonEachRow.length);
        } catch (AnalyticsStoreException e) {
            throw e;
        } catch (Exception e) {
            throw failure(what, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private <T> T await(String what, CompletableFuture<T> future) {
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AnalyticsStoreException(what + " at " + url + ": no answer within " + timeoutMs + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalyticsStoreException(what + " at " + url + ": interrupted", e);
        }
    }

    private AnalyticsStoreException failure(String what, Throwable e) {
        return new AnalyticsStoreException(what + " at " + url + " (database " + db + "): " + e.getMessage(), e);
    }
}
