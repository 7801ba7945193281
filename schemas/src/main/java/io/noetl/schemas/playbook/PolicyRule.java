package io.noetl.schemas.playbook;

import java.util.Map;

/**
 * One policy rule: when {@code when} is true for an outcome, do {@code action}.
 *
 * <p>Two places use it. A step's {@code spec.policy.rules} (or its short {@code retry:}) are applied by the server to
 * a failed attempt of the step; {@code outcome} ({@code status}, {@code error}, {@code http.status}) is visible to
 * {@code when} and only retry, fail and continue mean something there. A task's {@code tool.spec.policy.rules} are
 * applied by the worker after each task of the step's pipeline (NoETL docs: {@code reference/dsl/spec.md} §12 "Task
 * policy"): {@code continue} goes on with the next task, {@code retry} re-runs the task, {@code jump} goes on at task
 * {@code to}, {@code break} ends the pipeline successfully, {@code fail} ends it with the task's error. An
 * {@code else:} rule is a rule without {@code when}: it matches whatever the outcome.
 *
 * @param when     condition template, or null to match every outcome
 * @param action   retry, fail, continue, break or jump
 * @param attempts total attempts allowed including the first (for retry)
 * @param backoff  fixed (NoETL's {@code none}: the delay does not grow), linear or exponential
 * @param delayMs  base delay in ms between attempts
 * @param to       the task to go on at (jump), or null
 * @param set      scoped writes made when the rule is taken ({@code ctx.<key>}, {@code iter.<key>},
 *                 {@code step.<key>} or a bare key meaning {@code ctx}), values as written (templates unrendered);
 *                 {@code set_ctx}/{@code set_iter} are read into it with their scope; never null
 */
public record PolicyRule(String when, Action action, int attempts, Backoff backoff, long delayMs, String to,
                         Map<String, Object> set) {

    public enum Action { RETRY, FAIL, CONTINUE, BREAK, JUMP }

    public enum Backoff { FIXED, EXPONENTIAL, LINEAR }

    public PolicyRule {
        set = set == null ? Map.of() : set;
    }

    /** A rule without a jump target or writes (the form a step's retry policy uses). */
    public PolicyRule(String when, Action action, int attempts, Backoff backoff, long delayMs) {
        this(when, action, attempts, backoff, delayMs, null, Map.of());
    }

    /** Delay before attempt {@code nextAttempt} (2 = first retry). */
    public long delayBefore(int nextAttempt) {
        return switch (backoff) {
            case FIXED -> delayMs;
            case LINEAR -> Math.min(delayMs * Math.max(1, nextAttempt - 1), 3_600_000L);
            case EXPONENTIAL -> {
                int exp = Math.max(0, Math.min(nextAttempt - 2, 20));
                yield Math.min(delayMs * (1L << exp), 3_600_000L);
            }
        };
    }
}
