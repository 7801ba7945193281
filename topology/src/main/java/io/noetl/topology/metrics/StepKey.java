package io.noetl.topology.metrics;

import java.util.Objects;

/**
 * The key of a step's metrics and alerts: {@code playbook_path + "/" + step}.
 *
 * <p>Playbook paths may contain slashes, step names normally do not; so the key splits at its <em>last</em> slash.
 * To keep that unambiguous for any step name, a step's own {@code %} and {@code /} are written as {@code %25} and
 * {@code %2F} (a step without them, the usual case, appears verbatim, so {@code data/ingest/daily_load/extract} is
 * playbook {@code data/ingest/daily_load}, step {@code extract}).
 *
 * @param playbookPath the playbook's path (may contain {@code /})
 * @param step         the step name
 */
public record StepKey(String playbookPath, String step) {

    public StepKey {
        Objects.requireNonNull(playbookPath, "playbook path");
        if (step == null || step.isEmpty()) {
            throw new IllegalArgumentException("a step key needs a non-empty step name, got " + step);
        }
    }

    /** The key string of a playbook path and step. */
    public static String of(String playbookPath, String step) {
        return new StepKey(playbookPath, step).toString();
    }

    /**
     * Parses a key made by {@link #of}.
     *
     * @throws IllegalArgumentException when the key has no {@code /} or an empty step part
     */
    public static StepKey parse(String key) {
        int slash = key == null ? -1 : key.lastIndexOf('/');
        if (slash < 0 || slash == key.length() - 1) {
            throw new IllegalArgumentException("not a step key (playbook_path/step): " + key);
        }
        return new StepKey(key.substring(0, slash), decode(key.substring(slash + 1)));
    }

    @Override
    public String toString() {
        return playbookPath + "/" + encode(step);
    }

    private static String encode(String step) {
        if (step.indexOf('/') < 0 && step.indexOf('%') < 0) {
            return step;
        }
        return step.replace("%", "%25").replace("/", "%2F");
    }

    private static String decode(String part) {
        if (part.indexOf('%') < 0) {
            return part;
        }
        return part.replace("%2F", "/").replace("%2f", "/").replace("%25", "%");
    }
}
