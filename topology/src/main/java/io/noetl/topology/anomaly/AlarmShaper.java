package io.noetl.topology.anomaly;

import io.noetl.topology.codec.Wire;

/**
 * Keeps output low except at the first strong evidence of an event: values below the alarm level, and everything
 * within {@code suppress} points after an alarm, are multiplied by the quiet factor (so the corpus-wide threshold
 * sees one high point per event, not a run of them). Evidence clearly stronger than the last alarm (by
 * {@link #ESCALATION}) alarms again even while suppressed, so a weak alarm cannot mask a strong event.
 */
final class AlarmShaper {

    /** Likelihood margin by which new evidence must beat the last alarm to alarm again while suppressed. */
    static final double ESCALATION = 0.3;
    /** Likelihood treated as certain: it always alarms once per event, even right after a weaker alarm. */
    static final double CERTAIN = 0.99;

    private final double alarmLevel;
    private final int suppress;
    private final double quietFactor;
    private int sinceAlarm = Integer.MAX_VALUE;
    private double lastAlarm;

    AlarmShaper(double alarmLevel, int suppress, double quietFactor) {
        this.alarmLevel = alarmLevel;
        this.suppress = suppress;
        this.quietFactor = quietFactor;
    }

    double shape(double likelihood) {
        boolean stronger = likelihood >= lastAlarm + ESCALATION || (likelihood >= CERTAIN && lastAlarm < CERTAIN);
        if (sinceAlarm < suppress && !stronger) {
            sinceAlarm++;
            return clamp(likelihood * quietFactor);
        }
        if (likelihood >= alarmLevel) {
            sinceAlarm = 0;
            lastAlarm = likelihood;
            return clamp(likelihood);
        }
        return clamp(likelihood * quietFactor);
    }

    void writeTo(Wire.Out out) {
        out.zigZag(sinceAlarm).f64(lastAlarm);
    }

    void readFrom(Wire.In in) {
        sinceAlarm = (int) in.zigZag();
        lastAlarm = in.f64();
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
