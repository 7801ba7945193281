package io.noetl.worker.tool.pipeline;

import io.noetl.schemas.command.TaskRule;
import io.noetl.schemas.template.Templates;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a task's policy decides after a run (NoETL docs: {@code reference/dsl/spec.md} §12.2): the first rule whose
 * {@code when} is true, or that has none (an {@code else:}); when none matches, an error fails the pipeline and a
 * result goes on with the next task.
 *
 * @param action {@code continue}, {@code retry}, {@code jump}, {@code break} or {@code fail}
 * @param rule   the rule taken, or null for the default
 * @param index  the rule's 1-based position, or 0 for the default
 */
record Decision(String action, TaskRule rule, int index) {

    static Decision of(List<TaskRule> rules, Map<String, Object> context, boolean ok) {
        for (int i = 0; i < rules.size(); i++) {
            TaskRule r = rules.get(i);
            if (r.when() == null || r.when().isBlank() || Templates.test(r.when(), context)) {
                String action = r.action() == null ? "continue" : r.action().toLowerCase(Locale.ROOT);
                return new Decision(action, r, i + 1);
            }
        }
        return new Decision(ok ? "continue" : "fail", null, 0);
    }

    /** {@code rule N (when ...)} for messages, or {@code no rule matched}. */
    String describe() {
        if (rule == null) {
            return "no rule matched";
        }
        return "rule " + index + (rule.when() == null ? " (else)" : " (when " + rule.when().strip() + ")");
    }
}
