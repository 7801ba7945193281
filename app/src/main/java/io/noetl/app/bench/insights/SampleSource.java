package io.noetl.app.bench.insights;

import io.noetl.insights.execution.ExecutionSource;
import io.noetl.insights.execution.ExecutionView;
import io.noetl.schemas.playbook.Playbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The server's side of the insights, in memory: a uniform sample (reservoir) of the synthetic executions that met an
 * error — failed, or recovered on a retry — with their raw events (the ids of the stored rows), and the playbooks as
 * registered (version 1). Filled by one thread, then read by many.
 */
final class SampleSource implements ExecutionSource {

    private final int capacity;
    private final Random random;
    private final List<ExecutionView> sample = new ArrayList<>();
    private final Map<String, ExecutionView> byId = new HashMap<>();
    private final Map<String, Playbook> playbooks = new HashMap<>();
    private long offered;

    /** @param capacity executions kept */
    SampleSource(int capacity, long seed, List<SyntheticPlaybooks.Profile> profiles) {
        this.capacity = capacity;
        this.random = new Random(seed);
        profiles.forEach(p -> playbooks.put(p.path(), p.playbook()));
    }

    /** Offers a run with errors to the sample (each is kept with the same probability). */
    void offer(RunGenerator.Run run) {
        ExecutionView view = new ExecutionView(run.executionId(), run.playbook().path(), 1, null, run.status(),
                run.error(), run.startedAt(), run.endedAt(), run.steps(), run.events());
        offered++;
        if (sample.size() < capacity) {
            sample.add(view);
            byId.put(view.executionId(), view);
            return;
        }
        long j = random.nextLong(offered);
        if (j < capacity) {
            byId.remove(sample.get((int) j).executionId());
            sample.set((int) j, view);
            byId.put(view.executionId(), view);
        }
    }

    /** @return the ids of the sampled executions */
    List<String> ids() {
        return sample.stream().map(ExecutionView::executionId).toList();
    }

    /** @return the playbook paths */
    List<String> paths() {
        return playbooks.keySet().stream().sorted().toList();
    }

    @Override
    public Optional<ExecutionView> execution(String executionId) {
        return Optional.ofNullable(byId.get(executionId));
    }

    @Override
    public Optional<Playbook> playbook(String path, int version) {
        return version == 1 ? Optional.ofNullable(playbooks.get(path)) : Optional.empty();
    }

    @Override
    public Optional<Versioned> latest(String path) {
        return Optional.ofNullable(playbooks.get(path)).map(p -> new Versioned(1, p));
    }
}
