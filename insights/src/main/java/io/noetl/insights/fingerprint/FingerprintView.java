package io.noetl.insights.fingerprint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.noetl.stores.analytics.Fingerprint;
import java.time.Instant;
import java.util.List;

/**
 * A failure fingerprint as answered: an error template across runs.
 *
 * @param id          the template id
 * @param template    the template text
 * @param errorClass  the class most of its occurrences have
 * @param occurrences error events with it
 * @param executions  distinct executions that hit it
 * @param firstSeen   first occurrence
 * @param lastSeen    latest occurrence
 * @param isNew       first seen within {@code NOETL_FINGERPRINT_NEW}; otherwise chronic
 * @param playbooks   playbooks it was seen in
 * @param steps       {@code playbook/step} pairs it was seen in
 */
public record FingerprintView(String id, String template,
        @JsonProperty("error_class") @JsonInclude(JsonInclude.Include.ALWAYS) String errorClass, long occurrences,
        long executions, Instant firstSeen, Instant lastSeen, @JsonProperty("new") boolean isNew,
        List<String> playbooks, List<String> steps) {

    static FingerprintView of(Fingerprint f, Instant newSince) {
        return new FingerprintView(f.templateId(), f.template(), f.errorClass(), f.occurrences(), f.executions(),
                f.firstSeen(), f.lastSeen(), f.firstSeen() != null && f.firstSeen().isAfter(newSince), f.playbooks(),
                f.steps());
    }
}
