package io.noetl.insights.generate;

import java.util.List;

/**
 * A playbook written for a description ({@code POST /api/playbooks/generate}); nothing is registered.
 *
 * @param yaml     the playbook; it passes the server's validation
 * @param basedOn  the registered playbooks nearest to the description, which it drew on
 * @param reasoner who wrote it: {@code extractive} (composed from the description's words), or the LLM's name
 *                 (with a fallback note)
 * @param missing  stores that could not be read (then no near playbook was drawn on)
 */
public record GeneratedPlaybook(String yaml, List<NearPlaybook> basedOn, String reasoner, List<String> missing) {

    public GeneratedPlaybook {
        basedOn = List.copyOf(basedOn);
        missing = List.copyOf(missing);
    }
}
