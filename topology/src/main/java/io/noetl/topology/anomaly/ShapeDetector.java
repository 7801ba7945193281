package io.noetl.topology.anomaly;

import io.noetl.topology.codec.Wire;

/**
 * Shape novelty: recent windows of the series, downsampled at a few scales, are matched against a bounded memory of
 * remembered shapes ({@link ShapeMemory}). Each scale tracks the typical distance from a window to its nearest
 * prototype; a window further than {@code vigilance} typical distances resonates with no prototype, becomes one of
 * its own, and after the warm-up is scored by how many typical distances away it lies. Distances are relative to
 * the series' own behaviour, so no per-series tuning is needed. {@link AlarmShaper} keeps output low except at the
 * first strong evidence of an event.
 */
public final class ShapeDetector implements AnomalyDetector {

    /** Registry name. */
    public static final String NAME = "shape";

    private final ShapeConfig cfg;
    private final ShapeWindow[] windows;
    private final ShapeMemory[] memories;
    private final double[] typical;
    private final AlarmShaper shaper;
    private final AnomalyLikelihood likelihood;
    private long seen;
    private double lo = Double.POSITIVE_INFINITY;
    private double hi = Double.NEGATIVE_INFINITY;

    /** A detector with the default configuration. */
    public ShapeDetector() {
        this(ShapeConfig.DEFAULT);
    }

    /** @param cfg configuration (not null) */
    public ShapeDetector(ShapeConfig cfg) {
        this.cfg = cfg;
        this.windows = new ShapeWindow[cfg.scales()];
        this.memories = new ShapeMemory[cfg.scales()];
        this.typical = new double[cfg.scales()];
        int step = cfg.firstStep();
        for (int k = 0; k < cfg.scales(); k++) {
            windows[k] = new ShapeWindow(cfg.length(), step);
            memories[k] = new ShapeMemory(cfg.length(), cfg.capacity());
            typical[k] = Double.NaN;
            step *= cfg.stepFactor();
        }
        this.likelihood = new AnomalyLikelihood(cfg.historySize(), 1, cfg.minHistory(), cfg.empiricalWeight());
        this.shaper = new AlarmShaper(cfg.alarmLevel(), cfg.suppress(), cfg.quietFactor());
    }

    @Override
    public double score(long timestampMillis, double value) {
        if (!Double.isFinite(value)) {
            return 0.0;
        }
        seen++;
        lo = Math.min(lo, value);
        hi = Math.max(hi, value);
        double least = Math.max((hi - lo) * cfg.floor(), Math.abs(hi) * 1e-9 + 1e-12);
        double novelty = 0;
        for (int k = 0; k < windows.length; k++) {
            if (windows[k].add(value)) {
                double t = Double.isNaN(typical[k]) ? least : Math.max(typical[k], least);
                double d = memories[k].matchAndLearn(windows[k].window(), cfg.vigilance() * t, cfg.rate(),
                        cfg.useDecay());
                if (Double.isFinite(d)) {
                    novelty = Math.max(novelty, d / t);
                    typical[k] = Double.isNaN(typical[k]) ? d
                            : typical[k] + cfg.adapt() * (Math.min(d, cfg.vigilance() * t) - typical[k]);
                }
            }
        }
        if (seen <= cfg.warmup()) {
            return 0.0;
        }
        return shaper.shape(likelihood.update(novelty));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void writeTo(Wire.Out out) {
        cfg.writeTo(out);
        out.varLong(seen).f64(lo).f64(hi);
        for (int k = 0; k < windows.length; k++) {
            out.f64(typical[k]);
            windows[k].writeTo(out);
            memories[k].writeTo(out);
        }
        shaper.writeTo(out);
        likelihood.writeTo(out);
    }

    /** A detector from what {@link #writeTo} wrote. */
    static ShapeDetector readFrom(Wire.In in) {
        ShapeDetector d = new ShapeDetector(ShapeConfig.readFrom(in));
        d.seen = in.varLong();
        d.lo = in.f64();
        d.hi = in.f64();
        for (int k = 0; k < d.windows.length; k++) {
            d.typical[k] = in.f64();
            d.windows[k].readFrom(in);
            d.memories[k].readFrom(in);
        }
        d.shaper.readFrom(in);
        d.likelihood.readFrom(in);
        return d;
    }
}
