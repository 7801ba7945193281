package io.noetl.topology.anomaly;

import java.util.Random;

/** Synthetic series made in the tests (no external data). */
final class Series {

    private Series() {
    }

    /** Daily-ish sine plus Gaussian noise around 10. */
    static double[] noisy(int n, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10 + 2 * Math.sin(2 * Math.PI * i / 96.0) + rnd.nextGaussian() * 0.5;
        }
        return x;
    }

    static double[] run(AnomalyDetector d, double[] series) {
        double[] s = new double[series.length];
        for (int i = 0; i < series.length; i++) {
            s[i] = d.score(1_400_000_000_000L + i * 300_000L, series[i]);
        }
        return s;
    }

    static double max(double[] s, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, s[i]);
        }
        return m;
    }
}
