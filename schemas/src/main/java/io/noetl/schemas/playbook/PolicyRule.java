package io.noetl.schemas.playbook;

/**
 * One rule of {@code spec.policy.rules}: when {@code when} is true for the outcome of a failed attempt,
 * do {@code action}. {@code outcome} ({@code status}, {@code error}, {@code http.status}) is visible to {@code when}.
 *
 * @param when     condition template, or null to match every error
 * @param action   retry, fail or continue
 * @param attempts total attempts allowed including the first (for retry)
 * @param backoff  fixed or exponential
 * @param delayMs  base delay in ms between attempts
 */
public record PolicyRule(String when, Action action, int attempts, Backoff backoff, long delayMs) {

    public enum Action { RETRY, FAIL, CONTINUE }

    public enum Backoff { FIXED, EXPONENTIAL }

    /** Delay before attempt {@code nextAttempt} (2 = first retry). */
    public long delayBefore(int nextAttempt) {
        if (backoff == Backoff.FIXED) {
            return delayMs;
        }
        int exp = Math.max(0, Math.min(nextAttempt - 2, 20));
        return Math.min(delayMs * (1L << exp), 3_600_000L);
    }
}
