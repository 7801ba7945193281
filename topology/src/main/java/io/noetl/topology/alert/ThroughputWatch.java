package io.noetl.topology.alert;

import io.noetl.topology.codec.Wire;

/**
 * Throughput of one step: attempts per wall-clock interval against the rate learned over earlier intervals.
 *
 * <p>The first interval (usually partial) is skipped; the next {@link Settings#learnIntervals()} give a plain mean
 * and variance, after which both follow exponentially weighted updates ({@link Settings#alpha()}). A step has an
 * <em>established steady rate</em> when it is past learning, its mean is at least {@link Settings#minRate()} per
 * interval and its coefficient of variation at most {@link Settings#maxVariation()}; only such steps are scored. An
 * interval is scored when its count is at most {@link Settings#dropFraction()} of the mean: a one-sided z-test with
 * variance {@code max(variance, mean)} (at least Poisson), through {@link Scores#fromTail} with
 * {@link Settings#horizon()} looks. A count of zero is scored like any other.
 */
final class ThroughputWatch {

    /**
     * @param learnIntervals intervals of plain averaging before the rate is known
     * @param alpha          weight of one interval afterwards
     * @param minRate        mean attempts per interval of a step worth watching
     * @param maxVariation   largest coefficient of variation of a steady rate
     * @param dropFraction   count / mean at or below which an interval is scored
     * @param horizon        looks per false alarm budget (see {@link Scores})
     */
    record Settings(int learnIntervals, double alpha, double minRate, double maxVariation, double dropFraction,
            double horizon) {

        static final Settings DEFAULT = new Settings(10, 0.1, 10, 0.5, 0.5, 100);

        Settings {
            if (learnIntervals < 2 || !(alpha > 0 && alpha < 1) || minRate < 1 || !(maxVariation > 0)
                    || !(dropFraction > 0 && dropFraction < 1) || horizon < 1) {
                throw new IllegalArgumentException("invalid throughput watch settings " + this);
            }
        }
    }

    private final Settings s;
    private long current;
    private int intervals; // intervals seen, the skipped first one included
    private double mean;
    private double variance;
    private double sumSq;
    private long observed;
    private double expected;

    ThroughputWatch(Settings s) {
        this.s = s;
    }

    /** Counts one attempt in the current interval. */
    void count() {
        current++;
    }

    /** Closes the current interval: scores its count against the learned rate, then learns it. */
    double closeInterval() {
        long n = current;
        current = 0;
        observed = n;
        expected = mean;
        double score = 0.0;
        if (established() && n <= s.dropFraction() * mean) {
            double z = (mean - n - 0.5) / Math.sqrt(Math.max(variance, mean));
            score = Scores.fromTail(Scores.normalUpperTail(z), s.horizon());
        }
        learn(n);
        return score;
    }

    private void learn(long n) {
        int learned = intervals++; // intervals learned before this one, the skipped first one included
        if (learned == 0) {
            return;
        }
        if (learned <= s.learnIntervals()) {
            mean += (n - mean) / learned;
            sumSq += (double) n * n;
            variance = Math.max(0, sumSq / learned - mean * mean);
            return;
        }
        double d = n - mean;
        mean += s.alpha() * d;
        variance = (1 - s.alpha()) * (variance + s.alpha() * d * d);
    }

    /** True when the step has a steady rate worth watching. */
    boolean established() {
        return intervals > s.learnIntervals() && mean >= s.minRate()
                && Math.sqrt(variance) <= s.maxVariation() * mean;
    }

    long observed() {
        return observed;
    }

    double expected() {
        return expected;
    }

    void writeTo(Wire.Out out) {
        out.varLong(current).varLong(intervals).f64(mean).f64(variance).f64(sumSq).varLong(observed).f64(expected);
    }

    void readFrom(Wire.In in) {
        current = in.varLong();
        intervals = in.varInt();
        mean = in.f64();
        variance = in.f64();
        sumSq = in.f64();
        observed = in.varLong();
        expected = in.f64();
    }
}
