package io.noetl.topology.template;

import java.util.Objects;

/**
 * The whole state of one template cluster, for persisting a {@link TemplateMiner} in a state store
 * ({@link ClusterCodec}) and rebuilding it with {@link TemplateMiner#restore}.
 *
 * @param id          the miner's id of the cluster
 * @param bucketKey   the routing bucket the cluster lives in
 * @param createdSeq  creation order (the oldest cluster survives a fold)
 * @param size        messages joined so far
 * @param lastUsed    miner tick of the last message joined (least recently used clusters are evicted first)
 * @param tokens      template tokens, wildcards as {@code <*>}
 * @param delimiter   per token: a kept punctuation token
 * @param spaceBefore per token: whitespace preceded it in the first message
 */
public record ClusterSnapshot(String id, String bucketKey, long createdSeq, long size, long lastUsed, String[] tokens,
        boolean[] delimiter, boolean[] spaceBefore) {

    public ClusterSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bucketKey, "bucketKey");
        if (tokens.length != delimiter.length || tokens.length != spaceBefore.length) {
            throw new IllegalArgumentException("cluster " + id + ": tokens, delimiter and spaceBefore differ in length");
        }
    }
}
