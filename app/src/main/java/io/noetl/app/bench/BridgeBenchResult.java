package io.noetl.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bridge benchmark's figures.
 *
 * @param events     events per round
 * @param eventBytes mean size of one event (JSON bytes)
 * @param fetchBatch messages per JetStream pull, the same for both consumers
 * @param publishEps JetStream publish rate while loading the events (acked async publishes)
 * @param rawEps     per round: a raw pull consumer that acks each message, events/s
 * @param bridgeEps  per round: the event bridge into Kafka (acked after Kafka's ack), events/s
 */
public record BridgeBenchResult(int events, int eventBytes, int fetchBatch, double publishEps, List<Double> rawEps,
                                List<Double> bridgeEps) {

    public BridgeBenchResult {
        rawEps = List.copyOf(rawEps);
        bridgeEps = List.copyOf(bridgeEps);
    }

    public double rawMedian() {
        return median(rawEps);
    }

    public double bridgeMedian() {
        return median(bridgeEps);
    }

    /** Bridge over raw, medians. */
    public double ratio() {
        return rawMedian() == 0 ? 0 : bridgeMedian() / rawMedian();
    }

    /** The machine-readable last line. */
    public String line() {
        return String.format(Locale.ROOT, "bridge_eps=%d raw_eps=%d bridge_ratio=%.2f",
                Math.round(bridgeMedian()), Math.round(rawMedian()), ratio());
    }

    /** Lines for people. */
    public String human() {
        return String.format(Locale.ROOT, """
                bridge benchmark (%d events of %d bytes, %d per pull, %d rounds alternating)
                  publish to JetStream : %.0f events/s
                  raw pull + ack       : %s events/s, median %.0f
                  bridge into Kafka    : %s events/s, median %.0f
                  bridge / raw         : %.2f (target >= 0.70)""",
                events, eventBytes, fetchBatch, rawEps.size(), publishEps, rounded(rawEps), rawMedian(),
                rounded(bridgeEps), bridgeMedian(), ratio());
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.valueOf(Math.round(v))).toList().toString();
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
