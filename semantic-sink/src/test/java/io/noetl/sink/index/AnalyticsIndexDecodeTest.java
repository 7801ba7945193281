package io.noetl.sink.index;

import static io.noetl.sink.index.StreamFixtures.alert;
import static io.noetl.sink.index.StreamFixtures.decision;
import static io.noetl.sink.index.StreamFixtures.event;
import static io.noetl.sink.index.StreamFixtures.metrics;
import static io.noetl.sink.index.StreamFixtures.record;
import static io.noetl.sink.index.StreamFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Names;
import io.noetl.schemas.stream.Kinds;
import io.noetl.stores.analytics.DecisionRow;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnalyticsIndexDecodeTest {

    private static final Names NAMES = new Names("at_");
    private final AnalyticsIndex index = new AnalyticsIndex(null, NAMES);

    @Test
    @DisplayName("records are sorted into the batch by topic, and each row remembers its record")
    void recordsBecomeRowsByTopic() {
        var ev = record(NAMES.eventsTopic(), event("ev1", "ex1", Kinds.TASK_END, "load", 10));
        var tr = record(NAMES.tracesTopic(), trace("ex1", "COMPLETED", 4, "load"));
        var me = record(NAMES.stepMetricsTopic(), metrics("load", StreamFixtures.T0));
        var al = record(NAMES.alertsTopic(), alert("al1"));
        var other = record("unrelated", "{}");

        var d = index.decode(List.of(ev, tr, me, al, other));

        assertThat(d.rejected()).isEmpty();
        assertThat(d.batch().events()).singleElement().satisfies(e -> assertThat(e.eventId()).isEqualTo("ev1"));
        assertThat(d.batch().traces()).hasSize(1);
        assertThat(d.batch().stepMetrics()).hasSize(1);
        assertThat(d.batch().alerts()).hasSize(1);
        assertThat(d.batch().decisions()).isEmpty();
        assertThat(d.origin().get(d.batch().traces().getFirst())).isSameAs(tr);
        assertThat(d.origin().get(d.batch().alerts().getFirst())).isSameAs(al);
    }

    @Test
    @DisplayName("a decision event is written as an event and as a decision row read from its result")
    void decisionEventBecomesDecisionRow() {
        var r = record(NAMES.eventsTopic(), decision("ev7", "ex1", "approve_load", "reject"));

        var d = index.decode(List.of(r));

        assertThat(d.batch().events()).hasSize(1);
        DecisionRow row = d.batch().decisions().getFirst();
        assertThat(row).isEqualTo(new DecisionRow("ev7", "ex1", "demo/etl", "approve_load", "reject", "alice",
                "looks right", StreamFixtures.T0));
        assertThat(d.origin().get(row)).isSameAs(r);
    }

    @Test
    @DisplayName("malformed values, empty values and a decision without action are rejected with reasons")
    void badRecordsAreRejected() {
        var malformed = record(NAMES.tracesTopic(), "[1,2");
        var empty = new org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>(NAMES.alertsTopic(), 0, 5L,
                null, new byte[0]);
        var noAction = record(NAMES.eventsTopic(), "{\"event_id\":\"e1\",\"execution_id\":\"x\",\"kind\":\"decision\"}");

        var d = index.decode(List.of(malformed, empty, noAction));

        assertThat(d.batch().size()).isZero();
        assertThat(d.rejected()).extracting(RejectedRecord::reason).satisfiesExactly(
                r -> assertThat(r).contains("malformed ExecutionTrace"),
                r -> assertThat(r).contains(NAMES.alertsTopic() + "-0@5: empty value"),
                r -> assertThat(r).contains("decision event e1 has no action"));
    }
}
