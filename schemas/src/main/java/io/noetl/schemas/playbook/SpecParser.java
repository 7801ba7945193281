package io.noetl.schemas.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code spec:} (timeout, waiting for a decision, worker pool, retry policy, admission gate) and the short
 * step-level {@code retry: {max_attempts, backoff, delay}}, which becomes one catch-all retry rule after the explicit
 * ones.
 */
final class SpecParser {

    static final int DEFAULT_ATTEMPTS = RuleParser.DEFAULT_ATTEMPTS;
    static final long DEFAULT_DELAY_MS = RuleParser.DEFAULT_DELAY_MS;

    private static final Set<String> SPEC_KEYS = Set.of("timeout", "wait", "wait_timeout", "pool", "policy", "retry");
    private static final Set<String> POLICY_KEYS = Set.of("rules", "admit", "lifecycle", "failure", "emit");

    private final Fields fields;
    private final RuleParser rules;

    SpecParser(Fields fields) {
        this.fields = fields;
        this.rules = new RuleParser(fields);
    }

    /**
     * @param admitted the admission gate written elsewhere (NoETL's legacy step {@code when:}), or empty
     */
    StepSpec parse(Object specValue, Object stepRetry, String stepPath, List<AdmitRule> admitted) {
        String path = Diagnostics.key(stepPath, "spec");
        Map<String, Object> spec = fields.map(specValue, path);
        List<PolicyRule> policy = new ArrayList<>();
        if (spec == null) {
            shortRetry(stepRetry, Diagnostics.key(stepPath, "retry"), policy);
            return policy.isEmpty() && admitted.isEmpty() ? StepSpec.DEFAULT
                    : new StepSpec(null, false, null, policy, StepSpec.DEFAULT.pool(), admitted);
        }
        fields.unknownKeys(spec, path, SPEC_KEYS, "a step's spec");
        Long timeout = fields.duration(spec.get("timeout"), Diagnostics.key(path, "timeout"));
        boolean waitDecision = waitDecision(spec.get("wait"), Diagnostics.key(path, "wait"));
        Long waitTimeout = fields.duration(spec.get("wait_timeout"), Diagnostics.key(path, "wait_timeout"));
        String pool = pool(spec.get("pool"), Diagnostics.key(path, "pool"));
        List<AdmitRule> admit = policy(spec.get("policy"), Diagnostics.key(path, "policy"), policy);
        shortRetry(spec.get("retry"), Diagnostics.key(path, "retry"), policy);
        shortRetry(stepRetry, Diagnostics.key(stepPath, "retry"), policy);
        return new StepSpec(timeout, waitDecision, waitTimeout, policy, pool, admit.isEmpty() ? admitted : admit);
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

    /** Retry rules into {@code out}; returns the admission gate. */
    private List<AdmitRule> policy(Object value, String path, List<PolicyRule> out) {
        Map<String, Object> policy = fields.map(value, path);
        if (policy == null) {
            return List.of();
        }
        fields.unknownKeys(policy, path, POLICY_KEYS, "a step's policy");
        if (policy.keySet().stream().noneMatch(POLICY_KEYS::contains)) {
            fields.problem(path, "missing 'rules'");
            return List.of();
        }
        rules.stepRules(policy.get("rules"), Diagnostics.key(path, "rules"), out);
        return rules.admit(policy.get("admit"), Diagnostics.key(path, "admit"));
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
        fields.unknownKeys(retry, path, Set.of("max_attempts", "backoff", "delay", "retry_on"), "a retry");
        int attempts = fields.integer(retry.get("max_attempts"), Diagnostics.key(path, "max_attempts"), 1, DEFAULT_ATTEMPTS);
        PolicyRule.Backoff backoff = fields.enumValue(retry.get("backoff"), Diagnostics.key(path, "backoff"),
                PolicyRule.Backoff.class, PolicyRule.Backoff.EXPONENTIAL);
        Long delay = fields.duration(retry.get("delay"), Diagnostics.key(path, "delay"));
        rules.add(new PolicyRule(null, PolicyRule.Action.RETRY, attempts, backoff, delay == null ? DEFAULT_DELAY_MS : delay));
    }
}
