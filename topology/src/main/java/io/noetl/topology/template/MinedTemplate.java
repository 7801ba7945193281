package io.noetl.topology.template;

import java.util.List;
import java.util.Objects;

/**
 * The result of mining one message: the id of the template's cluster, the template text with variables replaced by
 * {@code <*>}, and the message's values at the template's wildcard positions, in order.
 *
 * @param templateId stable 16-hex-char id of the cluster (kept when the template generalizes)
 * @param template   template text, variables shown as {@code <*>}
 * @param parameters the message's values at the wildcard positions, left to right
 */
public record MinedTemplate(String templateId, String template, List<String> parameters) {

    /** Validates and copies the parameters. */
    public MinedTemplate {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(template, "template");
        parameters = List.copyOf(parameters);
    }
}
