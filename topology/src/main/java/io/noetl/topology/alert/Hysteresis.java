package io.noetl.topology.alert;

import io.noetl.topology.codec.Wire;

/**
 * One incident, one alert, for one (alert type, step key).
 *
 * <p>Closed, an observation with score at or above {@link Policy#threshold()} opens an incident and asks for one
 * alert, provided {@link Policy#cooldown()} has passed since the last alert of this type and key. Open, no further
 * alert is asked for; the incident closes once scores stay below {@link Policy#clear()} for at least
 * {@link Policy#quietFor()} <em>and</em> {@link Policy#quietObservations()} consecutive observations (any score at
 * or above the clear level restarts that count). Times are the caller's clock: event time for per-event watches,
 * wall-clock time for the throughput watch.
 */
final class Hysteresis {

    /**
     * @param threshold         score that opens an incident, in (0, 1]
     * @param clear             score below which an open incident may close, below the threshold
     * @param quietFor          how long scores must stay below {@code clear} before closing, ms
     * @param quietObservations how many consecutive observations below {@code clear} closing needs
     * @param cooldown          minimum time between two alerts, ms
     */
    record Policy(double threshold, double clear, long quietFor, int quietObservations, long cooldown) {
        Policy {
            if (!(clear < threshold) || threshold > 1 || clear < 0 || quietFor < 0 || quietObservations < 1
                    || cooldown < 0) {
                throw new IllegalArgumentException("hysteresis needs 0 <= clear < threshold <= 1, quiet time and"
                        + " cooldown >= 0, quiet observations >= 1; got " + this);
            }
        }
    }

    private static final long NEVER = Long.MIN_VALUE;

    private boolean open;
    private long lastAlertAt = NEVER;
    private long quietSince;
    private int quietCount;

    /**
     * Feeds one observation.
     *
     * @return true when this observation opens an incident: the caller emits exactly one alert
     */
    boolean update(Policy policy, long now, double score) {
        if (open) {
            if (score >= policy.clear()) {
                quietCount = 0;
            } else if (quietCount++ == 0) {
                quietSince = now;
            }
            if (quietCount >= policy.quietObservations() && now - quietSince >= policy.quietFor()) {
                open = false;
                quietCount = 0;
            }
            return false;
        }
        if (score >= policy.threshold() && (lastAlertAt == NEVER || now - lastAlertAt >= policy.cooldown())) {
            open = true;
            lastAlertAt = now;
            quietCount = 0;
            return true;
        }
        return false;
    }

    boolean isOpen() {
        return open;
    }

    void writeTo(Wire.Out out) {
        out.u8(open ? 1 : 0).zigZag(lastAlertAt).zigZag(quietSince).varLong(quietCount);
    }

    void readFrom(Wire.In in) {
        open = in.u8() == 1;
        lastAlertAt = in.zigZag();
        quietSince = in.zigZag();
        quietCount = in.varInt();
    }
}
