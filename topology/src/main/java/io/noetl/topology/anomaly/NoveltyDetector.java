package io.noetl.topology.anomaly;

import io.noetl.topology.codec.Wire;

/**
 * The default detector: contextual novelty with a likelihood second stage.
 *
 * <p>A fixed warm-up fixes a bin width from the observed range. Afterwards each point is surprising (raw score
 * {@code -ln p}) when one of its aspects falls in a bin the decaying histories rarely saw: the value, its first
 * difference, its transition from the previous value, the recent level at two scales (moving averages) and the
 * recent volatility (moving mean of absolute differences). The worst surprise goes through
 * {@link AnomalyLikelihood}, and {@link AlarmShaper} keeps output low except at the first strong evidence of an
 * event. A {@link SurgeGate} adds certainty (score 1) for a sustained jump of the level far beyond the usual spread,
 * such as a step whose latency multiplies. No per-series tuning: scale comes only from the series' own warm-up.
 * State is bounded (capped histograms, fixed rings), so a snapshot stays well under 64 KB.
 */
public final class NoveltyDetector implements AnomalyDetector {

    /** Registry name. */
    public static final String NAME = "novelty";

    private static final int ASPECTS = 5;
    /** Transitions kept: pairs of coarse bins outnumber single bins. */
    private static final int PAIR_CAPACITY = 256;

    private final NoveltyConfig cfg;
    private final double[] warm;
    private final RollingMean shortLevel;
    private final RollingMean longLevel;
    private final RollingMean volatility;
    private final DecayingHistogram[] aspects = new DecayingHistogram[ASPECTS];
    private final double[] features = new double[ASPECTS];
    private final DecayingHistogram pairs;
    private final DecayingHistogram contexts;
    private final AnomalyLikelihood likelihood;
    private final AlarmShaper shaper;
    private final SurgeGate surge = new SurgeGate();
    private int seen;
    private double lo;
    private double width;
    private double prev = Double.NaN;

    /** A detector with the default configuration. */
    public NoveltyDetector() {
        this(NoveltyConfig.DEFAULT);
    }

    /** @param cfg configuration (not null) */
    public NoveltyDetector(NoveltyConfig cfg) {
        this.cfg = cfg;
        this.warm = new double[cfg.warmup()];
        this.shortLevel = new RollingMean(cfg.levelWindow());
        this.longLevel = new RollingMean(cfg.levelWindow() * 4);
        this.volatility = new RollingMean(cfg.levelWindow() * 2);
        for (int k = 0; k < ASPECTS; k++) {
            aspects[k] = new DecayingHistogram(cfg.decay());
        }
        this.pairs = new DecayingHistogram(cfg.decay(), PAIR_CAPACITY);
        this.contexts = new DecayingHistogram(cfg.decay());
        this.likelihood = new AnomalyLikelihood(cfg.historySize(), cfg.shortWindow(), cfg.minHistory(),
                cfg.empiricalWeight());
        this.shaper = new AlarmShaper(cfg.alarmLevel(), cfg.suppress(), cfg.quietFactor());
    }

    @Override
    public double score(long timestampMillis, double value) {
        if (!Double.isFinite(value)) {
            return 0.0;
        }
        int i = seen++;
        if (i < warm.length) {
            warm[i] = value;
            if (i == warm.length - 1) {
                fixScale();
                for (double w : warm) {
                    observe(w);
                    learn(w);
                    prev = w;
                }
            }
            return 0.0;
        }
        observe(value);
        double raw = surprise(value);
        learn(value);
        prev = value;
        double shaped = shaper.shape(likelihood.update(raw));
        return surge.update(value) ? 1.0 : shaped;
    }

    /** Updates the rolling aspects with the new value and fills {@link #features} (NaN when not yet defined). */
    private void observe(double value) {
        double diff = Double.isNaN(prev) ? Double.NaN : value - prev;
        features[0] = value;
        features[1] = diff;
        features[2] = shortLevel.add(value);
        features[3] = longLevel.add(value);
        features[4] = Double.isNaN(diff) ? Double.NaN : volatility.add(Math.abs(diff)) + lo;
    }

    private void fixScale() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : warm) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        if (range <= 0) {
            range = Math.max(Math.abs(min) * 0.01, 1e-6);
        }
        lo = min;
        width = range / cfg.bins();
        surge.start(warm, width);
    }

    private long bin(double v) {
        return (long) Math.floor((v - lo) / width);
    }

    private double surprise(double value) {
        double s = 0;
        for (int k = 0; k < ASPECTS; k++) {
            if (!Double.isNaN(features[k])) {
                s = Math.max(s, neighbourhood(aspects[k], binOf(k)));
            }
        }
        if (!Double.isNaN(prev)) {
            long ctx = bin(prev) >> 1;
            double p = (pairs.count(pairKey(ctx, bin(value) >> 1)) + cfg.prior()) / (contexts.count(ctx) + 1.0);
            s = Math.max(s, -Math.log(Math.min(1.0, p)) * cfg.pairWeight());
        }
        return s;
    }

    private long binOf(int k) {
        // differences are centred on 0, the others on the warm-up minimum
        return k == 1 ? (long) Math.floor(features[k] / width) : bin(features[k]);
    }

    private double neighbourhood(DecayingHistogram h, long b) {
        double c = h.count(b - 1) + h.count(b) + h.count(b + 1);
        return -Math.log(Math.min(1.0, (c + cfg.prior()) / (h.total() + 1.0)));
    }

    private void learn(double value) {
        for (int k = 0; k < ASPECTS; k++) {
            if (!Double.isNaN(features[k])) {
                aspects[k].add(binOf(k));
            }
        }
        if (!Double.isNaN(prev)) {
            long ctx = bin(prev) >> 1;
            pairs.add(pairKey(ctx, bin(value) >> 1));
            contexts.add(ctx);
        }
    }

    private static long pairKey(long a, long b) {
        return (a << 32) ^ (b & 0xFFFFFFFFL);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void writeTo(Wire.Out out) {
        cfg.writeTo(out);
        out.zigZag(seen).f64(lo).f64(width).f64(prev);
        for (int i = 0; i < warming(); i++) {
            out.f64(warm[i]);
        }
        shortLevel.writeTo(out);
        longLevel.writeTo(out);
        volatility.writeTo(out);
        for (DecayingHistogram h : aspects) {
            h.writeTo(out);
        }
        pairs.writeTo(out);
        contexts.writeTo(out);
        likelihood.writeTo(out);
        shaper.writeTo(out);
        surge.writeTo(out);
    }

    /** A detector from what {@link #writeTo} wrote. */
    static NoveltyDetector readFrom(Wire.In in) {
        NoveltyDetector d = new NoveltyDetector(NoveltyConfig.readFrom(in));
        d.seen = (int) in.zigZag();
        d.lo = in.f64();
        d.width = in.f64();
        d.prev = in.f64();
        for (int i = 0; i < d.warming(); i++) {
            d.warm[i] = in.f64();
        }
        d.shortLevel.readFrom(in);
        d.longLevel.readFrom(in);
        d.volatility.readFrom(in);
        for (DecayingHistogram h : d.aspects) {
            h.readFrom(in);
        }
        d.pairs.readFrom(in);
        d.contexts.readFrom(in);
        d.likelihood.readFrom(in);
        d.shaper.readFrom(in);
        d.surge.readFrom(in);
        return d;
    }

    /** Warm-up values held (none once the warm-up is over: they are not read again). */
    private int warming() {
        return seen >= 0 && seen < warm.length ? seen : 0;
    }
}
