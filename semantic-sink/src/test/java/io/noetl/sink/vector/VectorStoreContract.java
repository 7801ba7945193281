package io.noetl.sink.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.PointIds;
import io.noetl.stores.vector.SearchFilter;
import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.stores.vector.VectorPoint;
import io.noetl.stores.vector.VectorStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link VectorStore} must do. An implementation's test extends this class and says how to open a store
 * (and, when it can, how to reopen it on the same data). Each test uses its own collection names, so a shared server
 * may serve every test.
 */
public abstract class VectorStoreContract {

    protected static final int DIM = 8;
    protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    protected VectorStore store;
    protected String coll;

    /** @return a new store for one test */
    protected abstract VectorStore openStore() throws Exception;

    /**
     * Closes {@code store} and opens it again on the same data.
     *
     * @return the reopened store, or null when the implementation cannot be reopened in a test
     */
    protected abstract VectorStore reopen(VectorStore store) throws Exception;

    @BeforeEach
    void openAndCreate() throws Exception {
        store = openStore();
        coll = "contract_" + UUID.randomUUID().toString().substring(0, 8);
        store.createCollection(coll, DIM);
    }

    @AfterEach
    void dropAndClose() {
        if (store != null) {
            store.dropCollection(coll);
            store.close();
        }
    }

    protected static float[] axis(int i) {
        float[] v = new float[DIM];
        v[i] = 1;
        return v;
    }

    protected static float[] near(int i, float tilt) {
        float[] v = axis(i);
        v[(i + 1) % DIM] = tilt;
        return v;
    }

    protected static VectorPoint point(String key, float[] v, Payload.Builder payload) {
        return VectorPoint.of(v, payload.key(key).build());
    }

    @Test
    @DisplayName("search returns the nearest points first, with cosine scores, up to the limit")
    void searchRanksByCosine() {
        store.upsert(coll, List.of(
                point("far", axis(3), Payload.builder()), point("near", near(0, 0.2f), Payload.builder()),
                point("nearer", near(0, 0.05f), Payload.builder()),
                point("opposite", new float[] {-1, 0, 0, 0, 0, 0, 0, 0}, Payload.builder())));

        List<SearchHit> hits = store.search(coll, SearchRequest.of(axis(0), 3));

        assertThat(hits).extracting(h -> h.payload().key()).containsExactly("nearer", "near", "far");
        assertThat(hits.getFirst().score()).isCloseTo(0.9988f, within(0.001f));
        assertThat(hits.get(2).score()).isCloseTo(0f, within(0.001f));
        assertThat(store.search(coll, SearchRequest.of(new float[] {1, 0, 0, 0, 0, 0, 0, 0}, 4)).getLast().score())
                .isCloseTo(-1f, within(0.001f));
    }

    @Test
    @DisplayName("upserting the same id again overwrites it: one point, the new vector and payload")
    void upsertSameIdOverwrites() {
        store.upsert(coll, List.of(point("evt-1", axis(0), Payload.builder().step("old"))));
        store.upsert(coll, List.of(point("evt-1", axis(1), Payload.builder().step("new"))));

        assertThat(store.count(coll)).isEqualTo(1);
        List<SearchHit> hits = store.search(coll, SearchRequest.of(axis(1), 10));
        assertThat(hits).hasSize(1);
        assertThat(hits.getFirst().id()).isEqualTo(PointIds.of("evt-1"));
        assertThat(hits.getFirst().payload().step()).isEqualTo("new");
        assertThat(hits.getFirst().score()).isCloseTo(1f, within(0.001f));
    }

    @Test
    @DisplayName("within one batch, a later point with the same id wins")
    void duplicateIdsInOneBatch() {
        store.upsert(coll, List.of(point("evt-1", axis(0), Payload.builder().step("first")),
                point("evt-1", axis(0), Payload.builder().step("second"))));

        assertThat(store.count(coll)).isEqualTo(1);
        assertThat(store.get(coll, PointIds.of("evt-1")).orElseThrow().payload().step()).isEqualTo("second");
    }

