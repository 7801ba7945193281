package io.noetl.topology.alert;

import io.noetl.schemas.stream.Alert;

/**
 * Severity of an alert from its score and magnitude.
 *
 * <ul>
 *   <li>{@code critical}: score at least {@value #CRITICAL_SCORE} <em>and</em> a severe magnitude — latency at least
 *   {@value #CRITICAL_LATENCY_RATIO}× its baseline; error rate at least {@value #CRITICAL_ERROR_RATE} or
 *   {@value #CRITICAL_ERROR_INCREASE} above its baseline; throughput at most {@value #CRITICAL_THROUGHPUT_FRACTION}
 *   of its expected rate (zero included).</li>
 *   <li>{@code warning}: any other latency, error-rate or throughput alert; a new error template on a step that had
 *   never failed before.</li>
 *   <li>{@code info}: a new error template on a step that has failed before with other templates.</li>
 * </ul>
 */
final class Severity {

    static final double CRITICAL_SCORE = 0.999;
    static final double CRITICAL_LATENCY_RATIO = 5.0;
    static final double CRITICAL_ERROR_RATE = 0.5;
    static final double CRITICAL_ERROR_INCREASE = 0.4;
    static final double CRITICAL_THROUGHPUT_FRACTION = 0.1;

    private Severity() {
    }

    static String latency(double score, double observed, double expected) {
        return of(score, observed >= CRITICAL_LATENCY_RATIO * expected);
    }

    static String errorRate(double score, double observed, double expected) {
        return of(score, observed >= CRITICAL_ERROR_RATE || observed - expected >= CRITICAL_ERROR_INCREASE);
    }

    static String throughput(double score, double observed, double expected) {
        return of(score, observed <= CRITICAL_THROUGHPUT_FRACTION * expected);
    }

    static String newTemplate(boolean stepNeverFailedBefore) {
        return stepNeverFailedBefore ? Alert.WARNING : Alert.INFO;
    }

    private static String of(double score, boolean severe) {
        return score >= CRITICAL_SCORE && severe ? Alert.CRITICAL : Alert.WARNING;
    }
}
