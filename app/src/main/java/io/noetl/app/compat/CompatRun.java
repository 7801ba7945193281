package io.noetl.app.compat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.app.client.ApiException;
import io.noetl.app.client.NoetlClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures how much of a set of playbooks this product accepts and runs: registers every playbook found under the
 * folders, runs those that need nothing outside this machine, and reports.
 */
public final class CompatRun {

    private final NoetlClient client;
    private final Duration timeout;
    private final int parallel;

    /**
     * @param client   the running server's API
     * @param timeout  how long one run may take to settle
     * @param parallel how many runs at a time
     */
    public CompatRun(NoetlClient client, Duration timeout, int parallel) {
        this.client = client;
        this.timeout = timeout;
        this.parallel = parallel;
    }

    /**
     * Registers, classifies and runs; prints progress headers to {@code out}.
     *
     * @throws ApiException with status 0 when the server cannot be reached
     */
    public CompatReport measure(List<Path> folders, PrintWriter out) throws InterruptedException {
        Corpus corpus = Corpus.scan(folders);
        out.println("found " + corpus.playbooks().size() + " playbooks under " + folders.size() + " folder(s); "
                + corpus.otherYaml() + " other YAML file(s) skipped");
        out.flush();
        SelfContainment containment = new SelfContainment(corpus.byCatalogPath());
        Map<PlaybookFile, Verdict> verdicts = new HashMap<>();
        List<Runs.Registered> toRun = new ArrayList<>();
        for (PlaybookFile playbook : corpus.playbooks()) {
            JsonNode answer;
            try {
                answer = client.register(playbook.yaml());
            } catch (ApiException e) {
                if (e.status() == 0) {
                    throw e;
                }
                verdicts.put(playbook, new Verdict.Rejected(playbook,
                        e.status() + " " + e.code() + ": " + e.getMessage(), e.details(),
                        containment.needs(playbook).isEmpty()));
                continue;
            }
            String path = answer.path("path").asText(playbook.catalogPath());
            int version = answer.path("version").asInt(0);
            List<Dependency> needs = containment.needs(playbook);
            if (needs.isEmpty()) {
                toRun.add(new Runs.Registered(playbook, path, version));
            } else {
                verdicts.put(playbook, new Verdict.Skipped(playbook, path, needs));
            }
        }
        out.println("registered " + (corpus.playbooks().size() - countRejected(verdicts)) + "; running "
                + toRun.size() + " self-contained, " + parallel + " at a time, up to " + timeout.toSeconds()
                + "s each");
        out.flush();
        new Runs(client, timeout, parallel).run(toRun).forEach(r -> verdicts.put(r.playbook(), r));
        return new CompatReport(corpus.playbooks().stream().map(verdicts::get).toList());
    }

    private static long countRejected(Map<PlaybookFile, Verdict> verdicts) {
        return verdicts.values().stream().filter(v -> v instanceof Verdict.Rejected).count();
    }
}
