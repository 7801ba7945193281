package io.noetl.insights.diagnosis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A failure's fingerprint: its error template across runs.
 *
 * @param id          the template id
 * @param template    the template text
 * @param occurrences how many errors had it
 * @param executions  how many executions hit it
 * @param firstSeen   first occurrence
 * @param lastSeen    latest occurrence
 * @param isNew       first seen within {@code NOETL_FINGERPRINT_NEW} (default 24 h); otherwise chronic
 */
public record FingerprintView(String id, String template, long occurrences, long executions, Instant firstSeen,
        Instant lastSeen, @JsonProperty("new") boolean isNew) {
}
