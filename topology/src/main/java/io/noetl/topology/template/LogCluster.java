package io.noetl.topology.template;

import java.util.ArrayList;
import java.util.List;

/**
 * One template cluster: its stable id, its template tokens (wildcards as {@code <*>}), the spacing needed to render
 * the template, and how many messages it holds. Plain fields so the miner's state can be serialized.
 */
final class LogCluster {

    final String id;
    final String bucketKey;
    final long createdSeq;
    final String[] tokens;
    final boolean[] delimiter;
    final boolean[] spaceBefore;
    long size;
    /** Miner tick of the last message that joined (or created) this cluster; orders eviction. */
    long lastUsed;

    LogCluster(String id, String bucketKey, long createdSeq, List<Token> message) {
        this.id = id;
        this.bucketKey = bucketKey;
        this.createdSeq = createdSeq;
        int n = message.size();
        this.tokens = new String[n];
        this.delimiter = new boolean[n];
        this.spaceBefore = new boolean[n];
        for (int i = 0; i < n; i++) {
            Token t = message.get(i);
            tokens[i] = t.masked();
            delimiter[i] = t.delimiter();
            spaceBefore[i] = t.spaceBefore();
        }
        this.size = 1;
    }

    /** A cluster restored from a snapshot. */
    LogCluster(ClusterSnapshot s) {
        this.id = s.id();
        this.bucketKey = s.bucketKey();
        this.createdSeq = s.createdSeq();
        this.tokens = s.tokens().clone();
        this.delimiter = s.delimiter().clone();
        this.spaceBefore = s.spaceBefore().clone();
        this.size = s.size();
        this.lastUsed = s.lastUsed();
    }

    ClusterSnapshot snapshot() {
        return new ClusterSnapshot(id, bucketKey, createdSeq, size, lastUsed, tokens.clone(), delimiter.clone(),
                spaceBefore.clone());
    }

    /**
     * Share of word positions where the message equals the template (a variable token equals a wildcard), or -1
     * when the message cannot belong here: other length, other punctuation, or a constant word of the message
     * against a different constant of the template (constant words are never generalized; only variable-like
     * tokens widen a template).
     */
    double similarity(List<Token> message) {
        if (message.size() != tokens.length) {
            return -1;
        }
        int words = 0;
        int equal = 0;
        for (int i = 0; i < tokens.length; i++) {
            Token t = message.get(i);
            if (delimiter[i] || t.delimiter()) {
                if (!tokens[i].equals(t.text())) {
                    return -1;
                }
                continue;
            }
            words++;
            if (tokens[i].equals(t.masked())) {
                equal++;
            } else if (!t.variable() && !isWildcard(i)) {
                return -1;
            }
        }
        return words == 0 ? 1.0 : (double) equal / words;
    }

    /** Turns every position where the message differs from the template into a wildcard; true if any changed. */
    boolean absorb(List<Token> message) {
        boolean changed = false;
        for (int i = 0; i < tokens.length; i++) {
            if (!delimiter[i] && !tokens[i].equals(message.get(i).masked()) && !isWildcard(i)) {
                tokens[i] = Token.WILDCARD;
                changed = true;
            }
        }
        size++;
        return changed;
    }

    /** True when every template position of this cluster is equal to, or a wildcard over, the other's. */
    boolean subsumes(LogCluster other) {
        if (other.tokens.length != tokens.length) {
            return false;
        }
        for (int i = 0; i < tokens.length; i++) {
            if (!isWildcard(i) && !tokens[i].equals(other.tokens[i])) {
                return false;
            }
        }
        return true;
    }

    boolean isWildcard(int i) {
        return Token.WILDCARD.equals(tokens[i]);
    }

    /** The template text, spaced like the first message of the cluster. */
    String template() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            if (spaceBefore[i] && !sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(tokens[i]);
        }
        return sb.toString();
    }

    /** The message's raw values at this template's wildcard positions. */
    List<String> parameters(List<Token> message) {
        List<String> params = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            if (isWildcard(i)) {
                params.add(message.get(i).text());
            }
        }
        return params;
    }
}
