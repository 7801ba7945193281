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
 * @param workflow    steps in document order; never empty; {@code workbook} tasks already resolved
 * @param source      the YAML text as registered
 * @param executor    entry and final step from {@code executor.spec}; never null
 * @param vars        initial execution vars (a legacy root {@code vars:}); never null
 * @param warnings    what the parser accepted but the author should hear about (unknown keys, tool kinds this
 *                    product does not run, unreachable steps, ...); never null
 */
public record Playbook(
        String apiVersion,
        String name,
        String path,
        String description,
        Map<String, Object> workload,
        List<KeychainEntry> keychain,
        List<Step> workflow,
        String source,
        Executor executor,
        Map<String, Object> vars,
        List<Problem> warnings) {

    public Playbook {
        executor = executor == null ? Executor.NONE : executor;
        vars = vars == null ? Map.of() : vars;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A playbook without executor settings, initial vars or warnings. */
    public Playbook(String apiVersion, String name, String path, String description, Map<String, Object> workload,
                    List<KeychainEntry> keychain, List<Step> workflow, String source) {
        this(apiVersion, name, path, description, workload, keychain, workflow, source, Executor.NONE, Map.of(),
                List.of());
    }

    public Optional<Step> step(String stepName) {
        return workflow.stream().filter(s -> s.name().equals(stepName)).findFirst();
    }

    /**
     * The entry step: {@code executor.spec.entry_step} when given, else the step named {@code start} if there is
     * one, else the first step (NoETL's default entry is the first step; DESIGN.md's playbooks start at
     * {@code start}, which NoETL's own playbooks also write first).
     */
    public Step entry() {
        if (executor.entryStep() != null) {
            return step(executor.entryStep()).orElse(workflow.get(0));
        }
        return step("start").orElse(workflow.get(0));
    }
}
