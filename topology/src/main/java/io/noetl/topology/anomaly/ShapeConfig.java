package io.noetl.topology.anomaly;

import io.noetl.topology.codec.Wire;

/**
 * Parameters of {@link ShapeDetector}; one configuration serves every series.
 *
 * @param warmup values learnt before scoring starts (scores are 0 meanwhile)
 * @param length means per window
 * @param firstStep values per mean at the finest scale
 * @param stepFactor factor between the steps of successive scales
 * @param scales number of scales
 * @param vigilance a window resonates with a prototype within this many typical distances
 * @param capacity prototypes remembered per scale
 * @param rate how far a resonant prototype moves toward a window, in (0, 1]
 * @param useDecay per-point decay of prototype usage (which one is forgotten when the memory is full)
 * @param adapt per-point rate at which the typical distance to the nearest prototype follows the series
 * @param floor least typical distance, as a fraction of the series' range (flat series)
 * @param historySize novelty values in the likelihood baseline
 * @param minHistory novelty values needed before non-zero output
 * @param empiricalWeight weight of the empirical (rank) half of the likelihood, in [0, 1]
 * @param alarmLevel score at which an alarm is raised
 * @param suppress points after an alarm during which output is damped
 * @param quietFactor multiplier for output below the alarm level or during suppression
 */
public record ShapeConfig(int warmup, int length, int firstStep, int stepFactor, int scales, double vigilance,
        int capacity, double rate, double useDecay, double adapt, double floor, int historySize,
        int minHistory, double empiricalWeight, double alarmLevel, int suppress,
        double quietFactor) {

    /** The configuration used by the registry. */
    public static final ShapeConfig DEFAULT = new ShapeConfig(150, 8, 1, 4, 2, 3.5, 64, 0.1, 0.999, 0.01, 0.01,
            4000, 150, 0.5, 0.5, 200, 0.5);

    /** Validates ranges. */
    public ShapeConfig {
        if (warmup < 2 || length < 1 || firstStep < 1 || stepFactor < 1 || scales < 1 || capacity < 1 || historySize < 1
                || minHistory < 1 || suppress < 0) {
            throw new IllegalArgumentException("ShapeConfig sizes must be positive");
        }
        if (!(vigilance > 0) || !(rate > 0 && rate <= 1) || !(useDecay > 0 && useDecay <= 1)
                || !(adapt > 0 && adapt < 1) || !(floor > 0) || empiricalWeight < 0 || empiricalWeight > 1
                || quietFactor < 0 || quietFactor > 1) {
            throw new IllegalArgumentException("ShapeConfig: vigilance, floor > 0; rate, useDecay in (0,1]; adapt in"
                    + " (0,1); empiricalWeight, quietFactor in [0,1]");
        }
    }

    void writeTo(Wire.Out out) {
        out.varLong(warmup).varLong(length).varLong(firstStep).varLong(stepFactor).varLong(scales).f64(vigilance)
                .varLong(capacity).f64(rate).f64(useDecay).f64(adapt).f64(floor).varLong(historySize)
                .varLong(minHistory).f64(empiricalWeight).f64(alarmLevel).varLong(suppress).f64(quietFactor);
    }

    /** @throws IllegalArgumentException when the values read are not a valid configuration */
    static ShapeConfig readFrom(Wire.In in) {
        return new ShapeConfig(in.varInt(), in.varInt(), in.varInt(), in.varInt(), in.varInt(), in.f64(),
                in.varInt(), in.f64(), in.f64(), in.f64(), in.f64(), in.varInt(), in.varInt(), in.f64(), in.f64(),
                in.varInt(), in.f64());
    }
}
