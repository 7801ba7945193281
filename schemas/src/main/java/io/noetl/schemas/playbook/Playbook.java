package io.noetl.schemas.playbook;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed, validated playbook ({@code apiVersion: noetl.io/v2, kind: Playbook}).
 *
 * @param apiVersion  always {@code noetl.io/v2}
 * @param name        {@code metadata.name}
 * @param path        {@code metadata.path}, falling back to {@code metadata.name}: the catalog identity
 * @param description {@code metadata.description}, may be null
 * @param workload    default workload (merged under the workload given at execution start)
 * @param keychain    keychain entries (names, kinds, where values come from)
 * @param workflow    steps in document order; never empty
 * @param source      the YAML text as registered
 */
public record Playbook(
        String apiVersion,
        String name,
        String path,
        String description,
        Map<String, Object> workload,
        List<KeychainEntry> keychain,
        List<Step> workflow,
        String source) {

    public Optional<Step> step(String stepName) {
        return workflow.stream().filter(s -> s.name().equals(stepName)).findFirst();
    }

    /** The entry step: the step named {@code start} if there is one, else the first step. */
    public Step entry() {
        return step("start").orElse(workflow.get(0));
    }
}
