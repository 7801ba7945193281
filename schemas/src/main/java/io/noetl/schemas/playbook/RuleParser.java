package io.noetl.schemas.playbook;

import io.noetl.schemas.template.Templates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads policy rules in the shapes NoETL's playbooks write them: {@code {when, then: {...}}}, an else rule
 * ({@code {else: {then: {...}}}}, {@code {else: {do: ...}}}), or a rule without {@code when}; and scoped writes
 * ({@code set}, {@code set_ctx}, {@code set_iter}).
 */
final class RuleParser {

    static final int DEFAULT_ATTEMPTS = 3;
    static final long DEFAULT_DELAY_MS = 1_000;

    private static final Set<String> TASK_POLICY_KEYS = Set.of("rules", "mode", "on_unmatched", "before", "after",
            "finally");
    private static final Set<String> THEN_KEYS = Set.of("do", "attempts", "backoff", "delay", "to", "set", "set_ctx",
            "set_iter");

    /** A rule's condition and its {@code then} mapping, whichever way it was written. */
    private record Shape(String when, Map<String, Object> then, String thenPath) {
    }

    private final Fields fields;

    RuleParser(Fields fields) {
        this.fields = fields;
    }

    /**
     * A task's {@code spec.policy} (NoETL docs: {@code reference/dsl/spec.md} §12): {@code rules} with
     * {@code do: continue|retry|fail|break|jump}.
     */
    List<PolicyRule> taskPolicy(Object value, String path) {
        Map<String, Object> policy = fields.map(value, path);
        if (policy == null) {
            return List.of();
        }
        fields.unknownKeys(policy, path, TASK_POLICY_KEYS, "a task policy");
        List<PolicyRule> out = new ArrayList<>();
        forEachRule(policy.get("rules"), Diagnostics.key(path, "rules"), (shape, rulePath) -> {
            PolicyRule rule = taskRule(shape, rulePath);
            if (rule != null) {
                out.add(rule);
            }
        });
        return List.copyOf(out);
    }

    /** A step's {@code spec.policy.rules}: retries the server applies to failed attempts (retry, fail, continue). */
    void stepRules(Object value, String path, List<PolicyRule> out) {
        forEachRule(value, path, (shape, rulePath) -> {
            if (shape.then().get("do") == null) {
                fields.problem(shape.thenPath(), "missing 'do' (one of retry, fail, continue)");
                return;
            }
            String doPath = Diagnostics.key(shape.thenPath(), "do");
            String action = fields.string(shape.then().get("do"), doPath);
            PolicyRule.Action parsed = switch (action == null ? "" : action) {
                case "retry" -> PolicyRule.Action.RETRY;
                case "fail" -> PolicyRule.Action.FAIL;
                case "continue" -> PolicyRule.Action.CONTINUE;
                default -> null;
            };
            if (parsed == null && action != null) {
                fields.problem(doPath, "'" + action + "' is not one of retry, fail, continue");
            }
            int attempts = fields.integer(shape.then().get("attempts"), Diagnostics.key(shape.thenPath(), "attempts"),
                    1, parsed == PolicyRule.Action.RETRY ? DEFAULT_ATTEMPTS : 1);
            PolicyRule.Backoff backoff = stepBackoff(shape.then().get("backoff"),
                    Diagnostics.key(shape.thenPath(), "backoff"));
            long delay = delay(shape.then().get("delay"), Diagnostics.key(shape.thenPath(), "delay"));
            if (parsed == null) {
                return;
            }
            out.add(new PolicyRule(shape.when(), parsed, attempts, backoff, delay));
        });
    }

    /** {@code spec.policy.admit.rules} (NoETL docs: {@code reference/dsl/spec.md} §7): {@code then: {allow}}. */
    List<AdmitRule> admit(Object value, String path) {
        Map<String, Object> admit = fields.map(value, path);
        if (admit == null) {
            return List.of();
        }
        fields.unknownKeys(admit, path, Set.of("rules", "mode"), "an admission policy");
        List<AdmitRule> out = new ArrayList<>();
        forEachRule(admit.get("rules"), Diagnostics.key(path, "rules"), (shape, rulePath) -> {
            Object allow = shape.then().get("allow");
            if (!(allow instanceof Boolean b)) {
                fields.problem(Diagnostics.key(shape.thenPath(), "allow"), "must be true or false, got "
                        + Fields.describe(allow));
                return;
            }
            out.add(new AdmitRule(shape.when(), b));
        });
        return List.copyOf(out);
    }

