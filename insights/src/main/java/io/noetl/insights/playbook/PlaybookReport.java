package io.noetl.insights.playbook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.noetl.insights.recommend.Recommendation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer to "which step is the bottleneck, and what should change?" for one playbook
 * ({@code GET /api/playbooks/{path}/insights}).
 *
 * @param playbook        playbook path
 * @param version         its latest registered version (whose definition the recommendations patch), or null
 * @param since           the start of the window read
 * @param executions      executions started in the window (from their traces), by status
 * @param steps           per step: durations, failures, share of the critical path, trend
 * @param bottleneck      the step with the largest share of the executions' critical paths, or null
 * @param recommendations what to change, each with why, its evidence and a YAML patch
 * @param missing         stores that could not be read
 */
public record PlaybookReport(String playbook, @JsonInclude(JsonInclude.Include.ALWAYS) Integer version,
        Instant since, Map<String, Long> executions, List<StepReport> steps,
        @JsonInclude(JsonInclude.Include.ALWAYS) String bottleneck, List<Advice> recommendations,
        List<String> missing) {

    /**
     * One step.
     *
     * @param step              name
     * @param tool              tool kind (from the definition), or null
     * @param attempts          finished attempts in the window
     * @param failures          of those, failed attempts
     * @param p50Ms             median attempt duration
     * @param p95Ms             95th percentile
     * @param p99Ms             99th percentile
     * @param criticalPathShare share of the executions' critical-path time spent in this step (0..1)
     * @param timeoutMs         the step's time limit as written, or the worker's default when none is written
     * @param trend             whether its p95 grows, and when it would cross the limit, or null without enough data
     */
    public record StepReport(String step, String tool, long attempts, long failures, double p50Ms, double p95Ms,
            double p99Ms, double criticalPathShare, long timeoutMs,
            @JsonInclude(JsonInclude.Include.ALWAYS) Trend trend) {
    }

    /**
     * How a step's p95 moves.
     *
     * @param p95SlopeMsPerDay    least-squares slope of the per-bucket p95, in ms per day
     * @param buckets             time buckets the slope was fitted on
     * @param growing             the slope is positive beyond noise (more than 1 % of the p95 per day)
     * @param crossesTimeoutAt    when the p95 reaches the time limit at this rate, or null when it does not
     */
    public record Trend(double p95SlopeMsPerDay, int buckets, boolean growing,
            @JsonInclude(JsonInclude.Include.ALWAYS) Instant crossesTimeoutAt) {
    }

    /**
     * A recommendation with its evidence.
     *
     * @param step     the step it changes
     * @param kind     {@code retry}, {@code fail_fast}, {@code timeout}, {@code parallel}, {@code batching}
     * @param action   what to do
     * @param why      why, in a sentence
     * @param evidence the figures it rests on
     * @param patch    a YAML fragment applying it
     */
    public record Advice(String step, String kind, String action, String why, List<String> evidence, String patch) {

        static Advice of(String step, String kind, Recommendation r, List<String> evidence) {
            return new Advice(step, kind, r.action(), r.why(), evidence, r.patch());
        }
    }
}
