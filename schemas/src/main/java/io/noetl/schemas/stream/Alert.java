package io.noetl.schemas.stream;

import java.time.Instant;
import java.util.List;

/**
 * An anomaly, on {@code noetl.alerts} keyed by {@code playbook/step} and on JetStream
 * {@code noetl.alerts.<severity>} (schema: {@code alert.schema.json}).
 *
 * @param alertId      ULID
 * @param type         one of {@link #TYPES}
 * @param severity     one of {@link #SEVERITIES}
 * @param key          what it is about, e.g. {@code playbook/step} or an execution id for stuck executions
 * @param observed     the measured value (ms for latency, a rate for error rate, events/window for throughput)
 * @param expected     what the detector expected
 * @param score        anomaly score in [0, 1]
 * @param executionIds evidence: executions that showed the anomaly (bounded)
 * @param templateId   evidence: the error template, for {@code new_error_template} and error-rate spikes
 */
public record Alert(
        String alertId,
        String type,
        String severity,
        String key,
        String playbookPath,
        String step,
        Instant windowStart,
        Instant windowEnd,
        double observed,
        double expected,
        double score,
        String message,
        List<String> executionIds,
        String templateId,
        Instant detectedAt) {

    public static final String LATENCY_SPIKE = "latency_spike";
    public static final String ERROR_RATE_SPIKE = "error_rate_spike";
    public static final String THROUGHPUT_DROP = "throughput_drop";
    public static final String NEW_ERROR_TEMPLATE = "new_error_template";
    public static final String STUCK_EXECUTION = "stuck_execution";
    public static final List<String> TYPES =
            List.of(LATENCY_SPIKE, ERROR_RATE_SPIKE, THROUGHPUT_DROP, NEW_ERROR_TEMPLATE, STUCK_EXECUTION);

    public static final String INFO = "info";
    public static final String WARNING = "warning";
    public static final String CRITICAL = "critical";
    public static final List<String> SEVERITIES = List.of(INFO, WARNING, CRITICAL);
}
