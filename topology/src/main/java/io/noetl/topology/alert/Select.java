package io.noetl.topology.alert;

/** Median by selection (Hoare's quickselect, median-of-three pivot): linear time, no sorting, reorders its input. */
final class Select {

    private Select() {
    }

    /** The median of the first {@code n} values (mean of the two middle ones for even n); reorders them. */
    static double median(double[] v, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double upper = select(v, n, n / 2);
        if (n % 2 == 1) {
            return upper;
        }
        double lower = Double.NEGATIVE_INFINITY; // after selection, everything below n/2 is <= upper
        for (int i = 0; i < n / 2; i++) {
            lower = Math.max(lower, v[i]);
        }
        return 0.5 * (lower + upper);
    }

    /** The k-th smallest (0-based) of the first n values. */
    static double select(double[] v, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] < v[lo]) {
                swap(v, mid, lo);
            }
            if (v[hi] < v[lo]) {
                swap(v, hi, lo);
            }
            if (v[hi] < v[mid]) {
                swap(v, hi, mid);
            }
            double pivot = v[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(v, i++, j--);
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }

    private static void swap(double[] v, int a, int b) {
        double t = v[a];
        v[a] = v[b];
        v[b] = t;
    }
}
