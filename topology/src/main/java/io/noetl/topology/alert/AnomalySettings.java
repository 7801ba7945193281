package io.noetl.topology.alert;

import java.time.Duration;

/**
 * Tuning of the anomaly stage beyond {@code TopologyConfig}: each watch's settings and the processor's rhythm.
 *
 * @param checkpointInterval wall-clock period of writing changed per-step state to the store
 * @param detectorInterval   a changed detector is snapshotted when its last snapshot is at least this old (a
 *                           snapshot costs milliseconds, so detectors are saved less often than the rest)
 * @param snapshotsPerCheckpoint most detector snapshots taken in one checkpoint (spreads the work; close takes all)
 * @param throughputInterval wall-clock interval over which throughput is counted and checked
 * @param quietFor           how long scores must stay below the clear threshold before an incident closes
 * @param quietObservations  how many consecutive observations below the clear threshold closing also needs
 * @param maxLiveDetectors   detectors kept in memory per task; beyond it the least recently used are dropped after
 *                           their checkpoint and restored from the store on their next use
 * @param evidenceSize       execution ids named by an alert
 */
record AnomalySettings(LatencyWatch.Settings latency, ErrorRateWatch.Settings errorRate,
        ThroughputWatch.Settings throughput, TemplateWatch.Settings templates, Duration checkpointInterval,
        Duration detectorInterval, int snapshotsPerCheckpoint, Duration throughputInterval, Duration quietFor, int quietObservations, int maxLiveDetectors,
        int evidenceSize) {

    static final AnomalySettings DEFAULT = new AnomalySettings(LatencyWatch.Settings.DEFAULT,
            ErrorRateWatch.Settings.DEFAULT, ThroughputWatch.Settings.DEFAULT, TemplateWatch.Settings.DEFAULT,
            Duration.ofSeconds(5), Duration.ofSeconds(60), 20, Duration.ofMinutes(1), Duration.ofMinutes(1), 3, 1000,
            10);

    AnomalySettings {
        if (checkpointInterval.isNegative() || checkpointInterval.isZero() || throughputInterval.isNegative()
                || throughputInterval.isZero() || detectorInterval.isNegative() || snapshotsPerCheckpoint < 1
                || quietFor.isNegative() || quietObservations < 1
                || maxLiveDetectors < 1 || evidenceSize < 1) {
            throw new IllegalArgumentException("invalid anomaly settings " + this);
        }
    }
}
