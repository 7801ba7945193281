package io.noetl.topology.anomaly;

import io.noetl.topology.codec.Wire;

/**
 * Parameters of {@link NoveltyDetector}; one configuration serves every series.
 *
 * @param warmup values collected before scoring starts; they fix the bin width (scores are 0 meanwhile)
 * @param bins number of bins spanning the warm-up range
 * @param decay per-point decay of the histories (memory of roughly {@code 1 / (1 - decay)} points)
 * @param levelWindow points in the moving average that tracks the level
 * @param prior pseudo-count added to every bin
 * @param pairWeight weight of the transition surprise relative to the others
 * @param historySize raw surprises in the likelihood baseline
 * @param shortWindow raw surprises averaged as current evidence
 * @param minHistory raw surprises needed before non-zero output
 * @param empiricalWeight weight of the empirical (rank) half of the likelihood, in [0, 1]
 * @param alarmLevel likelihood at which an alarm is raised
 * @param suppress points after an alarm during which output is damped
 * @param quietFactor multiplier for output below the alarm level or during suppression
 */
public record NoveltyConfig(int warmup, int bins, double decay, int levelWindow, double prior, double pairWeight,
        int historySize, int shortWindow, int minHistory, double empiricalWeight, double alarmLevel, int suppress,
        double quietFactor) {

    /** The configuration used by the registry. */
    public static final NoveltyConfig DEFAULT = new NoveltyConfig(150, 40, 0.9995, 6, 0.1, 1.0,
            4000, 5, 150, 0.5, 0.55, 200, 0.5);

    /** Validates ranges. */
    public NoveltyConfig {
        if (warmup < 2 || bins < 1 || levelWindow < 1 || historySize < 1 || shortWindow < 1 || minHistory < 1
                || suppress < 0) {
            throw new IllegalArgumentException("NoveltyConfig sizes must be positive");
        }
        if (!(decay > 0 && decay <= 1) || prior <= 0 || pairWeight < 0 || empiricalWeight < 0 || empiricalWeight > 1 || quietFactor < 0 || quietFactor > 1) {
            throw new IllegalArgumentException("NoveltyConfig: decay in (0,1], prior > 0, quietFactor in [0,1]");
        }
    }

    void writeTo(Wire.Out out) {
        out.varLong(warmup).varLong(bins).f64(decay).varLong(levelWindow).f64(prior).f64(pairWeight)
                .varLong(historySize).varLong(shortWindow).varLong(minHistory).f64(empiricalWeight).f64(alarmLevel)
                .varLong(suppress).f64(quietFactor);
    }

    /** @throws IllegalArgumentException when the values read are not a valid configuration */
    static NoveltyConfig readFrom(Wire.In in) {
        return new NoveltyConfig(in.varInt(), in.varInt(), in.f64(), in.varInt(), in.f64(), in.f64(), in.varInt(),
                in.varInt(), in.varInt(), in.f64(), in.f64(), in.varInt(), in.f64());
    }
}
