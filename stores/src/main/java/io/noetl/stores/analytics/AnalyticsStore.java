package io.noetl.stores.analytics;

import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL analytics over everything the topology produces: events, execution traces, step metrics, alerts and
 * decisions. Implementations: an embedded DuckDB file (default) and ClickHouse; both pass the same contract tests.
 *
 * <p><b>Index versions.</b> Rows live in a numbered <em>version</em> of the table set ({@code noetl_events_v1},
 * {@code noetl_traces_v1}, ...; see {@link AnalyticsTables}). Writers name the version they write; every query reads
 * the <em>current</em> version, which {@link #switchTo} changes atomically (a pointer kept in the store). A replay
 * fills a new version while queries keep answering from the current one, switches, then drops the old one.
 * Before the first {@code switchTo}, {@link #currentVersion()} is 0 and queries return nothing.
 *
 * <p><b>Idempotence.</b> Writing the same records again leaves the same rows: events, decisions and alerts are keyed
 * by their ids, traces by execution id (the version with the most events wins, ties by the latest event), step
 * metrics by playbook + step + window start (the row with the highest count wins). Counts and queries see each key
 * once, whatever the number of writes, retries or replays.
 *
 * <p><b>Bad input.</b> {@link #write} accepts the good records of a batch and returns the others with the reason
 * (a missing key, a field over {@link AnalyticsTables#MAX_FIELD_BYTES}); it throws {@link AnalyticsStoreException}
 * when the store cannot take the batch (down, timed out) — then nothing of the batch may be assumed written, and
 * writing it again is safe. An unknown version is an {@link IllegalArgumentException}.
 *
 * <p>Implementations are thread-safe.
 */
public interface AnalyticsStore extends AutoCloseable {

    /** @return the version queries read, 0 when none has been switched to yet */
    int currentVersion();

    /** @return the versions whose tables exist, ascending */
    List<Integer> versions();

    /** Creates the tables of a version (1 or more); does nothing when they exist. */
    void createVersion(int version);

    /**
     * Makes {@code version} the one queries read, in one atomic step, durable on return.
     *
     * @throws IllegalArgumentException when the version does not exist
     */
    void switchTo(int version);

    /**
     * Drops a version's tables; does nothing when they do not exist.
     *
     * @throws IllegalArgumentException when it is the current version
     */
    void dropVersion(int version);

    /**
     * Writes a batch into a version; the accepted records are durable when this returns.
     *
     * @return the records that were not written, each with the reason; empty when all were
     * @throws AnalyticsStoreException  when the store cannot take the batch (retry it)
     * @throws IllegalArgumentException when the version does not exist
     */
    List<Rejected> write(int version, AnalyticsBatch batch);

    /** @return the number of distinct keys per table of a version (see the idempotence rules) */
    TableCounts counts(int version);

    /**
     * Steps by 95th percentile of attempt duration ({@code task_end} and {@code error} events with a duration),
     * slowest first.
     */
    List<StepLatency> slowestSteps(TimeRange range, int limit);

    /**
     * Error rate by step and error template: for each (playbook, step, template) with errors, the errors and the
     * step's finished attempts ({@code task_end} + {@code error}) in the range; most errors first. Errors without a
     * template have a null template id.
     */
    List<StepErrorRate> errorRates(TimeRange range, int limit);

    /**
     * For one step, by attempt number (1, 2, ...): finished attempts and how many succeeded ({@code task_end}), so
     * the probability that attempt n succeeds; ascending attempt number.
     */
    List<AttemptOutcome> successByAttempt(String playbook, String step);

    /** Duration of each finished attempt of one step in the range, newest first. */
    List<DurationPoint> durationHistory(String playbook, String step, TimeRange range, int limit);

    /** Executions (latest trace of each) started in the range, counted by status, most first. */
    List<StatusCount> executionsByStatus(TimeRange range);

    /** The error events of one execution, oldest first (empty when it had none or is unknown). */
    List<ErrorOccurrence> executionErrors(String executionId);

    /** One failure fingerprint (an error template across runs), or empty when the template was never seen. */
    Optional<Fingerprint> fingerprint(String templateId);

    /**
     * Failure fingerprints, the most recently seen first.
     *
     * @param playbook only templates seen in this playbook (their counts then cover that playbook only), or null
     * @param since    only templates seen at or after this time (counts cover the whole history), or null
     * @param limit    page size, 1 to 1000
     * @param cursor   the {@code next} of the previous page, or null
     */
    Page<Fingerprint> fingerprints(String playbook, Instant since, int limit, String cursor);

    /** Executions that hit a fingerprint, the most recent first. */
    Page<ExecutionHit> fingerprintExecutions(String templateId, int limit, String cursor);

    /** The latest recorded resolution of each of these executions that has one (by execution id). */
    Map<String, ResolutionRow> resolutions(Collection<String> executionIds);

    /** Attempt duration quantiles of every step of one playbook in the range, by step name. */
    List<StepQuantiles> stepQuantiles(String playbook, TimeRange range);

    /**
     * For one step of a playbook, how runs that met each class of error ended (see {@link ClassRecovery}); most runs
     * first.
     */
    List<ClassRecovery> recoveryByClass(String playbook, String step, TimeRange range);

    /** The latest traces of a playbook's executions that started in the range, newest first, at most {@code limit}. */
    List<ExecutionTrace> traces(String playbook, TimeRange range, int limit);

    /** Alerts, newest first (an incident's open and resolved records are separate alerts). */
    Page<Alert> alerts(AlertQuery query);

    /** Releases resources (connections, files). */
    @Override
    void close();
}
