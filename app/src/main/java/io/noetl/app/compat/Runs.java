package io.noetl.app.compat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.app.client.ApiException;
import io.noetl.app.client.NoetlClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs registered playbooks with their default workload, a few at a time, each until it settles or its time is up
 * (then it is cancelled, so it does not hold workers from the next ones).
 */
final class Runs {

    private static final Logger LOG = LoggerFactory.getLogger(Runs.class);

    /** A registered playbook to run: the version registered from its file. */
    record Registered(PlaybookFile playbook, String path, int version) {
    }

    private final NoetlClient client;
    private final Duration timeout;
    private final int parallel;

    Runs(NoetlClient client, Duration timeout, int parallel) {
        this.client = client;
        this.timeout = timeout;
        this.parallel = parallel;
    }

    /** @return one verdict per playbook, in the given order */
    List<Verdict.Ran> run(List<Registered> playbooks) throws InterruptedException {
        List<Future<Verdict.Ran>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel))) {
            for (Registered r : playbooks) {
                futures.add(pool.submit(() -> runOne(r)));
            }
            List<Verdict.Ran> out = new ArrayList<>();
            for (Future<Verdict.Ran> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ApiException api && api.status() == 0) {
                        throw api; // the server went away: nothing more can be measured
                    }
                    throw new IllegalStateException("run a playbook", e.getCause());
                }
            }
            return out;
        }
    }

    private Verdict.Ran runOne(Registered r) throws InterruptedException {
        long started = System.nanoTime();
        String executionId;
        try {
            executionId = client.start(r.path(), r.version(), Map.of());
        } catch (ApiException e) {
            if (e.status() == 0) {
                throw e;
            }
            return ran(r, "NOT_STARTED", e.describe().replace(System.lineSeparator(), " "), started);
        }
        try {
            JsonNode state = client.await(executionId, NoetlClient.SETTLED, timeout);
            String status = state.path("status").asText();
            return ran(r, status, "COMPLETED".equals(status) ? null : Failure.of(state), started);
        } catch (ApiException e) {
            if (e.status() != 408) {
                throw e;
            }
            String still = status(executionId);
            cancel(executionId);
            return ran(r, "TIMEOUT", "still " + still + " after " + timeout.toSeconds() + "s (cancelled)", started);
        }
    }

    private String status(String executionId) {
        try {
            return client.execution(executionId).path("status").asText("RUNNING");
        } catch (ApiException e) {
            return "RUNNING";
        }
    }

    private void cancel(String executionId) {
        try {
            client.cancel(executionId, "compatibility run timed out after " + timeout.toSeconds() + "s");
        } catch (ApiException e) {
            LOG.warn("cancel of execution {} after its timeout failed: {}", executionId, e.describe());
        }
    }

    private static Verdict.Ran ran(Registered r, String status, String error, long startedNanos) {
        return new Verdict.Ran(r.playbook(), r.path(), r.version(), status, error,
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
