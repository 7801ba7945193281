package io.noetl.sink.processor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An outage of the stores, as the loop sees it: from the first refused batch until a batch is taken again. The batch
 * is written again after a backoff that starts at the minimum and doubles after each refused attempt, up to the
 * maximum. Times are {@link System#nanoTime()} readings passed in by the caller.
 */
final class Outage {

    private final long minBackoffMs;
    private final long maxBackoffMs;
    // read by other threads through the sink's counters
    private volatile boolean active;
    private long backoffMs;
    private long nextAttemptNanos;
    private long startedNanos;
    private long retries;

    Outage(Duration minBackoff, Duration maxBackoff) {
        this.minBackoffMs = minBackoff.toMillis();
        this.maxBackoffMs = maxBackoff.toMillis();
    }

    /** Starts an outage: the first attempt is due after the minimum backoff. */
    void begin(long nowNanos) {
        active = true;
        startedNanos = nowNanos;
        retries = 0;
        backoffMs = minBackoffMs;
        nextAttemptNanos = nowNanos + TimeUnit.MILLISECONDS.toNanos(backoffMs);
    }

    /** @return whether an outage is going on (input is paused) */
    boolean active() {
        return active;
    }

    /** @return whether an outage is going on and its next attempt is due; counts the attempt when it is */
    boolean attemptDue(long nowNanos) {
        if (!active || nowNanos < nextAttemptNanos) {
            return false;
        }
        retries++;
        return true;
    }

    /** @return nanoseconds until the next attempt, at least 0 */
    long nanosToNextAttempt(long nowNanos) {
        return Math.max(0, nextAttemptNanos - nowNanos);
    }

    /** An attempt was refused: the backoff doubles, up to the maximum. */
    void refused(long nowNanos) {
        backoffMs = Math.min(maxBackoffMs, backoffMs * 2);
        nextAttemptNanos = nowNanos + TimeUnit.MILLISECONDS.toNanos(backoffMs);
    }

    /** Ends the outage. */
    void end() {
        active = false;
    }

    /** @return the current wait between attempts, in ms */
    long backoffMs() {
        return backoffMs;
    }

    /** @return attempts made since the outage began */
    long retries() {
        return retries;
    }

    /** @return ms since the outage began */
    long elapsedMs(long nowNanos) {
        return TimeUnit.NANOSECONDS.toMillis(nowNanos - startedNanos);
    }
}
