package io.noetl.topology.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateMinerStateTest {

    @Test
    @DisplayName("beyond the cap the least recently used cluster is evicted and reported removed")
    void leastRecentlyUsedClusterIsEvicted() {
        TemplateMiner miner = TemplateMiner.bounded(2);
        String disk = miner.mine("disk full on volume data").templateId();
        String auth = miner.mine("authentication rejected by gateway").templateId();
        miner.mine("disk full on volume data"); // disk is now more recent than auth
        miner.drainChanges();
        miner.mine("schema mismatch in table orders");
        TemplateMiner.Changes changes = miner.drainChanges();
        assertThat(miner.clusterCount()).isEqualTo(2);
        assertThat(changes.removed()).containsExactly(auth);
        assertThat(miner.snapshot(disk)).isNotNull();
        assertThat(miner.snapshot(auth)).isNull();
    }

    @Test
    @DisplayName("a miner restored from its cluster snapshots continues exactly as the original")
    void restoredMinerContinuesLikeTheOriginal() {
        TemplateMiner original = TemplateMiner.bounded(100);
        for (String user : new String[] {"alice", "bob", "carol"}) {
            original.mine("login failed for user " + user + " on gateway");
        }
        List<ClusterSnapshot> snapshots = new ArrayList<>();
        for (String id : original.drainChanges().changed()) {
            snapshots.add(ClusterCodec.decode(ClusterCodec.encode(original.snapshot(id))));
        }
        TemplateMiner restored = TemplateMiner.bounded(100);
        restored.restore(snapshots);

        MinedTemplate a = original.mine("login failed for user dave on gateway");
        MinedTemplate b = restored.mine("login failed for user dave on gateway");
        assertThat(b).isEqualTo(a);
        assertThat(b.template()).isEqualTo("login failed for user <*> on gateway");
        assertThat(restored.clusterCount()).isEqualTo(original.clusterCount());
    }

    @Test
    @DisplayName("folded clusters are reported removed and resolve to the survivor")
    void foldedClustersAreReportedRemoved() {
        TemplateMiner miner = TemplateMiner.bounded(100);
        List<String> ids = new ArrayList<>();
        for (String host : new String[] {"alpha", "beta", "gamma", "delta"}) {
            ids.add(miner.mine("cannot reach host " + host + " now").templateId());
        }
        TemplateMiner.Changes changes = miner.drainChanges();
        assertThat(changes.removed()).hasSize(3);
        assertThat(changes.removed()).allSatisfy(id -> assertThat(miner.resolve(id)).isEqualTo(ids.getFirst()));
        assertThat(changes.changed()).containsExactly(ids.getFirst());
    }
}
