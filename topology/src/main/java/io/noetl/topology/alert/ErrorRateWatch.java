package io.noetl.topology.alert;

import io.noetl.topology.codec.Wire;
import java.util.HashMap;
import java.util.Map;

/**
 * Error rate of one step: the failures among the last {@link Settings#recentAttempts()} attempts against a slow
 * baseline rate (an exponentially weighted mean over roughly {@code 1 / slowAlpha} attempts, floored at
 * {@link Settings#minBaselineRate()}). Scored only once {@link Settings#minAttempts()} attempts were seen and when the
 * recent rate is materially higher (at least {@link Settings#minFailures()} failures, twice the baseline and
 * {@link Settings#minIncrease()} above it); the score is the exact binomial upper tail of the recent failures
 * under the baseline rate, through {@link Scores#fromTail} with {@link Settings#horizon()} looks.
 */
final class ErrorRateWatch {

    /**
     * @param recentAttempts  attempts in the recent window (at most 64)
     * @param minAttempts     attempts seen before scoring
     * @param slowAlpha       weight of one attempt in the baseline rate
     * @param minBaselineRate floor of the baseline rate (a clean history is not a zero rate)
     * @param minFailures     recent failures needed for any score
     * @param minIncrease     recent rate − baseline needed for any score
     * @param templateMemory  recent failures whose templates decide the dominant one
     * @param horizon         looks per false alarm budget (see {@link Scores})
     */
    record Settings(int recentAttempts, int minAttempts, double slowAlpha, double minBaselineRate, int minFailures,
            double minIncrease, int templateMemory, double horizon) {

        static final Settings DEFAULT = new Settings(50, 200, 0.002, 0.01, 5, 0.05, 32, 1000);

        Settings {
            if (recentAttempts < 4 || recentAttempts > 64 || minAttempts < recentAttempts || !(slowAlpha > 0)
                    || slowAlpha >= 1 || !(minBaselineRate > 0) || minFailures < 1 || minIncrease < 0
                    || templateMemory < 1 || horizon < 1) {
                throw new IllegalArgumentException("invalid error-rate watch settings " + this);
            }
        }
    }

    private final Settings s;
    private long bits; // 1 = failure, newest in bit 0
    private int fill;
    private int failures;
    private long attempts;
    private double slowRate;
    private final Evidence failing;
    private final String[] templates;
    private int templateHead;
    private double observed;
    private double expected;

    ErrorRateWatch(Settings s, int evidenceSize) {
        this.s = s;
        this.failing = new Evidence(evidenceSize);
        this.templates = new String[s.templateMemory()];
    }

    /** Scores the recent window including this attempt against the baseline, then learns the attempt. */
    double observe(boolean failed, long timeMs, String executionId, String templateId) {
        int n = s.recentAttempts();
        if (fill == n) {
            failures -= (int) ((bits >>> (n - 1)) & 1L);
        } else {
            fill++;
        }
        bits = ((bits << 1) | (failed ? 1L : 0L)) & (n == 64 ? -1L : (1L << n) - 1);
        if (failed) {
            failures++;
            failing.add(executionId, timeMs);
            templates[templateHead] = templateId;
            templateHead = (templateHead + 1) % templates.length;
        }
        double score = 0.0;
        double base = Math.max(slowRate, s.minBaselineRate());
        observed = (double) failures / fill;
        expected = slowRate;
        if (attempts >= s.minAttempts() && fill == n && failures >= s.minFailures()
                && observed >= 2 * base && observed - base >= s.minIncrease()) {
            score = Scores.fromTail(Scores.binomialUpperTail(failures, n, base), s.horizon());
        }
        slowRate += s.slowAlpha() * ((failed ? 1.0 : 0.0) - slowRate);
        attempts++;
        return score;
    }

    /** The most frequent template among the failures of the recent window (the latest of equals), or null. */
    String dominantTemplate() {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        int bestCount = 0;
        for (int i = 0; i < Math.min(Math.max(failures, 1), templates.length); i++) {
            String t = templates[(templateHead - 1 - i + 2 * templates.length) % templates.length];
            if (t != null) {
                int c = counts.merge(t, 1, Integer::sum);
                if (c > bestCount) {
                    best = t;
                    bestCount = c;
                }
            }
        }
        return best;
    }

    /** Recent error rate at the last attempt. */
    double observed() {
        return observed;
    }

    /** Baseline error rate at the last attempt. */
    double expected() {
        return expected;
    }

    Evidence failing() {
        return failing;
    }

    void writeTo(Wire.Out out) {
        out.varLong(s.recentAttempts()).varLong(bits).varLong(fill).varLong(failures).varLong(attempts)
                .f64(slowRate).f64(observed).f64(expected);
        failing.writeTo(out);
        out.varLong(templates.length).varLong(templateHead);
        for (String t : templates) {
            out.string(t);
        }
    }

    void readFrom(Wire.In in) {
        if (in.varInt() != s.recentAttempts()) {
            throw new IllegalArgumentException("error-rate state of another window size");
        }
        bits = in.varLong();
        fill = in.varInt();
        failures = in.varInt();
        attempts = in.varLong();
        slowRate = in.f64();
        observed = in.f64();
        expected = in.f64();
        failing.readFrom(in);
        if (in.varInt() != templates.length) {
            throw new IllegalArgumentException("error-rate state of another template memory");
        }
        templateHead = in.varInt() % templates.length;
        for (int i = 0; i < templates.length; i++) {
            templates[i] = in.string();
        }
    }
}
