package io.noetl.topology.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streaming log/error template miner (Drain-style, one message at a time): messages are masked and tokenized
 * ({@link Tokenizer}), routed to a bucket keyed by token count and the leading constant tokens, and joined to the
 * most similar cluster of the bucket. A message joins a cluster only when its punctuation matches and none of its
 * constant words contradicts a constant of the template, and the share of equal word positions reaches the
 * similarity threshold; differing positions become {@code <*>}. A word position that shows
 * {@link #DEFAULT_SIBLINGS} distinct constant values across otherwise equal templates is folded into one template
 * with a wildcard there (user names, host names).
 *
 * <p>A cluster's id is derived from its template at creation and kept as the template generalizes; a cluster folded
 * into an older one leaves its id as an alias of the survivor ({@link #resolve(String)}). Deterministic: the same
 * input sequence gives the same ids. Not thread-safe: one instance per stream task. State is plain fields and
 * arrays so it can be serialized.
 *
 * <p>Bounded: beyond {@code maxClusters} live clusters the least recently joined one is evicted. For persisting the
 * state incrementally, {@link #drainChanges()} names the clusters created, changed or removed since the last call,
 * {@link #snapshot(String)} gives one cluster's state and {@link #restore} rebuilds a miner from the snapshots.
 */
public final class TemplateMiner {

    /** Default share of equal word positions needed to join a cluster. */
    public static final double DEFAULT_SIMILARITY = 0.5;
    /** Default number of leading constant tokens in a bucket key. */
    public static final int DEFAULT_KEY_TOKENS = 2;
    /** Default number of templates differing in one word after which that word becomes a wildcard. */
    public static final int DEFAULT_SIBLINGS = 4;

    private final double similarity;
    private final int keyTokens;
    private final int siblings;
    private final int maxClusters;
    private final Map<String, List<LogCluster>> buckets = new LinkedHashMap<>();
    private final Map<String, LogCluster> byId = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private long sequence;
    private long tick;

    /** A miner with the default configuration (one configuration for all logs). */
    public TemplateMiner() {
        this(DEFAULT_SIMILARITY, DEFAULT_KEY_TOKENS, DEFAULT_SIBLINGS);
    }

    /**
     * A miner with an explicit configuration.
     *
     * @param similarity share of equal word positions needed to join a cluster, in (0, 1]
     * @param keyTokens  leading constant tokens used to route a message, at least 0
     * @param siblings   templates differing in one word position after which that word becomes a wildcard, at
     *                   least 2
     */
    public TemplateMiner(double similarity, int keyTokens, int siblings) {
        this(similarity, keyTokens, siblings, Integer.MAX_VALUE);
    }

    /**
     * A bounded miner with the default configuration.
     *
     * @param maxClusters live clusters kept; beyond it the least recently joined cluster is evicted (at least 1)
     */
    public static TemplateMiner bounded(int maxClusters) {
        return new TemplateMiner(DEFAULT_SIMILARITY, DEFAULT_KEY_TOKENS, DEFAULT_SIBLINGS, maxClusters);
    }

    private TemplateMiner(double similarity, int keyTokens, int siblings, int maxClusters) {
        if (maxClusters < 1) {
            throw new IllegalArgumentException("maxClusters must be >= 1, was " + maxClusters);
        }
        this.maxClusters = maxClusters;
        if (!(similarity > 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in (0, 1], was " + similarity);
        }
        if (keyTokens < 0) {
            throw new IllegalArgumentException("keyTokens must be >= 0, was " + keyTokens);
        }
        if (siblings < 2) {
            throw new IllegalArgumentException("siblings must be >= 2, was " + siblings);
        }
        this.siblings = siblings;
        this.similarity = similarity;
        this.keyTokens = keyTokens;
    }

    /**
     * Mines one message: finds or creates its cluster and updates the cluster's template.
     *
     * @param message the raw message (null is treated as empty)
     * @return the cluster's id, its current template and the message's parameters
     */
    public MinedTemplate mine(String message) {
        List<Token> tokens = Tokenizer.tokenize(message);
        String key = bucketKey(tokens);
        List<LogCluster> bucket = buckets.computeIfAbsent(key, k -> new ArrayList<>());
        LogCluster best = null;
        double bestSim = -1;
        for (LogCluster c : bucket) {
            double sim = c.similarity(tokens);
            if (sim > bestSim) {
                best = c;
                bestSim = sim;
            }
        }
        if (best == null || bestSim < similarity) {
            best = create(key, tokens);
            bucket.add(best);
            best = ClusterFolder.foldSiblings(bucket, best, siblings, byId, aliases, removed);
        } else if (best.absorb(tokens)) {
            best = ClusterFolder.foldCovered(bucket, best, byId, aliases, removed);
        }
        best.lastUsed = ++tick;
        changed.add(best.id);
        evictBeyondCap(best);
        return new MinedTemplate(best.id, best.template(), best.parameters(tokens));
    }

    /**
     * The clusters created or changed, and those removed (folded into another or evicted), since the last call;
     * clears both sets. A removed id is not also reported as changed.
     */
    public Changes drainChanges() {
        changed.removeAll(removed);
        Changes c = new Changes(List.copyOf(changed), List.copyOf(removed));
        changed.clear();
        removed.clear();
        return c;
    }

    /**
     * Ids of clusters changed and removed since the last {@link #drainChanges()}.
     *
     * @param changed ids to persist again ({@link #snapshot(String)})
     * @param removed ids gone: folded into another cluster ({@link #resolve(String)} answers it) or evicted
     */
    public record Changes(List<String> changed, List<String> removed) {
    }

    /** One live cluster's state, or null when no live cluster has that id. */
    public ClusterSnapshot snapshot(String clusterId) {
        LogCluster c = byId.get(clusterId);
        return c == null ? null : c.snapshot();
    }

    /** The current template text of a live cluster, or null when no live cluster has that id. */
    public String template(String clusterId) {
        LogCluster c = byId.get(clusterId);
        return c == null ? null : c.template();
    }

    /**
     * Rebuilds the clusters of a bounded miner from snapshots (as persisted after {@link #drainChanges()}); the
     * miner must be empty. Ids, templates and eviction order are as they were.
     */
    public void restore(Collection<ClusterSnapshot> snapshots) {
        if (!byId.isEmpty()) {
            throw new IllegalStateException("restore needs an empty miner, this one has " + byId.size() + " clusters");
        }
        List<ClusterSnapshot> ordered = new ArrayList<>(snapshots);
        ordered.sort(Comparator.comparingLong(ClusterSnapshot::lastUsed).thenComparing(ClusterSnapshot::id));
        for (ClusterSnapshot s : ordered) {
            LogCluster c = new LogCluster(s);
            byId.put(c.id, c);
            buckets.computeIfAbsent(c.bucketKey, k -> new ArrayList<>()).add(c);
            sequence = Math.max(sequence, c.createdSeq + 1);
            tick = Math.max(tick, c.lastUsed);
        }
        for (List<LogCluster> bucket : buckets.values()) {
            bucket.sort(Comparator.comparingLong(c -> c.createdSeq));
        }
    }

    /** Evicts least recently joined clusters beyond the cap: a scan, paid only when the cap is exceeded. */
    private void evictBeyondCap(LogCluster keep) {
        while (byId.size() > maxClusters) {
            LogCluster eldest = null;
            for (LogCluster c : byId.values()) {
                if (c != keep && (eldest == null || c.lastUsed < eldest.lastUsed)) {
                    eldest = c;
                }
            }
            byId.remove(eldest.id);
            List<LogCluster> bucket = buckets.get(eldest.bucketKey);
            if (bucket != null) {
                bucket.remove(eldest);
                if (bucket.isEmpty()) {
                    buckets.remove(eldest.bucketKey);
                }
            }
            removed.add(eldest.id);
        }
    }

    /**
     * The current id for an id once returned: a cluster folded into another answers the survivor's id.
     *
     * @param templateId an id returned by {@link #mine(String)}
     * @return the surviving cluster's id (the same id when it was never folded)
     */
    public String resolve(String templateId) {
        String id = templateId;
        while (aliases.containsKey(id)) {
            id = aliases.get(id);
        }
        return id;
    }

    /** Number of live clusters. */
    public int clusterCount() {
        return byId.size();
    }

    private LogCluster create(String key, List<Token> tokens) {
        LogCluster probe = new LogCluster("", key, sequence, tokens);
        String id = TemplateIds.of(probe.template());
        for (int salt = 1; byId.containsKey(id) || aliases.containsKey(id); salt++) {
            id = TemplateIds.of(probe.template() + "#" + salt);
        }
        LogCluster cluster = new LogCluster(id, key, sequence++, tokens);
        byId.put(id, cluster);
        return cluster;
    }

    private String bucketKey(List<Token> tokens) {
        StringBuilder key = new StringBuilder().append(tokens.size());
        int taken = 0;
        for (int i = 0; i < tokens.size() && taken < keyTokens; i++) {
            Token t = tokens.get(i);
            if (!t.variable() && !t.delimiter()) {
                key.append('\u0001').append(t.text());
                taken++;
            }
        }
        return key.toString();
    }
}
