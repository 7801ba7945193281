package io.noetl.server.engine;

import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.playbook.AdmitRule;
import io.noetl.schemas.playbook.Step;
import io.noetl.schemas.template.TemplateException;
import io.noetl.schemas.template.Templates;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A step's admission gate {@code spec.policy.admit.rules} (NoETL docs: {@code reference/dsl/spec.md} §7), evaluated
 * before the step is entered: the first rule whose {@code when} is true (or an {@code else:}) decides; no rule
 * matching means not admitted, no rules means admitted. A step that is not admitted does not fire: the branch that
 * arrived at it ends there.
 */
final class Admission {

    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);

    private Admission() {
    }

    /** True when {@code step} may run with {@code args}; a gate that cannot be evaluated fails the execution. */
    static boolean admits(Progress p, Step step, Map<String, Object> args) {
        if (step.spec().admit().isEmpty()) {
            return true;
        }
        Map<String, Object> ctx = TemplateContext.of(p, args, null, null);
        try {
            for (AdmitRule rule : step.spec().admit()) {
                if (Templates.test(rule.when(), ctx)) {
                    if (!rule.allow()) {
                        LOG.debug("execution {}: step {} not admitted", p.state().executionId(), step.name());
                    }
                    return rule.allow();
                }
            }
        } catch (TemplateException e) {
            Failures.failExecution(p, "step " + step.name() + " admission could not be evaluated: " + e.getMessage(),
                    ErrorInfo.fatal("TemplateError", e.getMessage()));
            return false;
        }
        return false;
    }
}
