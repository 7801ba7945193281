package io.noetl.schemas.playbook;

import java.util.List;

/**
 * Step behaviour beyond its tool.
 *
 * @param timeoutMs     {@code spec.timeout} in ms, or null for no step-specific limit
 * @param waitDecision  {@code spec.wait: decision}: after the tool runs, the execution pauses for a human decision
 * @param waitTimeoutMs {@code spec.wait_timeout} in ms, or null (no limit)
 * @param policy        retry rules from {@code spec.policy.rules} or the short {@code retry:} form; empty = run once
 * @param pool          worker pool ({@code spec.pool}), default {@code default}
 * @param admit         the admission gate {@code spec.policy.admit.rules}; empty = always admitted
 */
public record StepSpec(Long timeoutMs, boolean waitDecision, Long waitTimeoutMs, List<PolicyRule> policy, String pool,
                       List<AdmitRule> admit) {

    public static final StepSpec DEFAULT = new StepSpec(null, false, null, List.of(), "default", List.of());

    public StepSpec {
        policy = policy == null ? List.of() : List.copyOf(policy);
        admit = admit == null ? List.of() : List.copyOf(admit);
    }

    /** A spec without an admission gate. */
    public StepSpec(Long timeoutMs, boolean waitDecision, Long waitTimeoutMs, List<PolicyRule> policy, String pool) {
        this(timeoutMs, waitDecision, waitTimeoutMs, policy, pool, List.of());
    }
}
