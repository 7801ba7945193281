package io.noetl.topology.anomaly;

import io.noetl.topology.codec.Wire;

/**
 * NAB's reference "windowed Gaussian": mean and standard deviation of the last {@code windowSize} values, refreshed
 * every {@code stepSize} values once the window is full; the score is {@code 1 - Q(|z|)}, so values far from the
 * mean on either side score near 1 (and every scored point at least 0.5).
 */
public final class WindowedGaussianDetector implements AnomalyDetector {

    /** Registry name. */
    public static final String NAME = "windowed-gaussian";
    /** NAB's window size. */
    public static final int DEFAULT_WINDOW = 6400;
    /** NAB's step size. */
    public static final int DEFAULT_STEP = 100;

    private final double[] window;
    private final double[] stepBuffer;
    private int count;
    private int head;
    private int stepFill;
    private double mean;
    private double std = 1e-6;

    /** A detector with NAB's reference parameters. */
    public WindowedGaussianDetector() {
        this(DEFAULT_WINDOW, DEFAULT_STEP);
    }

    /**
     * @param windowSize number of past values summarised (positive)
     * @param stepSize values buffered between summary refreshes once the window is full (positive)
     */
    public WindowedGaussianDetector(int windowSize, int stepSize) {
        if (windowSize < 1 || stepSize < 1 || stepSize > windowSize) {
            throw new IllegalArgumentException("windowSize and stepSize must be positive, stepSize <= windowSize");
        }
        this.window = new double[windowSize];
        this.stepBuffer = new double[stepSize];
    }

    @Override
    public double score(long timestampMillis, double value) {
        if (!Double.isFinite(value)) {
            return 0.0;
        }
        // NAB's reference is two-sided and divides by 1.4142 (not sqrt 2); kept for comparable scores.
        double score = count > 0 ? 1.0 - 0.5 * Gaussian.erfc(Math.abs(value - mean) / std / 1.4142) : 0.0;
        if (count < window.length) {
            window[count++] = value;
            refresh();
        } else {
            stepBuffer[stepFill++] = value;
            if (stepFill == stepBuffer.length) {
                for (double v : stepBuffer) {
                    window[head] = v;
                    head = (head + 1) % window.length;
                }
                stepFill = 0;
                refresh();
            }
        }
        return Math.max(0.0, Math.min(1.0, score));
    }

    private void refresh() {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += window[i];
        }
        mean = sum / count;
        double sq = 0;
        for (int i = 0; i < count; i++) {
            sq += (window[i] - mean) * (window[i] - mean);
        }
        std = Math.sqrt(sq / count);
        if (std == 0.0) {
            std = 1e-6;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void writeTo(Wire.Out out) {
        out.varLong(window.length).varLong(stepBuffer.length).varLong(count).varLong(head).varLong(stepFill)
                .f64(mean).f64(std);
        for (int i = 0; i < count; i++) {
            out.f64(window[i]);
        }
        for (int i = 0; i < stepFill; i++) {
            out.f64(stepBuffer[i]);
        }
    }

    /** A detector from what {@link #writeTo} wrote. */
    static WindowedGaussianDetector readFrom(Wire.In in) {
        WindowedGaussianDetector d = new WindowedGaussianDetector(in.varInt(), in.varInt());
        d.count = in.varInt();
        d.head = in.varInt();
        d.stepFill = in.varInt();
        if (d.count > d.window.length || d.head >= d.window.length || d.stepFill >= d.stepBuffer.length) {
            throw new IllegalArgumentException("windowed-gaussian state beyond its window (" + d.count + ")");
        }
        d.mean = in.f64();
        d.std = in.f64();
        for (int i = 0; i < d.count; i++) {
            d.window[i] = in.f64();
        }
        for (int i = 0; i < d.stepFill; i++) {
            d.stepBuffer[i] = in.f64();
        }
        return d;
    }
}
