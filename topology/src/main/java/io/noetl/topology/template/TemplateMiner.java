package io.noetl.topology.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final Map<String, List<LogCluster>> buckets = new LinkedHashMap<>();
    private final Map<String, LogCluster> byId = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private long sequence;

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
        List<LogCluster> bucket = buckets.computeIfAbsent(bucketKey(tokens), k -> new ArrayList<>());
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
            best = create(tokens);
            bucket.add(best);
            best = ClusterFolder.foldSiblings(bucket, best, siblings, byId, aliases);
        } else if (best.absorb(tokens)) {
            best = ClusterFolder.foldCovered(bucket, best, byId, aliases);
        }
        return new MinedTemplate(best.id, best.template(), best.parameters(tokens));
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

    private LogCluster create(List<Token> tokens) {
        LogCluster probe = new LogCluster("", sequence, tokens);
        String id = TemplateIds.of(probe.template());
        for (int salt = 1; byId.containsKey(id) || aliases.containsKey(id); salt++) {
            id = TemplateIds.of(probe.template() + "#" + salt);
        }
        LogCluster cluster = new LogCluster(id, sequence++, tokens);
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
