package io.noetl.insights.diagnosis;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One piece of evidence an answer may cite.
 *
 * @param eventId the event's id (for history, the id of what it summarizes: a template, an execution)
 * @param step    the step it concerns, or null
 * @param kind    {@code error}, {@code attempt}, {@code retry}, {@code decision}, {@code cancel}, {@code logs},
 *                {@code fingerprint}, {@code history}, {@code similar}, {@code resolution}
 * @param text    what it says, quoted (redacted at the source, bounded)
 */
public record EvidenceItem(String eventId, @JsonInclude(JsonInclude.Include.ALWAYS) String step, String kind,
        String text) {

    /** Longest text kept of one item. */
    public static final int MAX_TEXT = 600;

    public EvidenceItem {
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT - 1) + "…";
        }
    }
}
