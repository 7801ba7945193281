package io.noetl.server.engine;

import io.noetl.schemas.playbook.PolicyRule;
import io.noetl.schemas.template.Templates;
import java.util.List;
import java.util.Map;

/** What a step's {@code spec.policy} says about a failed attempt. Without a rule that matches, the step fails. */
final class RetryPolicy {

    private RetryPolicy() {
    }

    sealed interface Verdict permits Retry, Continue, Fail {
    }

    /** Run attempt {@code nextAttempt} after {@code delayMs}. */
    record Retry(int nextAttempt, long delayMs) implements Verdict {
    }

    /** Treat the error as the step's result and go on. */
    record Continue() implements Verdict {
    }

    /** The step fails; {@code exhausted} when a retry rule matched but its attempts are used up. */
    record Fail(boolean exhausted) implements Verdict {
    }

    /**
     * The first rule whose {@code when} is true for {@code context} (which holds {@code outcome}) decides.
     *
     * @throws io.noetl.schemas.template.TemplateException when a {@code when} cannot be evaluated
     */
    static Verdict decide(List<PolicyRule> rules, int attempt, Map<String, Object> context) {
        if (rules == null) {
            return new Fail(false);
        }
        for (PolicyRule rule : rules) {
            if (!Templates.test(rule.when(), context)) {
                continue;
            }
            return switch (rule.action()) {
                case RETRY -> attempt < rule.attempts()
                        ? new Retry(attempt + 1, rule.delayBefore(attempt + 1))
                        : new Fail(true);
                // a step's pipeline has ended when the server sees its error: break ends the step as continue does
                case CONTINUE, BREAK -> new Continue();
                case FAIL, JUMP -> new Fail(false);
            };
        }
        return new Fail(false);
    }
}
