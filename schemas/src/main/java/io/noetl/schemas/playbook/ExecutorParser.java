package io.noetl.schemas.playbook;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code executor:} (NoETL's executor model: {@code profile}, {@code version}, {@code requires},
 * {@code spec: {entry_step, final_step, no_next_is_error, policy}}). Entry and final step are used; the rest
 * describes NoETL's own runtime and is accepted as written.
 */
final class ExecutorParser {

    private static final Set<String> KEYS = Set.of("profile", "version", "requires", "spec");
    private static final Set<String> SPEC_KEYS = Set.of("entry_step", "final_step", "no_next_is_error", "policy");

    private ExecutorParser() {
    }

    static Executor parse(Object value, Fields fields) {
        Map<String, Object> executor = fields.map(value, "executor");
        if (executor == null) {
            return Executor.NONE;
        }
        fields.unknownKeys(executor, "executor", KEYS, "the executor");
        Map<String, Object> spec = fields.map(executor.get("spec"), "executor.spec");
        if (spec == null) {
            return Executor.NONE;
        }
        fields.unknownKeys(spec, "executor.spec", SPEC_KEYS, "the executor's spec");
        return new Executor(fields.string(spec.get("entry_step"), "executor.spec.entry_step"),
                fields.string(spec.get("final_step"), "executor.spec.final_step"));
    }

    /** The entry and final step must be steps of the workflow. */
    static void checkSteps(Executor executor, List<StepParser.Parsed> steps, Fields fields) {
        check(executor.entryStep(), "executor.spec.entry_step", steps, fields);
        check(executor.finalStep(), "executor.spec.final_step", steps, fields);
    }

    private static void check(String name, String path, List<StepParser.Parsed> steps, Fields fields) {
        if (name != null && steps.stream().noneMatch(s -> s.step().name().equals(name))) {
            fields.problem(path, "unknown step '" + name + "'");
        }
    }
}
