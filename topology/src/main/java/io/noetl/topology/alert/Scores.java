package io.noetl.topology.alert;

/**
 * Turns test statistics into anomaly scores in [0, 1] on one scale for every watch.
 *
 * <p>A watch looks at its series again and again, so a raw p-value would raise false alarms in proportion to the
 * number of looks. The score is therefore {@code exp(-horizon * p)}: the chance that no excursion at least this
 * extreme happens by chance within {@code horizon} further looks. At {@code horizon = 1000}, a score of 0.99 needs
 * {@code p <= 1e-5}.
 */
final class Scores {

    private static final double SQRT2 = Math.sqrt(2);

    private Scores() {
    }

    /** Score of a p-value with the given number of looks. */
    static double fromTail(double p, double horizon) {
        if (!(p >= 0)) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(1.0, Math.exp(-horizon * Math.min(1.0, p))));
    }

    /** Standard normal upper tail {@code P(Z >= z)}, with good relative accuracy far into the tail. */
    static double normalUpperTail(double z) {
        return 0.5 * erfc(z / SQRT2);
    }

    /** Complementary error function (Chebyshev fit; fractional error below 1.2e-7 everywhere). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /** Binomial upper tail {@code P(X >= k)} for {@code X ~ Bin(n, p)}, summed from {@code k} upwards. */
    static double binomialUpperTail(int k, int n, double p) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > n || p <= 0) {
            return 0.0;
        }
        if (p >= 1) {
            return 1.0;
        }
        double logPmf = k * Math.log(p) + (n - k) * Math.log1p(-p);
        for (int i = 1; i <= k; i++) {
            logPmf += Math.log((double) (n - k + i) / i);
        }
        double pmf = Math.exp(logPmf);
        double odds = p / (1 - p);
        double sum = 0;
        for (int i = k; i <= n && pmf > 0; i++) {
            sum += pmf;
            pmf *= (double) (n - i) / (i + 1) * odds;
        }
        return Math.min(1.0, sum);
    }
}
