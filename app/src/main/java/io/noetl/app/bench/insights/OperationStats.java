package io.noetl.app.bench.insights;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one operation measured: latencies of the answered calls (microseconds), the errors with the first one's
 * message, and how many answers held each fact of {@link Operation#facts()}. Not thread-safe: one per client, merged.
 */
final class OperationStats {

    private final Operation op;
    private final Histogram micros;
    private final long[] facts = new long[4];
    private long errors;
    private String firstError;

    OperationStats(Operation op, Histogram micros) {
        this.op = op;
        this.micros = micros;
    }

    void answered(long latencyMicros, Operation.Facts f) {
        micros.recordValue(latencyMicros);
        facts[0] += f.first() ? 1 : 0;
        facts[1] += f.second() ? 1 : 0;
        facts[2] += f.third() ? 1 : 0;
        facts[3] += f.missing() ? 1 : 0;
    }

    void failed(RuntimeException e) {
        errors++;
        if (firstError == null) {
            firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    void add(OperationStats other) {
        micros.add(other.micros);
        for (int i = 0; i < facts.length; i++) {
            facts[i] += other.facts[i];
        }
        errors += other.errors;
        if (firstError == null) {
            firstError = other.firstError;
        }
    }

    String label() {
        return op.label();
    }

    long answered() {
        return micros.getTotalCount();
    }

    long errors() {
        return errors;
    }

    String firstError() {
        return firstError;
    }

    double percentileMs(double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
        return micros.getTotalCount() == 0 ? 0 : micros.getMaxValue() / 1000.0;
    }

    /** One table row: calls, errors, p50, p99, max and calls per second. */
    String row(double seconds) {
        return String.format(Locale.ROOT, "%-10s %8d %7d %9.2f %9.2f %9.2f %9.1f", op.label(), answered(), errors,
                percentileMs(50), percentileMs(99), maxMs(), answered() / seconds);
    }

    /** @return the answers' facts, e.g. {@code diagnosis: 98.1% with a fingerprint, ...} */
    String facts() {
        StringBuilder out = new StringBuilder(op.label()).append(':');
        String[] names = op.facts();
        long n = Math.max(1, answered());
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                out.append(String.format(Locale.ROOT, " %.1f%% %s,", 100.0 * facts[i] / n, names[i]));
            }
        }
        out.append(String.format(Locale.ROOT, " %.1f%% naming a missing store", 100.0 * facts[3] / n));
        return out.toString();
    }

    /** @return how many answers held fact {@code i} (0..2; 3: named a missing store) */
    long fact(int i) {
        return facts[i];
    }
}
