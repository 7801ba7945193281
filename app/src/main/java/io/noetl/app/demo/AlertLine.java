package io.noetl.app.demo;

import io.noetl.schemas.stream.Alert;
import java.util.List;
import java.util.Locale;

/**
 * One alert as one line a person reads at a glance, e.g.
 * {@code [ALERT warning] latency_spike examples/latency_watch/call_api: observed 812 ms vs expected 41 ms
 * (score 0.99) executions 01J…, 01J… (+2 more)}. What is compared depends on the type; an unknown type shows its
 * message.
 */
public final class AlertLine {

    /** Execution ids named before the rest are only counted. */
    static final int SHOWN_EXECUTIONS = 3;

    private AlertLine() {
    }

    public static String format(Alert alert) {
        StringBuilder sb = new StringBuilder()
                .append("[ALERT ").append(orUnknown(alert.severity())).append("] ")
                .append(orUnknown(alert.type())).append(' ').append(subject(alert)).append(": ")
                .append(comparison(alert))
                .append(String.format(Locale.ROOT, " (score %.2f)", alert.score()));
        List<String> ids = alert.executionIds() == null ? List.of() : alert.executionIds();
        if (!ids.isEmpty()) {
            sb.append(ids.size() == 1 ? " execution " : " executions ")
                    .append(String.join(", ", ids.subList(0, Math.min(ids.size(), SHOWN_EXECUTIONS))));
            if (ids.size() > SHOWN_EXECUTIONS) {
                sb.append(" (+").append(ids.size() - SHOWN_EXECUTIONS).append(" more)");
            }
        }
        return sb.toString();
    }

    private static String comparison(Alert a) {
        String type = a.type() == null ? "" : a.type();
        return switch (type) {
            case Alert.LATENCY_SPIKE -> String.format(Locale.ROOT, "observed %.0f ms vs expected %.0f ms",
                    a.observed(), a.expected());
            case Alert.ERROR_RATE_SPIKE -> String.format(Locale.ROOT, "error rate %.0f%% vs expected %.1f%%",
                    100 * a.observed(), 100 * a.expected())
                    + (a.templateId() == null ? "" : ", mostly template " + a.templateId());
            case Alert.THROUGHPUT_DROP -> String.format(Locale.ROOT,
                    "%.0f attempts in the last interval vs %.1f expected", a.observed(), a.expected());
            case Alert.NEW_ERROR_TEMPLATE -> "new error template " + orUnknown(a.templateId());
            case Alert.STUCK_EXECUTION -> String.format(Locale.ROOT, "no event for %.0f s (stuck after %.0f s)",
                    a.observed() / 1000, a.expected() / 1000)
                    + (a.playbookPath() == null ? "" : " in " + a.playbookPath()
                    + (a.step() == null ? "" : ", last step " + a.step()));
            default -> a.message() == null ? String.format(Locale.ROOT, "observed %s vs expected %s",
                    number(a.observed()), number(a.expected())) : a.message();
        };
    }

    /** {@code playbook/step} for step alerts, the key (an execution id) otherwise. */
    private static String subject(Alert a) {
        if (a.key() != null && !a.key().isBlank()) {
            return a.key();
        }
        if (a.playbookPath() != null) {
            return a.step() == null ? a.playbookPath() : a.playbookPath() + "/" + a.step();
        }
        return "?";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? "?" : s;
    }
}
