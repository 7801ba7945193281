package io.noetl.topology.anomaly;

import io.noetl.topology.codec.Wire;

/**
 * Certainty for the plainest anomaly: a sustained move of the level far outside the usual spread. The last
 * {@link #RUN} values must all lie on the same side of a slowly moving centre, each at least {@link #MIN_Z} spreads
 * away (spread: moving mean absolute deviation) and {@link #OVER_RECORD} times further than any such run recently
 * seen; then it fires once, and again only after the level has come back within half that distance (the centre
 * follows the new level). Single spikes never fire it.
 */
final class SurgeGate {

    /** Consecutive values that must all be far out. */
    static final int RUN = 3;
    /** Least distance from the centre, in spreads, for every value of the run. */
    static final double MIN_Z = 6;
    /** Factor by which the run must beat the (slowly forgotten) furthest run seen before. */
    static final double OVER_RECORD = 1.5;
    /** Per-point adaptation rate of centre and spread (memory of about 300 points). */
    static final double ADAPT = 0.003;
    /** Per-point decay of the record run. */
    static final double RECORD_DECAY = 0.999;

    private final double[] lastZ = new double[RUN];
    private int n;
    private double centre;
    private double spread;
    private double floor;
    private double record;
    private boolean armed;

    /** Initial centre and spread from warm-up values; {@code floor} is the smallest spread allowed. */
    void start(double[] warm, double floor) {
        double m = 0;
        for (double v : warm) {
            m += v;
        }
        centre = m / warm.length;
        double d = 0;
        for (double v : warm) {
            d += Math.abs(v - centre);
        }
        this.floor = floor;
        spread = Math.max(d / warm.length, floor);
        armed = true;
    }

    /** Learns one value; true when it completes a surge. */
    boolean update(double value) {
        double z = (value - centre) / spread;
        lastZ[n++ % RUN] = z;
        boolean fire = false;
        if (n >= RUN) {
            double run = runZ();
            if (armed && run >= MIN_Z && run >= OVER_RECORD * record) {
                fire = true;
                armed = false;
            }
            record = Math.max(run, record * RECORD_DECAY);
            if (run < MIN_Z / 2) {
                armed = true;
            }
        }
        spread += ADAPT * (Math.max(Math.abs(value - centre), floor) - spread);
        centre += ADAPT * (value - centre);
        return fire;
    }

    void writeTo(Wire.Out out) {
        out.zigZag(n).f64(centre).f64(spread).f64(floor).f64(record).u8(armed ? 1 : 0);
        for (double z : lastZ) {
            out.f64(z);
        }
    }

    void readFrom(Wire.In in) {
        n = (int) in.zigZag();
        centre = in.f64();
        spread = in.f64();
        floor = in.f64();
        record = in.f64();
        armed = in.u8() != 0;
        for (int i = 0; i < RUN; i++) {
            lastZ[i] = in.f64();
        }
    }

    /** Smallest |z| of the last run if all share one sign, else 0. */
    private double runZ() {
        double min = Double.POSITIVE_INFINITY;
        int sign = 0;
        for (double z : lastZ) {
            int s = z > 0 ? 1 : z < 0 ? -1 : 0;
            if (s == 0 || (sign != 0 && s != sign)) {
                return 0;
            }
            sign = s;
            min = Math.min(min, Math.abs(z));
        }
        return min;
    }
}
