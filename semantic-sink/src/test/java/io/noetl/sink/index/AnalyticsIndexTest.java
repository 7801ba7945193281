package io.noetl.sink.index;

import static io.noetl.sink.index.StreamFixtures.alert;
import static io.noetl.sink.index.StreamFixtures.decision;
import static io.noetl.sink.index.StreamFixtures.event;
import static io.noetl.sink.index.StreamFixtures.metrics;
import static io.noetl.sink.index.StreamFixtures.record;
import static io.noetl.sink.index.StreamFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.schemas.Names;
import io.noetl.schemas.stream.Kinds;
import io.noetl.sink.analytics.duckdb.DuckDbAnalyticsStore;
import io.noetl.stores.analytics.AnalyticsTables;
import io.noetl.stores.analytics.TableCounts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsIndexTest {

    private static final Names NAMES = new Names("an_");

    @TempDir
    Path dir;
    private AnalyticsIndex index;

    @BeforeEach
    void open() {
        index = new AnalyticsIndex(DuckDbAnalyticsStore.open(dir.resolve("a.duckdb")), NAMES);
        index.createVersion(1);
        index.switchTo(1);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    @DisplayName("events, traces, step metrics, alerts and decisions land in their tables, once however often written")
    void everyTopicLandsInItsTable() {
        var batch = List.of(record(NAMES.eventsTopic(), event("ev1", "ex1", Kinds.TASK_END, "load", 10)),
                record(NAMES.eventsTopic(), decision("ev2", "ex1", "approve", "approve")),
                record(NAMES.tracesTopic(), trace("ex1", "COMPLETED", 2, "load")),
                record(NAMES.stepMetricsTopic(), metrics("load", StreamFixtures.T0)),
                record(NAMES.alertsTopic(), alert("al1")));

        assertThat(index.write(1, batch)).isEmpty();
        assertThat(index.write(1, batch)).isEmpty();

        assertThat(index.counts(1)).isEqualTo(new TableCounts(2, 1, 1, 1, 1));
        assertThat(index.count(1)).isEqualTo(6);
        assertThat(index.currentVersion()).isEqualTo(1);
    }

    @Test
    @DisplayName("records the store refuses come back as the Kafka records they were read from, with the store's reason")
    void storeRejectionsMapBackToTheirRecords() {
        var noKey = record(NAMES.tracesTopic(), "{\"status\":\"RUNNING\",\"event_count\":1}");
        var tooLong = record(NAMES.eventsTopic(), event("ev9", "ex1", Kinds.TASK_END, "x".repeat(
                AnalyticsTables.MAX_FIELD_BYTES + 1), 1));
        var good = record(NAMES.eventsTopic(), event("ev1", "ex1", Kinds.TASK_END, "load", 10));

        var rejected = index.write(1, List.of(noKey, tooLong, good));

        assertThat(rejected).extracting(RejectedRecord::record).containsExactlyInAnyOrder(noKey, tooLong);
        assertThat(rejected).filteredOn(r -> r.record() == noKey).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("execution_id"));
        assertThat(rejected).filteredOn(r -> r.record() == tooLong).singleElement()
                .satisfies(r -> assertThat(r.reason()).containsIgnoringCase("step"));
        assertThat(index.counts(1).events()).isEqualTo(1);
    }

    @Test
    @DisplayName("the current version cannot be dropped; versions are listed")
    void versions() {
        index.createVersion(2);
        assertThat(index.versions()).containsExactly(1, 2);
        assertThatThrownBy(() -> index.dropVersion(1)).isInstanceOf(IllegalArgumentException.class);
        index.switchTo(2);
        index.dropVersion(1);
        assertThat(index.versions()).containsExactly(2);
    }
}
