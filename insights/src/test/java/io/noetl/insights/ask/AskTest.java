package io.noetl.insights.ask;

import static io.noetl.insights.StreamRows.done;
import static io.noetl.insights.StreamRows.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.insights.EmbeddedStores;
import io.noetl.insights.InsightSettings;
import io.noetl.insights.Insights;
import io.noetl.insights.Runs;
import io.noetl.insights.StoreAccess;
import io.noetl.insights.StreamRows;
import io.noetl.insights.UnknownExecutionException;
import io.noetl.insights.diagnosis.EvidenceItem;
import io.noetl.insights.execution.ExecutionSource;
import io.noetl.insights.execution.ExecutionView;
import io.noetl.insights.reasoner.ExtractiveReasoner;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.PlaybookParser;
import io.noetl.schemas.stream.NormalizedEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Questions answered extractively from the execution, the vector store and the analytics store; the stores are the
 * embedded ones the sink writes (Lucene, DuckDB, the hashing embedder), filled through the sink's indexes.
 */
class AskTest {

    private static final ErrorInfo POOL = ErrorInfo.retriable("HttpError",
            "HTTP 503 from https://orders.example.com/api/orders: connection pool exhausted upstream");
    private static final String PAST = "01JPASTEXECUTION0000000000";

    private final List<Runs> runs = new ArrayList<>();
    private final StoreAccess stores = new StoreAccess();
    private ExecutionSource source = Runs.source(runs, Map.of());
    @TempDir
    private Path dir;
    private EmbeddedStores embedded;

    @AfterEach
    void closeStores() {
        if (embedded != null) {
            embedded.close();
        }
    }

    private Insights insights() {
        return new Insights(source, stores, new ExtractiveReasoner(), InsightSettings.DEFAULTS, Clock.systemUTC());
    }

    private Runs failed() {
        Runs run = new Runs("shop/orders").ok("extract", "python").attempts("fetch", "http", false, POOL, POOL)
                .failedByLastStep();
        runs.add(run);
        return run;
    }

    /** Opens the embedded stores, empty at version 1, and attaches them as a process running the sink does. */
    private EmbeddedStores attachStores() {
        embedded = EmbeddedStores.open(dir);
        stores.attach(embedded.stores());
        return embedded;
    }

    private static void assertCitationsAreEvidence(AskAnswer a) {
        Set<String> ids = a.evidence().stream().map(EvidenceItem::eventId).collect(Collectors.toSet());
        assertThat(a.citations()).isNotEmpty();
        assertThat(a.citations()).allSatisfy(c -> assertThat(ids).contains(c.id()));
    }

    @Test
    @DisplayName("why did it fail: the diagnosis, citing the error event and the execution; stores it lacked are named")
    void whyDidItFail() {
        Runs run = failed();
        AskAnswer a = insights().ask(new AskRequest("Why did it fail?", run.id(), null));

        assertThat(a.answer()).startsWith("Step fetch failed on all 2 attempts").contains("503");
        assertThat(a.reasoner()).isEqualTo("extractive");
        assertThat(a.missing()).containsExactlyInAnyOrder("vectors", "analytics");
        assertThat(a.citations()).extracting(Citation::kind).contains("execution", "error");
        assertThat(a.citations()).extracting(Citation::id).contains(run.id());
        assertCitationsAreEvidence(a);
    }

    @Test
    void anUnknownExecutionIsRefused() {
        assertThatThrownBy(() -> insights().ask(new AskRequest("Why?", "01NOSUCHEXECUTION000000000", null)))
                .isInstanceOf(UnknownExecutionException.class);
    }