    /**
     * Scoped writes ({@code set:}): keys {@code ctx.<k>}, {@code iter.<k>}, {@code step.<k>}, {@code vars.<k>} or
     * bare; values as written. Never null.
     */
    Map<String, Object> writes(Object value, String path) {
        Map<String, Object> m = fields.map(value, path);
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private PolicyRule taskRule(Shape shape, String rulePath) {
        Map<String, Object> then = shape.then();
        String thenPath = shape.thenPath();
        fields.unknownKeys(then, thenPath, THEN_KEYS, "a policy rule's 'then'");
        if (then.get("do") == null) {
            fields.problem(thenPath, "missing 'do' (one of continue, retry, fail, break, jump)");
            return null;
        }
        PolicyRule.Action action = fields.enumValue(then.get("do"), Diagnostics.key(thenPath, "do"),
                PolicyRule.Action.class, null);
        int attempts = fields.integer(then.get("attempts"), Diagnostics.key(thenPath, "attempts"), 1,
                action == PolicyRule.Action.RETRY ? DEFAULT_ATTEMPTS : 1);
        PolicyRule.Backoff backoff = taskBackoff(then.get("backoff"), Diagnostics.key(thenPath, "backoff"));
        long delay = delay(then.get("delay"), Diagnostics.key(thenPath, "delay"));
        String to = fields.string(then.get("to"), Diagnostics.key(thenPath, "to"));
        if (action == PolicyRule.Action.JUMP && (to == null || to.isBlank())) {
            fields.problem(thenPath, "missing 'to': a jump names the task to go on at");
            return null;
        }
        Map<String, Object> set = new LinkedHashMap<>(writes(then.get("set"), Diagnostics.key(thenPath, "set")));
        scoped(then.get("set_ctx"), Diagnostics.key(thenPath, "set_ctx"), "ctx.", set);
        scoped(then.get("set_iter"), Diagnostics.key(thenPath, "set_iter"), "iter.", set);
        return action == null ? null : new PolicyRule(shape.when(), action, attempts, backoff, delay, to,
                Collections.unmodifiableMap(set));
    }

    private void scoped(Object value, String path, String scope, Map<String, Object> into) {
        Map<String, Object> m = fields.map(value, path);
        if (m != null) {
            m.forEach((k, v) -> into.put(scope + k, v));
        }
    }

    private void forEachRule(Object value, String path, java.util.function.BiConsumer<Shape, String> each) {
        List<Object> list = fields.list(value, path);
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String rulePath = Diagnostics.index(path, i);
            Map<String, Object> rule = fields.map(list.get(i), rulePath);
            Shape shape = rule == null ? null : shape(rule, rulePath);
            if (shape != null) {
                each.accept(shape, rulePath);
            }
        }
    }

    /** {@code {when, then}}, {@code {else: {then}}}, {@code {else: {do...}}}, {@code {else: null, then}}. */
    private Shape shape(Map<String, Object> rule, String path) {
        if (rule.get("else") instanceof Map<?, ?> otherwise) {
            String elsePath = Diagnostics.key(path, "else");
            Map<String, Object> m = fields.map(otherwise, elsePath);
            if (m.get("then") != null) {
                Map<String, Object> then = fields.map(m.get("then"), Diagnostics.key(elsePath, "then"));
                return then == null ? null : new Shape(null, then, Diagnostics.key(elsePath, "then"));
            }
            return new Shape(null, m, elsePath);
        }
        String when = rule.containsKey("else") ? null : condition(rule.get("when"), Diagnostics.key(path, "when"));
        String thenPath = Diagnostics.key(path, "then");
        Map<String, Object> then = fields.map(rule.get("then"), thenPath);
        if (then == null) {
            if (rule.get("then") == null) {
                fields.problem(path, "missing 'then: {do: ...}'");
            }
            return null;
        }
        return new Shape(when == null || when.isBlank() ? null : when, then, thenPath);
    }

    /** A condition: a template, or a YAML boolean ({@code when: true}) as NoETL accepts it. */
    String condition(Object value, String path) {
        return value instanceof Boolean b ? "{{ " + b + " }}" : fields.string(value, path);
    }

    private PolicyRule.Backoff stepBackoff(Object value, String path) {
        return fields.enumValue(value, path, StepBackoff.class, StepBackoff.EXPONENTIAL) == StepBackoff.FIXED
                ? PolicyRule.Backoff.FIXED : PolicyRule.Backoff.EXPONENTIAL;
    }

    /** NoETL's task backoffs: {@code none} (a delay that does not grow), {@code linear}, {@code exponential}. */
    private PolicyRule.Backoff taskBackoff(Object value, String path) {
        return switch (fields.enumValue(value, path, TaskBackoff.class, TaskBackoff.EXPONENTIAL)) {
            case NONE, FIXED -> PolicyRule.Backoff.FIXED;
            case LINEAR -> PolicyRule.Backoff.LINEAR;
            case EXPONENTIAL -> PolicyRule.Backoff.EXPONENTIAL;
        };
    }

    /** A delay in seconds or a duration; a template (rendered nowhere) keeps the default, with a warning. */
    private long delay(Object value, String path) {
        if (value instanceof String s && Templates.isTemplate(s)) {
            fields.diagnostics().warn(path, "a templated delay is not rendered; the default "
                    + DEFAULT_DELAY_MS + " ms is used");
            return DEFAULT_DELAY_MS;
        }
        Long delay = fields.duration(value, path);
        return delay == null ? DEFAULT_DELAY_MS : delay;
    }

    private enum StepBackoff { FIXED, EXPONENTIAL }

    private enum TaskBackoff { NONE, FIXED, LINEAR, EXPONENTIAL }
}
