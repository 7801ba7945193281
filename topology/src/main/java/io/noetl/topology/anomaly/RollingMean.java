package io.noetl.topology.anomaly;

/** Mean of the last {@code size} values (ring buffer); {@code NaN} until the window is full. */
final class RollingMean implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final double[] buf;
    private int count;
    private double sum;

    RollingMean(int size) {
        this.buf = new double[size];
    }

    /** Adds a value and returns the mean of the full window, or {@code NaN} while filling. */
    double add(double v) {
        int k = count % buf.length;
        sum += v - buf[k];
        buf[k] = v;
        count++;
        if (count % (buf.length * 64) == 0) {
            // re-sum now and then so floating-point drift cannot accumulate
            sum = 0;
            for (double b : buf) {
                sum += b;
            }
        }
        return count >= buf.length ? sum / buf.length : Double.NaN;
    }
}
