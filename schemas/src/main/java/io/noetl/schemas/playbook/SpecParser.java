package io.noetl.schemas.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code spec:} (timeout, waiting for a decision, worker pool, retry policy) and the short step-level
 * {@code retry: {max_attempts, backoff, delay}}, which becomes one catch-all retry rule after the explicit ones.
 */
final class SpecParser {

    static final int DEFAULT_ATTEMPTS = 3;
    static final long DEFAULT_DELAY_MS = 1_000;

    private final Fields fields;

    SpecParser(Fields fields) {
        this.fields = fields;
    }

    StepSpec parse(Object specValue, Object stepRetry, String stepPath) {
        String path = Diagnostics.key(stepPath, "spec");
        Map<String, Object> spec = fields.map(specValue, path);
        List<PolicyRule> rules = new ArrayList<>();
        if (spec == null) {
            shortRetry(stepRetry, Diagnostics.key(stepPath, "retry"), rules);
            return rules.isEmpty() ? StepSpec.DEFAULT : new StepSpec(null, false, null, List.copyOf(rules), StepSpec.DEFAULT.pool());
        }
        Long timeout = fields.duration(spec.get("timeout"), Diagnostics.key(path, "timeout"));
        boolean waitDecision = waitDecision(spec.get("wait"), Diagnostics.key(path, "wait"));
        Long waitTimeout = fields.duration(spec.get("wait_timeout"), Diagnostics.key(path, "wait_timeout"));
        String pool = pool(spec.get("pool"), Diagnostics.key(path, "pool"));
        policy(spec.get("policy"), Diagnostics.key(path, "policy"), rules);
        shortRetry(spec.get("retry"), Diagnostics.key(path, "retry"), rules);
        shortRetry(stepRetry, Diagnostics.key(stepPath, "retry"), rules);
        return new StepSpec(timeout, waitDecision, waitTimeout, List.copyOf(rules), pool);
    }

    private boolean waitDecision(Object value, String path) {
        String wait = fields.string(value, path);
        if (wait == null) {
            return false;
        }
        if (!wait.equals("decision")) {
            fields.problem(path, "'" + wait + "' is not a wait kind (only 'decision')");
            return false;
        }
        return true;
    }

    private String pool(Object value, String path) {
        String pool = fields.string(value, path);
        if (pool == null) {
            return StepSpec.DEFAULT.pool();
        }
        // the pool is a token of the NATS subject noetl.commands.<pool>
        if (!pool.matches("[A-Za-z0-9_-]+")) {
            fields.problem(path, "pool '" + pool + "' may hold only letters, digits, '_' and '-'");
            return StepSpec.DEFAULT.pool();
        }
        return pool;
    }

    private void policy(Object value, String path, List<PolicyRule> rules) {
        Map<String, Object> policy = fields.map(value, path);
        if (policy == null) {
            return;
        }
        String rulesPath = Diagnostics.key(path, "rules");
        List<Object> list = fields.list(policy.get("rules"), rulesPath);
        if (list == null) {
            if (!policy.containsKey("rules")) {
                fields.problem(path, "missing 'rules'");
            }
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String rulePath = Diagnostics.index(rulesPath, i);
            Map<String, Object> rule = fields.map(list.get(i), rulePath);
            if (rule != null) {
                PolicyRule parsed = rule(rule, rulePath);
                if (parsed != null) {
                    rules.add(parsed);
                }
            }
        }
    }

    private PolicyRule rule(Map<String, Object> rule, String path) {
        String when = fields.string(rule.get("when"), Diagnostics.key(path, "when"));
        String thenPath = Diagnostics.key(path, "then");
        Map<String, Object> then = fields.map(rule.get("then"), thenPath);
        if (then == null) {
            if (rule.get("then") == null) {
                fields.problem(path, "missing 'then: {do: retry|fail|continue}'");
            }
            return null;
        }
        if (then.get("do") == null) {
            fields.problem(thenPath, "missing 'do' (one of retry, fail, continue)");
            return null;
        }
        PolicyRule.Action action = fields.enumValue(then.get("do"), Diagnostics.key(thenPath, "do"), PolicyRule.Action.class, null);
        int attempts = fields.integer(then.get("attempts"), Diagnostics.key(thenPath, "attempts"), 1,
                action == PolicyRule.Action.RETRY ? DEFAULT_ATTEMPTS : 1);
        PolicyRule.Backoff backoff = fields.enumValue(then.get("backoff"), Diagnostics.key(thenPath, "backoff"),
                PolicyRule.Backoff.class, PolicyRule.Backoff.EXPONENTIAL);
        Long delay = fields.duration(then.get("delay"), Diagnostics.key(thenPath, "delay"));
        if (action == null) {
            return null;
        }
        return new PolicyRule(when == null || when.isBlank() ? null : when, action, attempts, backoff,
                delay == null ? DEFAULT_DELAY_MS : delay);
    }

    /** {@code retry: {max_attempts, backoff, delay}}, or {@code retry: 5} for just the attempts. */
    private void shortRetry(Object value, String path, List<PolicyRule> rules) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?>)) {
            int attempts = fields.integer(value, path, 1, DEFAULT_ATTEMPTS);
            rules.add(new PolicyRule(null, PolicyRule.Action.RETRY, attempts, PolicyRule.Backoff.EXPONENTIAL, DEFAULT_DELAY_MS));
            return;
        }
        Map<String, Object> retry = fields.map(value, path);
        int attempts = fields.integer(retry.get("max_attempts"), Diagnostics.key(path, "max_attempts"), 1, DEFAULT_ATTEMPTS);
        PolicyRule.Backoff backoff = fields.enumValue(retry.get("backoff"), Diagnostics.key(path, "backoff"),
                PolicyRule.Backoff.class, PolicyRule.Backoff.EXPONENTIAL);
        Long delay = fields.duration(retry.get("delay"), Diagnostics.key(path, "delay"));
        rules.add(new PolicyRule(null, PolicyRule.Action.RETRY, attempts, backoff, delay == null ? DEFAULT_DELAY_MS : delay));
    }
}
