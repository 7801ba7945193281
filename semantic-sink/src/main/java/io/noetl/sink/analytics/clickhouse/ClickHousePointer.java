package io.noetl.sink.analytics.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.sink.index.SinkIndex;
import io.noetl.stores.analytics.AnalyticsStoreException;
import io.noetl.stores.analytics.AnalyticsTables;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current-version pointer in ClickHouse: the latest row (by {@code switched_at_ms}) of the pointer table. Read
 * again at most every {@link SinkIndex#POINTER_REFRESH_MS}, so other processes' switches are seen within that time;
 * a switch writes a row later than every row seen, so it wins even against a clock behind the last switcher's.
 */
final class ClickHousePointer {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHousePointer.class);

    private final ClickHouseHttp http;
    private volatile int current;
    private volatile long currentSwitchedMs;
    private volatile long readAt;

    ClickHousePointer(ClickHouseHttp http) {
        this.http = http;
    }

    /** Creates the pointer table when missing. */
    void createTable() {
        http.execute("create pointer table", ClickHouseSql.pointerDdl(http.database()));
    }

    /** @return the current version, re-read when the one known is older than the refresh interval */
    int current() {
        if (System.currentTimeMillis() - readAt > SinkIndex.POINTER_REFRESH_MS) {
            try {
                read();
            } catch (AnalyticsStoreException e) {
                LOG.warn("cannot re-read the analytics version pointer, using version {}: {}", current,
                        e.getMessage());
            }
        }
        return current;
    }

    /** @return the current version as it was last read, without reading it again */
    int known() {
        return current;
    }

    /** Reads the pointer now. */
    synchronized void read() {
        List<JsonNode> rows = http.rows("read the analytics version pointer", "SELECT version, switched_at_ms FROM "
                + http.database() + "." + AnalyticsTables.POINTER + " FINAL ORDER BY switched_at_ms DESC LIMIT 1");
        if (!rows.isEmpty()) {
            current = rows.getFirst().path("version").asInt();
            currentSwitchedMs = rows.getFirst().path("switched_at_ms").asLong();
        }
        readAt = System.currentTimeMillis();
    }

    /** Points readers at {@code version} (which exists). */
    synchronized void switchTo(int version) {
        read();
        long now = System.currentTimeMillis();
        long switchedMs = Math.max(now, currentSwitchedMs + 1);
        String row = "{\"id\":1,\"version\":" + version + ",\"switched_at\":" + switchedMs / 1000
                + ",\"switched_at_ms\":" + switchedMs + "}\n";
        http.insert("switch analytics to version " + version, AnalyticsTables.POINTER,
                row.getBytes(StandardCharsets.UTF_8));
        LOG.info("analytics store now reads version {} (was {})", version, current);
        current = version;
        currentSwitchedMs = switchedMs;
        readAt = System.currentTimeMillis();
    }
}
