package io.noetl.insights.reasoner;

import io.noetl.insights.ask.Intent;
import io.noetl.insights.diagnosis.EvidenceItem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a reasoner may use to answer a question; it may cite only the ids of {@code evidence}.
 *
 * @param question  the question, as asked
 * @param intent    what it asks for
 * @param playbook  the playbook it is about, or null
 * @param diagnosis the diagnosis draft of the execution it is about, or null
 * @param evidence  the evidence list (the diagnosis's evidence included), most relevant first within each kind
 * @param missing   the stores that could not be read
 */
public record QuestionDraft(String question, Intent intent, String playbook, DiagnosisDraft diagnosis,
        List<EvidenceItem> evidence, List<String> missing) {

    public QuestionDraft {
        evidence = List.copyOf(evidence);
        missing = List.copyOf(missing);
    }

    /** @return the ids an answer may cite */
    public Set<String> evidenceIds() {
        Set<String> ids = new LinkedHashSet<>();
        evidence.forEach(e -> ids.add(e.eventId()));
        return ids;
    }
}
