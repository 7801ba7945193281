package io.noetl.topology.alert;

import io.noetl.topology.codec.Wire;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * Error templates of one step: remembers the templates seen (at most {@link Settings#maxTemplates()}, the oldest
 * forgotten first) and reports a template never seen before once the step has an established history of at least
 * {@link Settings#minSuccesses()} successful attempts. Templates seen while the history is short are remembered
 * without a report, so a new step's first errors are not "new".
 */
final class TemplateWatch {

    /**
     * @param minSuccesses successful attempts that make an established history
     * @param maxTemplates templates remembered per step
     */
    record Settings(int minSuccesses, int maxTemplates) {

        static final Settings DEFAULT = new Settings(50, 64);

        Settings {
            if (minSuccesses < 1 || maxTemplates < 1) {
                throw new IllegalArgumentException("invalid template watch settings " + this);
            }
        }
    }

    private final Settings s;
    private final LinkedHashSet<String> seen = new LinkedHashSet<>();
    private long successes;
    private long failures;

    TemplateWatch(Settings s) {
        this.s = s;
    }

    void success() {
        successes++;
    }

    /**
     * Learns one failure.
     *
     * @return the novelty score when the template is new to an established step (report it), else -1
     */
    double failure(String templateId) {
        long before = failures++;
        if (templateId == null || seen.contains(templateId)) {
            return -1;
        }
        int distinct = seen.size();
        remember(templateId);
        if (successes < s.minSuccesses()) {
            return -1;
        }
        // Laplace estimate of "the next attempt shows a template not seen so far"; its complement is the surprise
        return 1.0 - (distinct + 1.0) / (successes + before + 2.0);
    }

    /** True when the step failed only with the template just reported (it was clean before). */
    boolean firstFailureEver() {
        return failures == 1;
    }

    long successes() {
        return successes;
    }

    void writeTo(Wire.Out out) {
        out.varLong(successes).varLong(failures).varLong(seen.size());
        for (String t : seen) {
            out.string(t);
        }
    }

    void readFrom(Wire.In in) {
        successes = in.varLong();
        failures = in.varLong();
        int n = in.varInt();
        for (int i = 0; i < n; i++) {
            remember(in.string());
        }
    }

    private void remember(String templateId) {
        if (seen.size() >= s.maxTemplates()) {
            Iterator<String> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        seen.add(templateId);
    }
}
