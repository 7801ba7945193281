package io.noetl.sink.analytics;

import io.noetl.stores.analytics.TimeRange;
import java.time.Instant;
import java.util.List;

/**
 * A store's failure queries over one version's events table, in its own SQL. Lists that page are ordered by a time
 * ({@code sort_ms}, 0 when missing) and an id, both descending, and read {@code limit} rows after the cursor; the
 * column aliases are the ones {@link StoredRecords}, {@link StoredResolutions}, {@link ErrorClassCounts} and
 * {@link RecoveryTally} read.
 *
 * @param <Q> a query as the store runs it
 */
public interface FailureQueries<Q> {

    /** @return the events table of {@code version}, as the queries name it */
    String events(int version);

    /** An execution's errors, oldest first. */
    Q executionErrors(String events, String executionId);

    /** Fingerprints (only {@code templateId}'s when not null), counted over {@code playbook}'s errors when not null. */
    Q fingerprints(String events, String templateId, String playbook, Instant since, PageCursor after, int limit);

    /** Errors per (template, class) of some templates, over {@code playbook}'s errors when not null. */
    Q classCounts(String events, List<String> templateIds, String playbook);

    /** The executions that hit a fingerprint, latest first. */
    Q hits(String events, String templateId, PageCursor after, int limit);

    /** The resolution events of some executions. */
    Q resolutions(String events, List<String> executionIds);

    /** One row per run (execution) of a step that met an error, as {@link RecoveryTally} reads it. */
    Q recoveryRuns(String events, String playbook, String step, TimeRange range);
}
