package io.noetl.topology.anomaly;

/** Normal-distribution helpers (no dependency on a maths library). */
final class Gaussian {

    private Gaussian() {
    }

    /** Complementary error function, fractional error below 1.2e-7 (Numerical Recipes' Chebyshev fit). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }

    /** Upper tail probability P(X > x) of a normal with this mean and standard deviation. */
    static double upperTail(double x, double mean, double std) {
        double z = (x - mean) / std;
        return 0.5 * erfc(z / Math.sqrt(2.0));
    }
}