    @Test
    @DisplayName("what fixed it: the resolution recorded for a similar past failure, found by meaning")
    void whatFixedIt() {
        Runs run = failed();
        NormalizedEvent pastError = error("01JPASTERROREVENT000000000", PAST, "shop/orders", "fetch", "http", POOL,
                "t-pool", 1200L);
        attachStores().events(pastError, StreamRows.resolution("01JRESOLUTION0000000000000", PAST, "shop/orders",
                "raised the orders API's pool to 40", "ana")).traces(StreamRows.failedAt(pastError));

        AskAnswer a = insights().ask(new AskRequest("What fixed this last time?", run.id(), null));

        assertThat(a.answer()).contains("failed at step fetch (dependency_5xx)")
                .contains("raised the orders API's pool to 40");
        assertThat(a.answer().split("pool to 40", -1)).as("one fix quoted once, though two items carry it")
                .hasSize(2);
        assertThat(a.citations()).extracting(Citation::id).contains("01JRESOLUTION0000000000000");
        assertThat(a.citations()).filteredOn(c -> c.id().equals("01JRESOLUTION0000000000000"))
                .extracting(Citation::kind).containsExactly("resolution");
        assertCitationsAreEvidence(a);
    }

    @Test
    @DisplayName("which step is slow: the analytics store's quantiles, slowest p95 first")
    void whichStepIsSlow() {
        List<NormalizedEvent> attempts = new ArrayList<>();
        // fetch: 40 attempts, 2 of them failed, p95 900 ms
        repeat(35, () -> attempts.add(done("shop/orders", "fetch", "http", 300L)));
        repeat(2, () -> attempts.add(error(null, null, "shop/orders", "fetch", "http", POOL, "t-pool", 300L)));
        repeat(2, () -> attempts.add(done("shop/orders", "fetch", "http", 900L)));
        attempts.add(done("shop/orders", "fetch", "http", 1500L));
        // load: 40 attempts, p95 8000 ms
        repeat(36, () -> attempts.add(done("shop/orders", "load", "python", 2000L)));
        repeat(3, () -> attempts.add(done("shop/orders", "load", "python", 8000L)));
        attempts.add(done("shop/orders", "load", "python", 9500L));
        attachStores().events(attempts);

        AskAnswer a = insights().ask(new AskRequest("Which step is the bottleneck?", null, "shop/orders"));

        assertThat(a.answer()).startsWith("Over recent runs the slowest step of shop/orders is load")
                .contains("p95 8000 ms");
        assertThat(a.citations().getFirst()).isEqualTo(new Citation("latency:shop/orders/load", "step_latency"));
        assertCitationsAreEvidence(a);
    }

    @Test
    @DisplayName("how often does it fail: error rates of the playbook's steps")
    void howOftenDoesItFail() {
        // finished attempts without a duration: error rates, no latencies
        List<NormalizedEvent> attempts = new ArrayList<>();
        repeat(50, () -> attempts.add(error(null, null, "other/flow", "x", "python",
                ErrorInfo.of("Timeout", "read timed out after 30s"), "t9", null)));
        repeat(10, () -> attempts.add(done("other/flow", "x", "python", null)));
        repeat(12, () -> attempts.add(error(null, null, "shop/orders", "fetch", "http", POOL, "t1", null)));
        repeat(28, () -> attempts.add(done("shop/orders", "fetch", "http", null)));
        attachStores().events(attempts);

        AskAnswer a = insights().ask(new AskRequest("How often does fetch fail?", null, "shop/orders"));

        assertThat(a.answer()).contains("step fetch of shop/orders: 12 errors in 40 attempts (30.0%)")
                .doesNotContain("other/flow");
        assertThat(a.citations()).containsExactly(new Citation("errors:shop/orders/fetch/t1", "error_rate"));
    }

    @Test
    @DisplayName("an attached analytics store that cannot be read (closed under the server) is named as missing")
    void unreadableAnalyticsStoreIsMissing() {
        attachStores().analyticsStore().close();
        AskAnswer a = insights().ask(new AskRequest("Which step is slow?", null, "shop/orders"));
        assertThat(a.missing()).contains("analytics").doesNotContain("vectors");
        assertThat(a.answer()).isNotBlank();
    }

