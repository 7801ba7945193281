package io.noetl.sink.analytics;

import io.noetl.stores.analytics.ClassRecovery;
import io.noetl.stores.analytics.ErrorOccurrence;
import io.noetl.stores.analytics.ExecutionHit;
import io.noetl.stores.analytics.Fingerprint;
import io.noetl.stores.analytics.Page;
import io.noetl.stores.analytics.ResolutionRow;
import io.noetl.stores.analytics.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The failure reads of an analytics store (errors, fingerprints, the executions that hit them, resolutions,
 * recovery by error class) against one version: a store's {@link FailureQueries} run by its {@link Rows}, with the
 * rows turned into the store's records the same way for every store.
 *
 * @param <Q> a query as the store runs it
 */
public final class FailureReads<Q> {

    /**
     * Runs a query of a store.
     *
     * @param <Q> a query as the store runs it
     */
    @FunctionalInterface
    public interface Rows<Q> {

        /**
         * @param what    what the query reads, for errors
         * @param version the analytics version it reads
         * @return the rows in the query's order
         */
        List<? extends StoredRow> read(String what, int version, Q query);
    }

    private final FailureQueries<Q> queries;
    private final Rows<Q> rows;

    public FailureReads(FailureQueries<Q> queries, Rows<Q> rows) {
        this.queries = queries;
        this.rows = rows;
    }

    public List<ErrorOccurrence> executionErrors(int version, String executionId) {
        return rows.read("errors of execution " + executionId, version,
                queries.executionErrors(queries.events(version), executionId)).stream()
                .map(StoredRecords::errorOccurrence).toList();
    }

    public Optional<Fingerprint> fingerprint(int version, String templateId) {
        return fingerprints(version, templateId, null, null, null, 1).stream().findFirst();
    }

    public Page<Fingerprint> fingerprints(int version, String playbook, Instant since, int limit, PageCursor after) {
        return PageCursor.page(fingerprints(version, null, playbook, since, after, limit + 1), limit,
                f -> new PageCursor(f.lastSeen() == null ? 0 : f.lastSeen().toEpochMilli(), f.templateId()));
    }

    public Page<ExecutionHit> fingerprintExecutions(int version, String templateId, int limit, PageCursor after) {
        List<ExecutionHit> hits = rows.read("executions of fingerprint " + templateId, version,
                queries.hits(queries.events(version), templateId, after, limit + 1)).stream()
                .map(StoredRecords::hit).toList();
        return PageCursor.page(hits, limit,
                h -> new PageCursor(h.at() == null ? 0 : h.at().toEpochMilli(), h.executionId()));
    }

    public Map<String, ResolutionRow> resolutions(int version, Collection<String> executionIds) {
        List<String> ids = executionIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<ResolutionRow> found = new ArrayList<>();
        for (StoredRow row : rows.read("resolutions", version, queries.resolutions(queries.events(version), ids))) {
            StoredResolutions.of(row).ifPresent(found::add);
        }
        return StoredResolutions.latest(found);
    }

    public List<ClassRecovery> recoveryByClass(int version, String playbook, String step, TimeRange range) {
        RecoveryTally tally = new RecoveryTally();
        rows.read("recovery by error class", version,
                queries.recoveryRuns(queries.events(version), playbook, step, range)).forEach(tally::add);
        return tally.result();
    }

    private List<Fingerprint> fingerprints(int version, String templateId, String playbook, Instant since,
            PageCursor after, int limit) {
        String events = queries.events(version);
        List<? extends StoredRow> found = rows.read("fingerprints", version,
                queries.fingerprints(events, templateId, playbook, since, after, limit));
        if (found.isEmpty()) {
            return List.of();
        }
        ErrorClassCounts classes = new ErrorClassCounts();
        List<String> ids = found.stream().map(r -> r.text("template_id")).toList();
        rows.read("error classes of fingerprints", version, queries.classCounts(events, ids, playbook))
                .forEach(classes::add);
        return found.stream()
                .map(r -> StoredRecords.fingerprint(r, classes.of(r.text("template_id"))))
                .toList();
    }
}
