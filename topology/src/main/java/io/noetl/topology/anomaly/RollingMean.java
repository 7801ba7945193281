package io.noetl.topology.anomaly;

import io.noetl.topology.codec.Wire;

/** Mean of the last {@code size} values (ring buffer); {@code NaN} until the window is full. */
final class RollingMean {

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

    void writeTo(Wire.Out out) {
        out.zigZag(count).f64(sum);
        for (int i = 0; i < filled(); i++) {
            out.f64(buf[i]);
        }
    }

    void readFrom(Wire.In in) {
        count = (int) in.zigZag();
        sum = in.f64();
        for (int i = 0; i < filled(); i++) {
            buf[i] = in.f64();
        }
    }

    /** Slots written so far (the rest still hold 0). */
    private int filled() {
        return count < 0 ? buf.length : Math.min(count, buf.length);
    }
}
