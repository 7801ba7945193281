package io.noetl.server.engine;

import io.noetl.schemas.playbook.Arc;
import io.noetl.schemas.playbook.KeychainEntry;
import io.noetl.schemas.playbook.Loop;
import io.noetl.schemas.playbook.Next;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.PolicyRule;
import io.noetl.schemas.playbook.Step;
import io.noetl.schemas.playbook.StepSpec;
import io.noetl.schemas.playbook.Task;
import io.noetl.schemas.playbook.ToolKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built playbooks for engine tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Playbook playbook(Map<String, Object> workload, StepBuilder... steps) {
        List<Step> workflow = new ArrayList<>();
        for (StepBuilder s : steps) {
            workflow.add(s.build());
        }
        return new Playbook("noetl.io/v2", "test", "tests/flow", null, workload,
                List.of(new KeychainEntry("api_token", "secret", "s3cr3t", null)), workflow, "");
    }

    static StepBuilder step(String name) {
        return new StepBuilder(name);
    }

    static Arc arc(String step) {
        return new Arc(step, null, Map.of(), 1);
    }

    static Arc arc(String step, String when) {
        return new Arc(step, when, Map.of(), 1);
    }

    static Arc arc(String step, String when, Map<String, Object> args) {
        return new Arc(step, when, args, 1);
    }

    static PolicyRule retry(String when, int attempts, PolicyRule.Backoff backoff, long delayMs) {
        return new PolicyRule(when, PolicyRule.Action.RETRY, attempts, backoff, delayMs);
    }

    static final class StepBuilder {
        private final String name;
        private Map<String, Object> args = Map.of();
        private List<Task> tasks = List.of();
        private Map<String, Object> set = Map.of();
        private Next next = Next.NONE;
        private Long timeoutMs;
        private boolean waitDecision;
        private Long waitTimeoutMs;
        private List<PolicyRule> policy = List.of();
        private Loop loop;

        StepBuilder(String name) {
            this.name = name;
        }

        StepBuilder args(Map<String, Object> v) {
            args = v;
            return this;
        }

        StepBuilder tool(ToolKind kind, Object... keysAndValues) {
            Map<String, Object> config = new LinkedHashMap<>();
            for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
                config.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
            tasks = List.of(new Task(name + "_task", kind, config, List.of(), Map.of()));
            return this;
        }

        /** The step's pipeline: several tasks run in order on one worker. */
        StepBuilder tasks(Task... pipeline) {
            tasks = List.of(pipeline);
            return this;
        }

        /** The step's writes when it completed. */
        StepBuilder set(Map<String, Object> writes) {
            set = writes;
            return this;
        }

        StepBuilder python(String code) {
            return tool(ToolKind.PYTHON, "code", code);
        }

        StepBuilder next(Arc... arcs) {
            next = new Next(Next.Mode.EXCLUSIVE, List.of(arcs));
            return this;
        }

        StepBuilder inclusive(Arc... arcs) {
            next = new Next(Next.Mode.INCLUSIVE, List.of(arcs));
            return this;
        }

        StepBuilder timeoutMs(long v) {
            timeoutMs = v;
            return this;
        }

        StepBuilder waitDecision(Long timeout) {
            waitDecision = true;
            waitTimeoutMs = timeout;
            return this;
        }

        StepBuilder policy(PolicyRule... rules) {
            policy = List.of(rules);
            return this;
        }

        StepBuilder loop(String in, String iterator, Loop.Mode mode, int maxInFlight) {
            loop = new Loop(in, iterator, mode, maxInFlight);
            return this;
        }

        Step build() {
            return new Step(name, null, args, tasks, next,
                    new StepSpec(timeoutMs, waitDecision, waitTimeoutMs, policy, "default"), loop, 1, set);
        }
    }
}
