package io.noetl.sink.index;

import static io.noetl.sink.index.StreamFixtures.error;
import static io.noetl.sink.index.StreamFixtures.event;
import static io.noetl.sink.index.StreamFixtures.record;
import static io.noetl.sink.index.StreamFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.schemas.Names;
import io.noetl.schemas.stream.Kinds;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.embed.HashingEmbedder;
import io.noetl.sink.embed.TextNormalizer;
import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.stores.embed.EmbeddingInput;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.PointIds;
import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.SearchRequest;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorIndexTest {

    private static final Names NAMES = new Names("vt_");

    @TempDir
    Path root;
    private EmbeddedVectorStore store;
    private Embeddings embeddings;
    private VectorIndex index;

    @BeforeEach
    void open() {
        store = EmbeddedVectorStore.open(root);
        embeddings = Embeddings.defaults();
        index = new VectorIndex(store, embeddings, NAMES);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<RejectedRecord> write(List<ConsumerRecord<byte[], byte[]>> records) {
        if (index.currentVersion() == 0) {
            index.createVersion(1);
            index.switchTo(1);
        }
        return index.write(1, records);
    }

    @Test
    @DisplayName("an error event becomes one failure point keyed by its event id, searchable by similar text")
    void errorEventBecomesFailurePoint() {
        var rejected = write(List.of(
                record(NAMES.eventsTopic(), error("ev1", "ex1", "load", "connection refused to db:5432")),
                record(NAMES.eventsTopic(), event("ev2", "ex1", Kinds.TASK_END, "extract", 10))));

        assertThat(rejected).isEmpty();
        assertThat(index.count(Collections.FAILURES, 1)).isEqualTo(1);
        Payload p = store.get(Collections.FAILURES, PointIds.of("ev1")).orElseThrow().payload();
        assertThat(p.executionId()).isEqualTo("ex1");
        assertThat(p.step()).isEqualTo("load");
        assertThat(p.errorClass()).isEqualTo("connection");
        assertThat(p.templateId()).isEqualTo("tpl-load");
        assertThat(p.resolution()).isNull();
        assertThat(p.text()).contains("connection refused to <*>", "load", "http");

        float[] q = embeddings.embed(EmbeddingInput.of("connection refused to db:6543 load"));
        List<SearchHit> hits = store.search(Collections.FAILURES, SearchRequest.of(q, 5));
        assertThat(hits).first().satisfies(h -> assertThat(h.id()).isEqualTo(PointIds.of("ev1")));
    }

    @Test
    @DisplayName("traces give one execution point per execution (the one with most events) and one playbook point "
            + "per playbook version with the union of steps seen")
    void tracesBecomeExecutionAndPlaybookPoints() {
        write(List.of(
                record(NAMES.tracesTopic(), trace("ex1", "RUNNING", 3, "extract")),
                record(NAMES.tracesTopic(), trace("ex1", "FAILED", 7, "extract", "load")),
                record(NAMES.tracesTopic(), trace("ex2", "COMPLETED", 5, "extract", "transform"))));

        assertThat(index.count(Collections.EXECUTIONS, 1)).isEqualTo(2);
        Payload ex1 = store.get(Collections.EXECUTIONS, PointIds.of("ex1")).orElseThrow().payload();
        assertThat(ex1.status()).isEqualTo("FAILED");
        assertThat(ex1.step()).isEqualTo("load");
        assertThat(ex1.text()).contains("playbook demo/etl", "failed step load", "connection refused to db:5432",
                "critical path extract > load");

        assertThat(index.count(Collections.PLAYBOOKS, 1)).isEqualTo(1);
        Payload pb = store.get(Collections.PLAYBOOKS, PointIds.of("demo/etl@v1")).orElseThrow().payload();
        assertThat(pb.text()).isEqualTo("playbook demo/etl v1 | steps: extract (python), load (python), "
                + "transform (python)");

        write(List.of(record(NAMES.tracesTopic(), trace("ex3", "COMPLETED", 5, "publish"))));
        assertThat(store.get(Collections.PLAYBOOKS, PointIds.of("demo/etl@v1")).orElseThrow().payload().text())
                .endsWith("transform (python), publish (python)");
    }

    @Test
    @DisplayName("writing the same records twice leaves the same number of points")
    void writesAreIdempotent() {
        var batch = List.of(record(NAMES.eventsTopic(), error("ev1", "ex1", "load", "boom")),
                record(NAMES.tracesTopic(), trace("ex1", "FAILED", 7, "extract", "load")));
        write(batch);
        write(batch);

        assertThat(index.count(1)).isEqualTo(3);
    }

    @Test
    @DisplayName("malformed JSON, an error event without id and a too large payload are rejected with reasons; the "
            + "rest is written")
    void badRecordsAreRejectedWithReasons() {
        var malformed = record(NAMES.eventsTopic(), "{not json");
        var noId = record(NAMES.eventsTopic(), error(null, "ex1", "load", "boom"));
        var huge = record(NAMES.eventsTopic(), error("ev9", "ex1", "load", "x".repeat(70_000)));
        var good = record(NAMES.eventsTopic(), error("ev1", "ex1", "load", "boom"));

        var rejected = write(List.of(malformed, noId, huge, good));

        assertThat(rejected).extracting(RejectedRecord::record).containsExactly(malformed, noId, huge);
        assertThat(rejected.get(0).reason()).contains("malformed NormalizedEvent");
        assertThat(rejected.get(1).reason()).contains("without event_id");
        assertThat(rejected.get(2).reason()).contains("payload too large");
        assertThat(index.count(Collections.FAILURES, 1)).isEqualTo(1);
    }

    @Test
    @DisplayName("vectors of the wrong dimension are rejected point by point with the store's reason")
    void wrongDimensionIsRejected() {
        index.createVersion(1);
        index.switchTo(1);
        index.close();
        store = EmbeddedVectorStore.open(root);
        index = new VectorIndex(store, new Embeddings(new HashingEmbedder(16), new TextNormalizer(), 10), NAMES);

        var r = record(NAMES.eventsTopic(), error("ev1", "ex1", "load", "boom"));
        var rejected = index.write(1, List.of(r));

        assertThat(rejected).singleElement().satisfies(x -> assertThat(x.reason())
                .contains("dimension mismatch, expected 384, got 16"));
    }

    @Test
    @DisplayName("an index whose embedder changed dimension says so, naming both dimensions and the replay that fixes it")
    void embedderChangeIsReported() {
        assertThat(index.dimensionMismatch()).as("no version yet").isEmpty();
        index.createVersion(1);
        index.switchTo(1);
        assertThat(index.dimensionMismatch()).as("same embedder").isEmpty();
        index.close();
        store = EmbeddedVectorStore.open(root);
        index = new VectorIndex(store, new Embeddings(new HashingEmbedder(16), new TextNormalizer(), 10), NAMES);

        assertThat(index.dimensionMismatch()).hasValueSatisfying(m -> assertThat(m)
                .contains("version 1 holds 384-dimensional vectors").contains("gives 16")
                .contains("noetl replay --target vectors"));
    }

    @Test
    @DisplayName("a version is three collections; switchTo moves all three aliases; the current one cannot be dropped")
    void versionsAndAliases() {
        assertThat(index.currentVersion()).isZero();
        index.createVersion(1);
        index.createVersion(2);
        index.switchTo(2);

        assertThat(index.versions()).containsExactly(1, 2);
        assertThat(index.currentVersion()).isEqualTo(2);
        assertThat(store.aliasTarget(Collections.EXECUTIONS)).contains("noetl_executions_v2");
        assertThat(store.aliasTarget(Collections.PLAYBOOKS)).contains("noetl_playbooks_v2");
        assertThatThrownBy(() -> index.dropVersion(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is current");
        assertThatThrownBy(() -> index.switchTo(5)).hasMessageContaining("version 5 does not exist");
        index.dropVersion(1);
        assertThat(index.versions()).containsExactly(2);
        assertThat(new VectorIndex(store, embeddings, NAMES).currentVersion()).isEqualTo(2);
    }
}
