package io.noetl.insights.reasoner;

import io.noetl.insights.generate.NearPlaybook;
import java.util.List;

/**
 * What a reasoner may use to write a playbook.
 *
 * @param description what the playbook should do, as asked
 * @param nearest     the registered playbooks nearest to the description, nearest first
 */
public record PlaybookDraft(String description, List<NearPlaybook> nearest) {

    public PlaybookDraft {
        nearest = List.copyOf(nearest);
    }
}
