package io.noetl.topology.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds clusters of one bucket together, keeping the oldest cluster's id and recording the others as aliases:
 * clusters covered by a generalized template, and "siblings" — clusters whose templates differ in exactly one word
 * position — once that position has shown enough distinct constant values to be a variable (a user name, a state).
 */
final class ClusterFolder {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterFolder.class);

    private ClusterFolder() {
    }

    /** Folds every cluster of the bucket that {@code changed} covers; returns the surviving cluster. */
    static LogCluster foldCovered(List<LogCluster> bucket, LogCluster changed, Map<String, LogCluster> byId,
            Map<String, String> aliases, java.util.Set<String> removed) {
        List<LogCluster> group = new ArrayList<>();
        group.add(changed);
        for (LogCluster other : bucket) {
            if (other != changed && changed.subsumes(other)) {
                group.add(other);
            }
        }
        return group.size() == 1 ? changed : fold(bucket, group, changed.tokens, byId, aliases, removed);
    }

    /**
     * Folds {@code fresh} and its siblings (same template except one constant word position) when at least
     * {@code minSiblings} of them exist; returns the surviving cluster ({@code fresh} when nothing was folded).
     */
    static LogCluster foldSiblings(List<LogCluster> bucket, LogCluster fresh, int minSiblings,
            Map<String, LogCluster> byId, Map<String, String> aliases, java.util.Set<String> removed) {
        for (int p = 0; p < fresh.tokens.length; p++) {
            if (fresh.delimiter[p] || fresh.isWildcard(p)) {
                continue;
            }
            List<LogCluster> group = new ArrayList<>();
            for (LogCluster other : bucket) {
                if (equalExcept(fresh, other, p)) {
                    group.add(other);
                }
            }
            if (group.size() >= minSiblings) {
                String[] merged = fresh.tokens.clone();
                merged[p] = Token.WILDCARD;
                return fold(bucket, group, merged, byId, aliases, removed);
            }
        }
        return fresh;
    }

    private static boolean equalExcept(LogCluster a, LogCluster b, int p) {
        if (a.tokens.length != b.tokens.length || b.isWildcard(p)) {
            return false;
        }
        for (int i = 0; i < a.tokens.length; i++) {
            if (i != p && !a.tokens[i].equals(b.tokens[i])) {
                return false;
            }
        }
        return true;
    }

    private static LogCluster fold(List<LogCluster> bucket, List<LogCluster> group, String[] template,
            Map<String, LogCluster> byId, Map<String, String> aliases, java.util.Set<String> removed) {
        LogCluster survivor = group.getFirst();
        for (LogCluster c : group) {
            if (c.createdSeq < survivor.createdSeq) {
                survivor = c;
            }
        }
        System.arraycopy(template, 0, survivor.tokens, 0, template.length);
        for (LogCluster c : group) {
            if (c != survivor) {
                survivor.size += c.size;
                bucket.remove(c);
                byId.remove(c.id);
                aliases.put(c.id, survivor.id);
                removed.add(c.id);
                survivor.lastUsed = Math.max(survivor.lastUsed, c.lastUsed);
                LOG.debug("folded template {} into {}", c.id, survivor.id);
            }
        }
        return survivor;
    }
}
