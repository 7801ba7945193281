package io.noetl.topology.alert;

import io.noetl.topology.anomaly.AnomalyDetector;
import io.noetl.topology.codec.Wire;

/**
 * Latency of one step: scores each attempt's duration as it arrives.
 *
 * <p>Two kinds of evidence, the stronger wins:
 * <ul>
 *   <li><b>shift</b>: the median of the last {@link Settings#recentSize()} durations against a robust baseline
 *   (median and MAD of the log of the last {@link Settings#baselineSize()} durations): a one-sided z-test on the
 *   log scale, the standard error of a median of {@code n} being {@code 1.2533 σ / √n}, turned into a score by
 *   {@link Scores#fromTail} with {@link Settings#horizon()} looks;</li>
 *   <li><b>detector</b>: the configured {@link AnomalyDetector}'s score of this duration, counted only when the
 *   duration is at least {@link Settings#gateRatio()} times the baseline median and the recent level at least
 *   {@link Settings#minShiftRatio()} times (a sustained rise: not a speed-up, not one slow attempt among ordinary
 *   jitter).</li>
 * </ul>
 * Both need the recent level at least {@link Settings#minShiftRatio()} times the baseline, and every rise at least
 * {@link Settings#minShiftMs()} above it (so a 0 ms → 2 ms change of a no-op step is no incident). Every duration
 * enters the baseline, so a lasting new level becomes normal once it fills half of the baseline, and the incident
 * can close.
 */
final class LatencyWatch {

    /**
     * @param baselineSize  durations in the robust baseline
     * @param minBaseline   durations needed before scoring
     * @param refreshEvery  durations between baseline refreshes (median and MAD are re-sorted, not per event)
     * @param recentSize    durations whose median is the recent level
     * @param gateRatio     duration / baseline median from which the detector's score counts
     * @param minShiftRatio recent level / baseline median needed for any score
     * @param minShiftMs    recent level − baseline median needed for any score, ms
     * @param horizon       looks per false alarm budget (see {@link Scores})
     */
    record Settings(int baselineSize, int minBaseline, int refreshEvery, int recentSize, double gateRatio,
            double minShiftRatio, double minShiftMs, double horizon) {

        static final Settings DEFAULT = new Settings(256, 50, 64, 5, 1.5, 2.0, 50, 10_000);

        Settings {
            if (baselineSize < 8 || minBaseline < 8 || minBaseline > baselineSize || refreshEvery < 1
                    || recentSize < 1 || gateRatio < 1 || minShiftRatio < 1 || minShiftMs < 0 || horizon < 1) {
                throw new IllegalArgumentException("invalid latency watch settings " + this);
            }
        }
    }

    private static final double MIN_SPREAD = 0.05;

    private final Settings s;
    private final float[] baseline;
    private int baseCount;
    private int baseHead;
    private int sinceRefresh;
    private double medianLn = Double.NaN;
    private double base;
    private double[] scratch = new double[0];
    private final double[] recentScratch;
    private double spreadLn;
    private final double[] recent;
    private final long[] recentTimes;
    private int recentHead;
    private int recentFill;
    private final Evidence slow;
    private double observed;
    private double expected;

    LatencyWatch(Settings s, int evidenceSize) {
        this.s = s;
        this.baseline = new float[s.baselineSize()];
        this.recent = new double[s.recentSize()];
        this.recentTimes = new long[s.recentSize()];
        this.recentScratch = new double[s.recentSize()];
        this.slow = new Evidence(evidenceSize);
    }

