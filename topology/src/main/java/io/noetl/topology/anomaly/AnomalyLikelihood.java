package io.noetl.topology.anomaly;

import io.noetl.topology.codec.Wire;

/**
 * Second stage in the manner of HTM's anomaly likelihood: how unusual the short-term average of raw surprise is
 * against the rolling history of such averages. Half of the output is empirical (how rarely the history reached
 * this level, so recurring "normal surprises" such as a daily jump stop alarming), half is a Gaussian tail on the
 * history's mean and standard deviation (which grades levels never reached before). Both halves are log-scaled
 * into [0, 1]. The history is kept in single precision: it only ranks and summarises levels, and the smaller
 * state keeps checkpoints small.
 */
final class AnomalyLikelihood {

    private static final double LOG_FLOOR = Math.log(1e-10);

    private final float[] history;
    private final double[] recent;
    private final int minHistory;
    private final double empiricalWeight;
    private int historyCount;
    private int historyHead;
    private double sum;
    private double sumSq;
    private int recentCount;
    private double recentSum;

    /**
     * @param historySize short-term averages remembered for the baseline distribution
     * @param shortWindow raw scores averaged for the current evidence
     * @param minHistory averages needed before any non-zero output
     * @param empiricalWeight weight of the empirical half, in [0, 1]
     */
    AnomalyLikelihood(int historySize, int shortWindow, int minHistory, double empiricalWeight) {
        this.history = new float[historySize];
        this.recent = new double[shortWindow];
        this.minHistory = minHistory;
        this.empiricalWeight = empiricalWeight;
    }

    /** Scores then learns one raw surprise value. */
    double update(double raw) {
        recentSum += raw - recent[recentCount % recent.length];
        recent[recentCount % recent.length] = raw;
        recentCount++;
        double avg = recentSum / Math.min(recentCount, recent.length);
        double out = historyCount >= minHistory ? likelihood(avg) : 0.0;
        if (historyCount == history.length) {
            double old = history[historyHead];
            sum -= old;
            sumSq -= old * old;
        } else {
            historyCount++;
        }
        float stored = (float) avg;
        history[historyHead] = stored;
        historyHead = (historyHead + 1) % history.length;
        sum += stored;
        sumSq += (double) stored * stored;
        return out;
    }

    void writeTo(Wire.Out out) {
        out.varLong(historyCount).varLong(historyHead).f64(sum).f64(sumSq).zigZag(recentCount).f64(recentSum);
        for (int i = 0; i < historyCount; i++) {
            out.f32(history[i]);
        }
        for (int i = 0; i < recentFilled(); i++) {
            out.f64(recent[i]);
        }
    }

    void readFrom(Wire.In in) {
        historyCount = in.varInt();
        historyHead = in.varInt();
        if (historyCount > history.length || historyHead >= history.length) {
            throw new IllegalArgumentException("likelihood history of another size (" + historyCount + ")");
        }
        sum = in.f64();
        sumSq = in.f64();
        recentCount = (int) in.zigZag();
        recentSum = in.f64();
        for (int i = 0; i < historyCount; i++) {
            history[i] = in.f32();
        }
        for (int i = 0; i < recentFilled(); i++) {
            recent[i] = in.f64();
        }
    }

    private int recentFilled() {
        return recentCount < 0 ? recent.length : Math.min(recentCount, recent.length);
    }

    private double likelihood(double avg) {
        int n = historyCount;
        double mean = sum / n;
        double std = Math.max(Math.sqrt(Math.max(sumSq / n - mean * mean, 0.0)), 0.03 + 0.05 * Math.abs(mean));
        double gauss = Math.min(1.0, Math.log(Math.max(Gaussian.upperTail(avg, mean, std), 1e-10)) / LOG_FLOOR);
        int reached = 0;
        float level = (float) avg;
        for (int i = 0; i < n; i++) {
            if (history[i] >= level) {
                reached++;
            }
        }
        double empirical = Math.log((reached + 1.0) / (n + 1.0)) / Math.log(1.0 / (n + 1.0));
        return empiricalWeight * empirical + (1 - empiricalWeight) * gauss;
    }
}
