package io.noetl.stores.analytics;

import java.time.Instant;
import java.util.List;

/**
 * A failure fingerprint: one error template across runs.
 *
 * @param templateId  the template's id
 * @param template    its text, variables masked
 * @param errorClass  the class most of its occurrences have, or null
 * @param occurrences error events with this template
 * @param executions  distinct executions that hit it
 * @param firstSeen   its first occurrence
 * @param lastSeen    its latest occurrence
 * @param playbooks   playbook paths it was seen in, sorted
 * @param steps       {@code playbook/step} pairs it was seen in, sorted
 */
public record Fingerprint(String templateId, String template, String errorClass, long occurrences, long executions,
        Instant firstSeen, Instant lastSeen, List<String> playbooks, List<String> steps) {

    public Fingerprint {
        playbooks = playbooks == null ? List.of() : List.copyOf(playbooks);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
