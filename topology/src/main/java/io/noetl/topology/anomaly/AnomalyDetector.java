package io.noetl.topology.anomaly;

import io.noetl.topology.codec.Wire;

/**
 * A streaming anomaly detector for one key (e.g. one playbook/step latency series).
 *
 * <p>Values arrive one at a time in timestamp order; an implementation sees only the past (no look-ahead), keeps
 * bounded memory, writes its whole state with {@link #writeTo} (so a stream processor can checkpoint it with
 * {@link Detectors#snapshot} and {@link Detectors#restore}) and is not thread-safe: use one instance per key.
 */
public interface AnomalyDetector {

    /**
     * Scores one point against the history seen so far, then learns it.
     *
     * @param timestampMillis event time of the point, epoch milliseconds
     * @param value the observed value; non-finite values score 0 and are not learned
     * @return anomaly score in [0, 1]; higher means more anomalous
     */
    double score(long timestampMillis, double value);

    /** @return the registry name of this detector, e.g. {@code "windowed-gaussian"} */
    String name();

    /**
     * Writes the detector's whole state, its configuration included, so that the registry's reader for
     * {@link #name()} rebuilds a detector that scores every later point exactly as this one would.
     */
    void writeTo(Wire.Out out);
}
