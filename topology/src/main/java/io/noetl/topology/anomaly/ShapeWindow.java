package io.noetl.topology.anomaly;

import io.noetl.topology.codec.Wire;

/**
 * The latest {@code length} means of {@code step} consecutive values, sliding by one value: at every point the
 * window holds the mean of the last {@code step} values, of the {@code step} before them, and so on (a downsampled
 * view of the recent past that still moves at every point).
 */
final class ShapeWindow {

    private final int step;
    private final double[] values;
    private final double[] out;
    private long count;

    /**
     * @param length means per window
     * @param step values per mean
     */
    ShapeWindow(int length, int step) {
        this.step = step;
        this.values = new double[length * step];
        this.out = new double[length];
    }

    /** Adds a value; true once the window is full. */
    boolean add(double v) {
        values[(int) (count % values.length)] = v;
        count++;
        return count >= values.length;
    }

    void writeTo(Wire.Out out) {
        out.varLong(count);
        for (int i = 0; i < filled(); i++) {
            out.f64(values[i]);
        }
    }

    void readFrom(Wire.In in) {
        count = in.varLong();
        for (int i = 0; i < filled(); i++) {
            values[i] = in.f64();
        }
    }

    private int filled() {
        return (int) Math.min(count, values.length);
    }

    /** @return the window, oldest mean first (a shared array, overwritten by the next call) */
    double[] window() {
        int n = values.length;
        int at = (int) ((count - 1) % n);
        for (int k = out.length - 1; k >= 0; k--) {
            double sum = 0;
            for (int i = 0; i < step; i++) {
                sum += values[at];
                at = at == 0 ? n - 1 : at - 1;
            }
            out[k] = sum / step;
        }
        return out;
    }
}