    @Test
    @DisplayName("get returns the payload as written and the vector at unit length")
    void getRoundTripsPayloadAndVector() {
        Payload payload = Payload.builder().key("evt-9").executionId("01J0EXEC").playbook("data/load").step("fetch")
                .errorClass("timeout").templateId("tpl-1").status("FAILED").time(T0.plusMillis(1234))
                .resolution("raised the timeout").text("read timed out after <*> ms").build();
        store.upsert(coll, List.of(VectorPoint.of(new float[] {3, 4, 0, 0, 0, 0, 0, 0}, payload)));

        VectorPoint got = store.get(coll, PointIds.of("evt-9")).orElseThrow();

        assertThat(got.payload()).isEqualTo(payload);
        assertThat(got.vector()).containsExactly(new float[] {0.6f, 0.8f, 0, 0, 0, 0, 0, 0}, within(1e-6f));
        assertThat(store.get(coll, PointIds.of("missing"))).isEmpty();
    }

    @Test
    @DisplayName("filters by playbook, step, error class and time range, alone and combined")
    void filters() {
        store.upsert(coll, List.of(
                point("a", near(0, 0.1f), Payload.builder().playbook("p1").step("s1").errorClass("timeout").time(T0)),
                point("b", near(0, 0.2f), Payload.builder().playbook("p1").step("s2").errorClass("connection")
                        .time(T0.plusSeconds(60))),
                point("c", near(0, 0.3f), Payload.builder().playbook("p2").step("s1").errorClass("timeout")
                        .time(T0.plusSeconds(120))),
                point("d", near(0, 0.4f), Payload.builder().playbook("p2").step("s2"))));

        assertThat(keys(SearchFilter.NONE.withPlaybook("p1"))).containsExactly("a", "b");
        assertThat(keys(SearchFilter.NONE.withStep("s2"))).containsExactly("b", "d");
        assertThat(keys(SearchFilter.NONE.withErrorClass("timeout"))).containsExactly("a", "c");
        assertThat(keys(SearchFilter.NONE.withTimeRange(T0.plusSeconds(60), null))).containsExactly("b", "c");
        assertThat(keys(SearchFilter.NONE.withTimeRange(T0, T0.plusSeconds(120)))).containsExactly("a", "b");
        assertThat(keys(SearchFilter.NONE.withTimeRange(null, T0.plusSeconds(60)))).containsExactly("a");
        assertThat(keys(SearchFilter.NONE.withPlaybook("p2").withErrorClass("timeout").withStep("s1")))
                .containsExactly("c");
        assertThat(keys(SearchFilter.NONE.withPlaybook("nope"))).isEmpty();
    }