    /**
     * Scores one duration, then learns it.
     *
     * @param detector the step's detector (learns every duration), or null to score on the shift alone
     */
    double observe(AnomalyDetector detector, long timeMs, double durationMs, String executionId) {
        double detectorScore = detector == null ? 0.0 : detector.score(timeMs, durationMs);
        recent[recentHead] = durationMs;
        recentTimes[recentHead] = timeMs;
        recentHead = (recentHead + 1) % recent.length;
        recentFill = Math.min(recentFill + 1, recent.length);
        double score = 0.0;
        if (!Double.isNaN(medianLn)) {
            expected = base;
            boolean slowOne = material(durationMs, base, s.gateRatio());
            if (slowOne) {
                slow.add(executionId, timeMs);
            }
            if (recentFill == recent.length) {
                System.arraycopy(recent, 0, recentScratch, 0, recent.length);
                double level = Select.median(recentScratch, recent.length);
                observed = level;
                if (material(level, base, s.minShiftRatio())) {
                    score = slowOne ? detectorScore : 0.0;
                    double z = (Math.log(Math.max(level, 1)) - medianLn)
                            / (spreadLn * 1.2533 / Math.sqrt(recent.length));
                    score = Math.max(score, Scores.fromTail(Scores.normalUpperTail(z), s.horizon()));
                }
            } else {
                observed = durationMs;
            }
        }
        learn(durationMs);
        return score;
    }

    private boolean material(double value, double base, double ratio) {
        return value >= ratio * base && value - base >= s.minShiftMs();
    }

    private void learn(double durationMs) {
        baseline[baseHead] = (float) Math.log(Math.max(durationMs, 1));
        baseHead = (baseHead + 1) % baseline.length;
        baseCount = Math.min(baseCount + 1, baseline.length);
        if (baseCount >= s.minBaseline() && (++sinceRefresh >= s.refreshEvery() || Double.isNaN(medianLn))) {
            refresh();
        }
    }

    private void refresh() {
        sinceRefresh = 0;
        double[] v = scratch.length == baseCount ? scratch : (scratch = new double[baseCount]);
        for (int i = 0; i < baseCount; i++) {
            v[i] = baseline[i];
        }
        double med = Select.median(v, baseCount);
        for (int i = 0; i < baseCount; i++) {
            v[i] = Math.abs(baseline[i] - med);
        }
        medianLn = med;
        base = Math.exp(med);
        spreadLn = Math.max(1.4826 * Select.median(v, baseCount), MIN_SPREAD);
    }

    /** Recent level (median of the last durations) at the last observation, ms. */
    double observed() {
        return observed;
    }

    /** Baseline median at the last observation, ms (0 before the baseline is ready). */
    double expected() {
        return expected;
    }

    /** Executions of the slow attempts among the recent level (the incident's evidence). */
    java.util.List<String> evidence(long fallback) {
        return slow.executionIdsSince(recentSince(fallback));
    }

    /** Time of the oldest duration in the recent level. */
    long recentSince(long fallback) {
        return recentFill == 0 ? fallback : recentTimes[(recentHead - recentFill + recent.length) % recent.length];
    }

    Evidence slow() {
        return slow;
    }

    void writeTo(Wire.Out out) {
        out.varLong(baseCount).varLong(baseHead).varLong(sinceRefresh);
        for (int i = 0; i < baseCount; i++) {
            out.f32(baseline[i]);
        }
        out.f64(medianLn).f64(spreadLn).varLong(recent.length).varLong(recentHead).varLong(recentFill);
        for (int i = 0; i < recent.length; i++) {
            out.f64(recent[i]).zigZag(recentTimes[i]);
        }
        out.f64(observed).f64(expected);
        slow.writeTo(out);
    }

    void readFrom(Wire.In in) {
        int n = in.varInt();
        int head = in.varInt();
        sinceRefresh = in.varInt();
        if (n > baseline.length || head >= baseline.length) {
            throw new IllegalArgumentException("latency state of another baseline size (" + n + ")");
        }
        baseCount = n;
        baseHead = head;
        for (int i = 0; i < n; i++) {
            baseline[i] = in.f32();
        }
        medianLn = in.f64();
        base = Math.exp(medianLn);
        spreadLn = in.f64();
        if (in.varInt() != recent.length) {
            throw new IllegalArgumentException("latency state of another recent size");
        }
        recentHead = in.varInt() % recent.length;
        recentFill = Math.min(in.varInt(), recent.length);
        for (int i = 0; i < recent.length; i++) {
            recent[i] = in.f64();
            recentTimes[i] = in.zigZag();
        }
        observed = in.f64();
        expected = in.f64();
        slow.readFrom(in);
    }
}
