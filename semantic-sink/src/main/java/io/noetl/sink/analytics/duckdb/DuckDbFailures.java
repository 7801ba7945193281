package io.noetl.sink.analytics.duckdb;

import io.noetl.sink.analytics.ErrorClassCounts;
import io.noetl.sink.analytics.PageCursor;
import io.noetl.sink.analytics.RecoveryTally;
import io.noetl.sink.analytics.StoredRecords;
import io.noetl.sink.analytics.StoredResolutions;
import io.noetl.stores.analytics.AnalyticsTables;
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
 * The failure queries of the DuckDB store ({@link DuckDbFailureQueries}) run against one version, with their rows
 * turned into the store's records by the shared readers of {@code io.noetl.sink.analytics}.
 */
final class DuckDbFailures {

    private final DuckDbJdbc jdbc;

    DuckDbFailures(DuckDbJdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<ErrorOccurrence> executionErrors(int version, String executionId) {
        return rows(what("errors of execution " + executionId, version),
                DuckDbFailureQueries.executionErrors(events(version), executionId)).stream()
                .map(StoredRecords::errorOccurrence).toList();
    }

    Optional<Fingerprint> fingerprint(int version, String templateId) {
        return fingerprints(version, templateId, null, null, null, 1).stream().findFirst();
    }

    Page<Fingerprint> fingerprints(int version, String playbook, Instant since, int limit, PageCursor after) {
        return PageCursor.page(fingerprints(version, null, playbook, since, after, limit + 1), limit,
                f -> new PageCursor(f.lastSeen() == null ? 0 : f.lastSeen().toEpochMilli(), f.templateId()));
    }

    Page<ExecutionHit> fingerprintExecutions(int version, String templateId, int limit, PageCursor after) {
        List<ExecutionHit> hits = rows(what("executions of fingerprint " + templateId, version),
                DuckDbFailureQueries.hits(events(version), templateId, after, limit + 1)).stream()
                .map(StoredRecords::hit).toList();
        return PageCursor.page(hits, limit,
                h -> new PageCursor(h.at() == null ? 0 : h.at().toEpochMilli(), h.executionId()));
    }

    Map<String, ResolutionRow> resolutions(int version, Collection<String> executionIds) {
        List<String> ids = executionIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<ResolutionRow> found = new ArrayList<>();
        for (DuckDbRow row : rows(what("resolutions", version), DuckDbFailureQueries.resolutions(events(version),
                ids))) {
            StoredResolutions.of(row).ifPresent(found::add);
        }
        return StoredResolutions.latest(found);
    }

    List<ClassRecovery> recoveryByClass(int version, String playbook, String step, TimeRange range) {
        RecoveryTally tally = new RecoveryTally();
        rows(what("recovery by error class", version),
                DuckDbFailureQueries.recoveryRuns(events(version), playbook, step, range)).forEach(tally::add);
        return tally.result();
    }

    private List<Fingerprint> fingerprints(int version, String templateId, String playbook, Instant since,
            PageCursor after, int limit) {
        List<DuckDbRow> rows = rows(what("fingerprints", version), DuckDbFailureQueries.fingerprints(
                events(version), templateId, playbook, since, after, limit));
        if (rows.isEmpty()) {
            return List.of();
        }
        ErrorClassCounts classes = new ErrorClassCounts();
        List<String> ids = rows.stream().map(r -> r.text("template_id")).toList();
        rows(what("error classes of fingerprints", version),
                DuckDbFailureQueries.classCounts(events(version), ids, playbook)).forEach(classes::add);
        return rows.stream()
                .map(r -> StoredRecords.fingerprint(r, classes.of(r.text("template_id"))))
                .toList();
    }

    private List<DuckDbRow> rows(String what, DuckDbStatement statement) {
        return jdbc.query(what, statement.sql(), statement.params(), DuckDbRow::of);
    }

    private static String what(String query, int version) {
        return query + " from analytics version " + version;
    }

    private static String events(int version) {
        return AnalyticsTables.of(AnalyticsTables.EVENTS, version);
    }
}
