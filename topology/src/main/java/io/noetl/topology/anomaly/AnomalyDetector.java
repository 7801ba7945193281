package io.noetl.topology.anomaly;

/**
 * A streaming anomaly detector for one key (e.g. one playbook/step latency series).
 *
 * <p>Values arrive one at a time in timestamp order; an implementation sees only the past (no look-ahead), keeps
 * bounded memory in plain serializable fields (so a stream processor can checkpoint it with
 * {@link Detectors#snapshot} and {@link Detectors#restore}) and is not thread-safe: use one instance per key.
 */
public interface AnomalyDetector extends java.io.Serializable {

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
}