    @Test
    @DisplayName("what changed: the execution's playbook version against the previous one")
    void whatChanged() {
        Runs run = failed();
        String v1 = playbook("    next: [end]\n  - step: end\n");
        String v2 = playbook("    retry: {max_attempts: 3}\n    next: [audit]\n  - step: audit\n"
                + "    tool: {kind: python, code: 'result = 1'}\n    next: [end]\n  - step: end\n");
        source = new ExecutionSource() {
            @Override
            public Optional<ExecutionView> execution(String id) {
                ExecutionView x = run.view();
                return Optional.of(new ExecutionView(x.executionId(), x.playbookPath(), 2, null, x.status(),
                        x.error(), x.startedAt(), x.endedAt(), x.steps(), x.events()));
            }

            @Override
            public Optional<Playbook> playbook(String path, int version) {
                return Optional.of(PlaybookParser.parse(version == 2 ? v2 : v1));
            }

            @Override
            public Optional<Versioned> latest(String path) {
                return Optional.of(new Versioned(2, PlaybookParser.parse(v2)));
            }
        };

        AskAnswer a = insights().ask(new AskRequest("What changed?", run.id(), null));

        assertThat(a.answer()).contains("added step audit (python)").contains("step fetch changed its spec");
        assertThat(a.citations()).contains(new Citation("playbook:shop/orders@v2", "playbook_change"));
        assertCitationsAreEvidence(a);
    }

    @Test
    @DisplayName("what changed, with nothing to compare: says that no change is known")
    void whatChangedWithNothingToCompare() {
        Runs run = failed();
        AskAnswer a = insights().ask(new AskRequest("What changed?", run.id(), null));
        assertThat(a.answer()).startsWith("No change is known").contains("This execution: Step fetch failed");
    }

    @Test
    @DisplayName("hits that share nothing with the question are not quoted")
    void unrelatedHitsAreNotEvidence() {
        attachStores().events(error("01JERRORC0000000000000000C", "EC", "ops/disk", "backup", "shell",
                ErrorInfo.of("IOError", "disk full on node seven"), null, null));
        AskAnswer a = insights().ask(new AskRequest("Why was the connection refused?", null, null));
        assertThat(a.missing()).as("the vector store was searched").isEmpty();
        assertThat(a.evidence()).extracting(EvidenceItem::eventId).doesNotContain("01JERRORC0000000000000000C");
    }

    @Test
    @DisplayName("a question about a playbook searches only that playbook's failures")
    void playbookFiltersTheSearch() {
        attachStores().events(
                error("01JERRORA0000000000000000A", "EA", "shop/orders", "fetch", "http",
                        ErrorInfo.of("ConnectionError", "connection refused by orders db"), null, null),
                error("01JERRORB0000000000000000B", "EB", "crm/sync", "push", "http",
                        ErrorInfo.of("ConnectionError", "connection refused by crm db"), null, null));

        AskAnswer a = insights().ask(new AskRequest("Why was the connection refused?", null, "shop/orders"));

        assertThat(a.answer()).startsWith("The recorded failures closest to the question: execution EA");
        assertThat(a.evidence()).extracting(EvidenceItem::eventId).doesNotContain("01JERRORB0000000000000000B");
        assertThat(a.citations()).extracting(Citation::kind).containsOnly("failure");
    }

    @Test
    @DisplayName("with nothing to go on the answer says which stores could not be read, and cites nothing")
    void noEvidence() {
        AskAnswer a = insights().ask(new AskRequest("Why do orders fail?", null, null));
        assertThat(a.answer()).isEqualTo("No evidence answers this question: the vectors store could not be read"
                + " from this server.");
        assertThat(a.citations()).isEmpty();
        AskAnswer rates = insights().ask(new AskRequest("How often do orders fail?", null, "shop/orders"));
        assertThat(rates.answer()).endsWith("the vectors and analytics stores could not be read from this server.");
    }

    private static void repeat(int times, Runnable action) {
        for (int i = 0; i < times; i++) {
            action.run();
        }
    }

    private static String playbook(String tail) {
        return """
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata: {name: orders, path: shop/orders}
                workflow:
                  - step: start
                    next: [fetch]
                  - step: fetch
                    tool: {kind: http, url: 'https://orders.example.com/api/orders'}
                """ + tail;
    }
}
