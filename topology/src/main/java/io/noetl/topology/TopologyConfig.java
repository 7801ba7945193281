package io.noetl.topology;

import io.noetl.schemas.Names;
import io.noetl.topology.anomaly.Detectors;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@code NoetlTopology.build} needs; defaults follow DESIGN.md ("Windows and retention").
 *
 * @param names                 topic names (prefix for isolated tests and benchmarks)
 * @param metricsWindow         tumbling window of step metrics (default 1 min)
 * @param metricsGrace          grace for late events in a metrics window (default 10 s)
 * @param dedupeRetention       how long an {@code event_id} is remembered for de-duplication (default 1 h)
 * @param maxEventBytes         raw records larger than this go to the DLQ, cut (default 1 MiB)
 * @param maxFieldChars         logs, stack and messages are cut to this many characters, the cut recorded (default 8192)
 * @param maxTemplates          cap on live error templates; beyond it the least recently seen are evicted (default 5000)
 * @param latencyDetector       registry name of the detector run on step latency ({@link Detectors#DEFAULT})
 * @param alertThreshold        anomaly score at or above which an alert opens (default 0.99)
 * @param alertClearThreshold   score below which an open alert may clear (hysteresis; default 0.5)
 * @param alertCooldown         minimum time between two alerts of one type and key (default 5 min)
 * @param stuckAfter            an execution with no event for this long while running is stuck (default 10 min)
 * @param stuckScanInterval     wall-clock period of the stuck-execution punctuator (default 30 s)
 * @param maxClockSkew          event timestamps further than this in the future are clamped to ingest time (default 5 min)
 */
public record TopologyConfig(
        Names names,
        Duration metricsWindow,
        Duration metricsGrace,
        Duration dedupeRetention,
        int maxEventBytes,
        int maxFieldChars,
        int maxTemplates,
        String latencyDetector,
        double alertThreshold,
        double alertClearThreshold,
        Duration alertCooldown,
        Duration stuckAfter,
        Duration stuckScanInterval,
        Duration maxClockSkew) {

    public TopologyConfig {
        Objects.requireNonNull(names, "names");
        requirePositive(metricsWindow, "metrics window");
        Objects.requireNonNull(metricsGrace, "metrics grace");
        requirePositive(dedupeRetention, "dedupe retention");
        requirePositive(alertCooldown, "alert cooldown");
        requirePositive(stuckAfter, "stuck after");
        requirePositive(stuckScanInterval, "stuck scan interval");
        requirePositive(maxClockSkew, "max clock skew");
        if (maxEventBytes < 1024 || maxFieldChars < 64 || maxTemplates < 1) {
            throw new IllegalArgumentException("bounds too small: max event bytes " + maxEventBytes
                    + " (min 1024), max field chars " + maxFieldChars + " (min 64), max templates " + maxTemplates);
        }
        Detectors.create(latencyDetector); // names the known detectors when unknown
        if (!(alertClearThreshold < alertThreshold) || alertThreshold > 1 || alertClearThreshold < 0) {
            throw new IllegalArgumentException("need 0 <= alert clear threshold < alert threshold <= 1, got "
                    + alertClearThreshold + " and " + alertThreshold);
        }
    }

    /** The defaults of DESIGN.md for the given names. */
    public static TopologyConfig defaults(Names names) {
        return new TopologyConfig(names, Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofHours(1),
                1 << 20, 8192, 5000, Detectors.DEFAULT, 0.99, 0.5, Duration.ofMinutes(5), Duration.ofMinutes(10),
                Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    public TopologyConfig withMetricsWindow(Duration window, Duration grace) {
        return new TopologyConfig(names, window, grace, dedupeRetention, maxEventBytes, maxFieldChars, maxTemplates,
                latencyDetector, alertThreshold, alertClearThreshold, alertCooldown, stuckAfter, stuckScanInterval,
                maxClockSkew);
    }

    public TopologyConfig withStuck(Duration after, Duration scanInterval) {
        return new TopologyConfig(names, metricsWindow, metricsGrace, dedupeRetention, maxEventBytes, maxFieldChars,
                maxTemplates, latencyDetector, alertThreshold, alertClearThreshold, alertCooldown, after, scanInterval,
                maxClockSkew);
    }

    public TopologyConfig withAlertCooldown(Duration cooldown) {
        return new TopologyConfig(names, metricsWindow, metricsGrace, dedupeRetention, maxEventBytes, maxFieldChars,
                maxTemplates, latencyDetector, alertThreshold, alertClearThreshold, cooldown, stuckAfter,
                stuckScanInterval, maxClockSkew);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, got " + d);
        }
    }
}