    @Test
    @DisplayName("a selective filter over many points still returns every match, nearest first")
    void selectiveFilterOverManyPoints() {
        Random random = new Random(7);
        List<VectorPoint> points = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            float[] v = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) random.nextGaussian();
            }
            points.add(point("k" + i, v, Payload.builder().playbook(i % 200 == 0 ? "rare" : "common")));
        }
        store.upsert(coll, points);

        List<SearchHit> hits = store.search(coll,
                new SearchRequest(axis(2), 10, SearchFilter.NONE.withPlaybook("rare")));

        assertThat(hits).extracting(h -> h.payload().key()).containsExactlyInAnyOrder("k0", "k200", "k400");
        assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo((x, y) -> Float.compare(y, x));
    }

    @Test
    @DisplayName("floods of identical vectors do not hide other points: each point is found by its own vector")
    void identicalVectorsStaySearchable() {
        Random random = new Random(11);
        List<VectorPoint> points = new ArrayList<>();
        List<float[]> singles = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            points.add(point("flood-a-" + i, axis(0), Payload.builder().step("a")));
            if (i % 2 == 0) {
                points.add(point("flood-b-" + i, axis(1), Payload.builder().step("b")));
            }
            if (i % 30 == 0) {
                float[] v = new float[DIM];
                for (int d = 0; d < DIM; d++) {
                    v[d] = (float) random.nextGaussian();
                }
                singles.add(v);
                points.add(point("single-" + (singles.size() - 1), v, Payload.builder().step("single")));
            }
        }
        store.upsert(coll, points);

        assertThat(store.count(coll)).isEqualTo(points.size());
        for (int i = 0; i < singles.size(); i++) {
            List<SearchHit> hits = store.search(coll, SearchRequest.of(singles.get(i), 3));
            assertThat(hits.getFirst().payload().key()).as("single %d", i).isEqualTo("single-" + i);
        }
        List<SearchHit> flood = store.search(coll, SearchRequest.of(axis(1), 20));
        assertThat(flood).hasSize(20).allSatisfy(h -> assertThat(h.payload().step()).isEqualTo("b"));
        assertThat(flood).extracting(SearchHit::id).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("when every point of a vector is deleted, searches skip it and still fill the limit")
    void deletedVectorIsSkipped() {
        store.upsert(coll, List.of(
                point("x1", axis(0), Payload.builder()), point("x2", axis(0), Payload.builder()),
                point("near", near(0, 0.3f), Payload.builder()), point("far", axis(5), Payload.builder())));
        store.delete(coll, List.of(PointIds.of("x1"), PointIds.of("x2")));

        assertThat(store.search(coll, SearchRequest.of(axis(0), 2))).extracting(h -> h.payload().key())
                .containsExactly("near", "far");
        store.upsert(coll, List.of(point("x3", axis(0), Payload.builder())));
        assertThat(store.search(coll, SearchRequest.of(axis(0), 1)).getFirst().payload().key()).isEqualTo("x3");
    }

    @Test
    @DisplayName("a vector of the wrong dimension is rejected, naming expected and got")
    void wrongDimension() {
        assertThatThrownBy(() -> store.upsert(coll, List.of(point("x", new float[DIM + 3], Payload.builder()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected " + DIM).hasMessageContaining("got " + (DIM + 3));
        assertThatThrownBy(() -> store.search(coll, SearchRequest.of(new float[2], 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected " + DIM).hasMessageContaining("got 2");
        assertThat(store.count(coll)).isZero();
    }

    @Test
    @DisplayName("a payload over the size limit is rejected and nothing of the batch is written")
    void payloadTooLarge() {
        String big = "x".repeat(store.maxPayloadBytes() + 1);
        List<VectorPoint> batch = List.of(point("ok", axis(0), Payload.builder()),
                point("big", axis(1), Payload.builder().text(big)));

        assertThatThrownBy(() -> store.upsert(coll, batch))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload too large").hasMessageContaining(PointIds.of("big").toString());
        assertThat(store.count(coll)).isZero();
    }

    @Test
    @DisplayName("malformed vectors and requests are rejected with what is wrong")
    void malformedInput() {
        float[] nan = axis(0);
        nan[3] = Float.NaN;
        assertThatThrownBy(() -> store.upsert(coll, List.of(point("n", nan, Payload.builder()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("component 3 is NaN");
        assertThatThrownBy(() -> store.upsert(coll, List.of(point("z", new float[DIM], Payload.builder()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all zeros");
        assertThatThrownBy(() -> SearchRequest.of(axis(0), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> store.search("no_such_collection", SearchRequest.of(axis(0), 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown collection");
        assertThatThrownBy(() -> store.createCollection("../escape", DIM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid collection name");
    }

    @Test
    @DisplayName("creating an existing collection is a no-op with the same dimension and an error with another")
    void createCollectionIsIdempotent() {
        store.upsert(coll, List.of(point("a", axis(0), Payload.builder())));
        store.createCollection(coll, DIM);

        assertThat(store.count(coll)).isEqualTo(1);
        assertThat(store.dimension(coll)).isEqualTo(DIM);
        assertThat(store.collections()).contains(coll);
        assertThatThrownBy(() -> store.createCollection(coll, DIM * 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension " + DIM);
    }

    @Test
    @DisplayName("deleted points are gone from search, get and count; dropping a collection removes it")
    void deleteAndDrop() {
        store.upsert(coll, List.of(point("a", axis(0), Payload.builder()), point("b", axis(1), Payload.builder())));

        store.delete(coll, List.of(PointIds.of("a"), PointIds.of("never-written")));

        assertThat(store.count(coll)).isEqualTo(1);
        assertThat(store.get(coll, PointIds.of("a"))).isEmpty();
        assertThat(store.search(coll, SearchRequest.of(axis(0), 5))).extracting(SearchHit::id)
                .containsExactly(PointIds.of("b"));

        String other = coll + "_v2";
        store.createCollection(other, DIM);
        store.dropCollection(other);
        assertThat(store.collectionExists(other)).isFalse();
        assertThatThrownBy(() -> store.count(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("dropping a collection that does not exist does nothing")
    void droppingAMissingCollectionIsANoOp() {
        store.dropCollection(coll + "_never_created");
        assertThat(store.collectionExists(coll + "_never_created")).isFalse();
        assertThat(store.collectionExists(coll)).isTrue();
    }

    @Test
    @DisplayName("after close and reopen, committed points, payloads and dimensions are still there")
    void reopenKeepsData() throws Exception {
        store.upsert(coll, List.of(point("a", axis(0), Payload.builder().step("s")),
                point("b", axis(1), Payload.builder())));
        store.commit();
        VectorStore reopened = reopen(store);
        assumeTrue(reopened != null, "store cannot be reopened in this test");
        store = reopened;

        assertThat(store.collectionExists(coll)).isTrue();
        assertThat(store.dimension(coll)).isEqualTo(DIM);
        assertThat(store.count(coll)).isEqualTo(2);
        assertThat(store.search(coll, SearchRequest.of(axis(0), 1)).getFirst().payload().step()).isEqualTo("s");
        store.upsert(coll, List.of(point("a", axis(0), Payload.builder().step("t"))));
        assertThat(store.count(coll)).isEqualTo(2);
    }

    @Test
    @DisplayName("an alias answers every read and write for its target, and switching several aliases moves them together")
    void aliasesActForTheirTargetsAndSwitchTogether() throws Exception {
        String v2 = coll + "_v2";
        String a1 = coll + "_alias_a";
        String a2 = coll + "_alias_b";
        store.createCollection(v2, DIM);
        try {
            store.upsert(coll, List.of(point("old", axis(0), Payload.builder())));
            store.upsert(v2, List.of(point("new", axis(0), Payload.builder()),
                    point("new2", axis(1), Payload.builder())));
            store.switchAliases(Map.of(a1, coll, a2, coll));
            assertThat(store.aliasTarget(a1)).contains(coll);
            assertThat(store.count(a1)).isEqualTo(1);
            assertThat(store.search(a2, SearchRequest.of(axis(0), 5)).getFirst().payload().key()).isEqualTo("old");
            assertThat(store.collections()).doesNotContain(a1, a2);

            store.switchAliases(Map.of(a1, v2, a2, v2));
            assertThat(store.aliasTarget(a1)).contains(v2);
            assertThat(store.aliasTarget(a2)).contains(v2);
            assertThat(store.count(a2)).isEqualTo(2);
            store.upsert(a1, List.of(point("via-alias", axis(2), Payload.builder())));
            assertThat(store.count(v2)).isEqualTo(3);
            assertThat(store.dimension(a1)).isEqualTo(DIM);

            store.commit();
            VectorStore reopened = reopen(store);
            if (reopened != null) {
                store = reopened;
                assertThat(store.aliasTarget(a1)).contains(v2);
                assertThat(store.count(a1)).isEqualTo(3);
            }
            store.deleteAlias(a2);
            assertThat(store.aliasTarget(a2)).isEmpty();
            assertThat(store.collectionExists(v2)).isTrue();
        } finally {
            store.deleteAlias(a1);
            store.deleteAlias(a2);
            store.dropCollection(v2);
        }
    }

    @Test
    @DisplayName("an alias to an unknown collection, or an alias named like a collection, is refused and changes nothing")
    void badAliasesAreRefused() {
        String alias = coll + "_alias";
        assertThatThrownBy(() -> store.switchAliases(Map.of(alias, coll + "_missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(coll + "_missing");
        assertThat(store.aliasTarget(alias)).isEmpty();
        String other = coll + "_other";
        store.createCollection(other, DIM);
        try {
            assertThatThrownBy(() -> store.switchAliases(Map.of(other, coll)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(other);
        } finally {
            store.dropCollection(other);
        }
    }

    @Test
    @DisplayName("dropping a collection removes the aliases that pointed at it")
    void droppingACollectionRemovesItsAliases() {
        String v2 = coll + "_v2";
        String alias = coll + "_alias";
        store.createCollection(v2, DIM);
        store.switchAliases(Map.of(alias, v2));
        store.dropCollection(v2);
        assertThat(store.aliasTarget(alias)).isEmpty();
        assertThatThrownBy(() -> store.count(alias)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> keys(SearchFilter filter) {
        return store.search(coll, new SearchRequest(axis(0), 10, filter)).stream().map(h -> h.payload().key()).toList();
    }
}
