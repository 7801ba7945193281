package io.noetl.insights.playbook;

import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.StepTrace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where the executions' critical-path time goes: per step, its share of the time on the critical path. */
final class CriticalPaths {

    private CriticalPaths() {
    }

    /** @return step → share (0..1) over all traces with a critical path; empty when there is none */
    static Map<String, Double> shares(List<ExecutionTrace> traces) {
        Map<String, Double> time = new HashMap<>();
        double total = 0;
        for (ExecutionTrace t : traces) {
            if (t.criticalPath() == null || t.steps() == null) {
                continue;
            }
            Map<String, Long> durations = new HashMap<>();
            for (StepTrace s : t.steps()) {
                if (s != null && s.step() != null && s.durationMs() != null) {
                    durations.put(s.step(), s.durationMs());
                }
            }
            for (String step : t.criticalPath()) {
                long d = durations.getOrDefault(step, 0L);
                time.merge(step, (double) d, Double::sum);
                total += d;
            }
        }
        if (total <= 0) {
            return Map.of();
        }
        Map<String, Double> shares = new HashMap<>();
        for (Map.Entry<String, Double> e : time.entrySet()) {
            shares.put(e.getKey(), Math.round(e.getValue() / total * 1000) / 1000.0);
        }
        return shares;
    }
}
