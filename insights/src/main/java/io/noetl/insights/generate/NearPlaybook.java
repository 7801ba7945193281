package io.noetl.insights.generate;

import java.util.List;

/**
 * A registered playbook near a description.
 *
 * @param path    the playbook's path
 * @param version its version, or null when the index does not say
 * @param score   similarity to the description, 0..1
 * @param steps   its steps as indexed, {@code "name (tool)"} each, in order
 */
public record NearPlaybook(String path, Integer version, double score, List<String> steps) {

    public NearPlaybook {
        steps = List.copyOf(steps);
    }
}
