package io.noetl.sink.replay;

/**
 * An immutable snapshot of a replay.
 *
 * @param target      what is rebuilt: {@code vectors}, {@code analytics} or {@code all}
 * @param state       where the replay is
 * @param done        records copied so far
 * @param total       records to copy (the sum of end minus start offsets; grows by what the final catch-up adds)
 * @param ratePerS    records per second since the start
 * @param etaSeconds  estimated seconds left; -1 when unknown
 * @param fromVersion the version readers used before (0 when none); in {@code --since} mode the version repaired
 * @param toVersion   the version being built (in {@code --since} mode the current one)
 * @param error       why it failed; null otherwise
 */
public record ReplayProgress(String target, ReplayState state, long done, long total, double ratePerS,
        long etaSeconds, int fromVersion, int toVersion, String error) {

    /** @return done / total in [0, 1]; 1 when there is nothing to copy */
    public double fraction() {
        return total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }
}
