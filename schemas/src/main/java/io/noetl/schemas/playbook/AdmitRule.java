package io.noetl.schemas.playbook;

/**
 * One rule of a step's admission gate {@code spec.policy.admit.rules} (NoETL docs: {@code reference/dsl/spec.md}
 * §7 "Step admission policy"): evaluated by the server before the step is scheduled, top to bottom, the first
 * rule whose {@code when} is true (or an {@code else:}) decides.
 *
 * @param when  condition template, or null for an {@code else:} rule
 * @param allow whether the step may run
 */
public record AdmitRule(String when, boolean allow) {
}
