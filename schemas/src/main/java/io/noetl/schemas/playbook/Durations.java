package io.noetl.schemas.playbook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in playbooks: a number of seconds, or {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
public final class Durations {

    private static final Pattern PATTERN = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?\\s*$");

    private Durations() {
    }

    /** Milliseconds, or throws {@link IllegalArgumentException} naming the bad value. */
    public static long toMillis(Object value) {
        if (value instanceof Number n) {
            return Math.round(n.doubleValue() * 1000);
        }
        Matcher m = PATTERN.matcher(String.valueOf(value));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + value + "' (use seconds, or 500ms, 30s, 5m, 2h, 1d)");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double factor = switch (unit) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 86_400_000;
        };
        return Math.round(amount * factor);
    }
}
