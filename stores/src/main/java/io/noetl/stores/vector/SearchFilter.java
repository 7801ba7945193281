package io.noetl.stores.vector;

import java.time.Instant;

/**
 * Conditions a hit's payload must meet; null means "any". Conditions combine with AND.
 *
 * @param playbook   exact playbook path
 * @param step       exact step name
 * @param errorClass exact error class
 * @param templateId exact template id
 * @param status     exact status
 * @param from       earliest time, inclusive (points without a time never match a time bound)
 * @param to         latest time, exclusive
 */
public record SearchFilter(String playbook, String step, String errorClass, String templateId, String status,
        Instant from, Instant to) {

    /** No condition. */
    public static final SearchFilter NONE = new SearchFilter(null, null, null, null, null, null, null);

    public SearchFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("filter time range is empty: from " + from + " is not before to " + to);
        }
    }

    /** @return whether no condition is set */
    public boolean isEmpty() {
        return equals(NONE);
    }

    public SearchFilter withPlaybook(String v) {
        return new SearchFilter(v, step, errorClass, templateId, status, from, to);
    }

    public SearchFilter withStep(String v) {
        return new SearchFilter(playbook, v, errorClass, templateId, status, from, to);
    }

    public SearchFilter withErrorClass(String v) {
        return new SearchFilter(playbook, step, v, templateId, status, from, to);
    }

    public SearchFilter withTemplateId(String v) {
        return new SearchFilter(playbook, step, errorClass, v, status, from, to);
    }

    public SearchFilter withStatus(String v) {
        return new SearchFilter(playbook, step, errorClass, templateId, v, from, to);
    }

    /** @return this filter restricted to {@code [from, to)}; either bound may be null */
    public SearchFilter withTimeRange(Instant fromInclusive, Instant toExclusive) {
        return new SearchFilter(playbook, step, errorClass, templateId, status, fromInclusive, toExclusive);
    }
}
