package io.noetl.insights;

import io.noetl.insights.ask.AskAnswer;
import io.noetl.insights.ask.AskRequest;
import io.noetl.insights.ask.Asker;
import io.noetl.insights.diagnosis.Diagnoser;
import io.noetl.insights.diagnosis.Diagnosis;
import io.noetl.insights.diagnosis.ErrorClasses;
import io.noetl.insights.execution.ExecutionSource;
import io.noetl.insights.execution.ExecutionView;
import io.noetl.insights.fingerprint.Fingerprints;
import io.noetl.insights.playbook.PlaybookInsights;
import io.noetl.insights.playbook.PlaybookReport;
import io.noetl.insights.reasoner.ExtractiveReasoner;
import io.noetl.insights.reasoner.Reasoner;
import io.noetl.insights.search.Search;
import io.noetl.insights.search.SearchItem;
import io.noetl.insights.generate.GeneratedPlaybook;
import io.noetl.insights.generate.PlaybookGenerator;
import io.noetl.insights.generate.PlaybookValidator;
import io.noetl.insights.reasoner.ExtractiveReasoner;
import io.noetl.insights.reasoner.Reasoner;
import io.noetl.insights.reasoner.Reasoners;
import io.noetl.insights.similar.SimilarFailure;
import io.noetl.schemas.error.ErrorClassifier;
import io.noetl.schemas.stream.Alert;
import io.noetl.stores.analytics.AlertQuery;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The insight engine: questions about executions, answered from the server's own state and the stores this process
 * can read, through a reasoner (extractive unless an LLM is configured). Thread-safe.
 */
public final class Insights {

    private final ExecutionSource source;
    private final StoreAccess stores;
    private final Diagnoser diagnoser;
    private final Reasoner reasoner;
    private final Fingerprints fingerprints;
    private final PlaybookInsights playbooks;
    private final Search search;
    private final Asker asker;
    private final PlaybookGenerator generator;

    public Insights(ExecutionSource source, StoreAccess stores, Reasoner reasoner, InsightSettings settings,
            Clock clock) {
        this.source = source;
        this.stores = stores;
        this.reasoner = reasoner;
        this.diagnoser = new Diagnoser(source, stores, new ErrorClasses(ErrorClassifier.standard()), settings, clock);
        this.fingerprints = new Fingerprints(stores, settings, clock);
        this.playbooks = new PlaybookInsights(source, stores, clock, settings.historyTtl());
        this.search = new Search(stores, clock);
        this.asker = new Asker(source, stores, diagnoser, settings, clock);
        this.generator = new PlaybookGenerator(stores);
    }

    /** @return the reasoner the settings ask for: the LLM one when {@code NOETL_LLM} is set, else extractive */
    public static Reasoner reasoner(InsightSettings settings) {
        return Reasoners.of(settings.llm());
    }

    /** The extractive reasoner, the default settings and the system clock. */
    public static Insights extractive(ExecutionSource source, StoreAccess stores) {
        return new Insights(source, stores, new ExtractiveReasoner(), InsightSettings.DEFAULTS, Clock.systemUTC());
    }

    /** The stores this engine reads (attach them once they are open). */
    public StoreAccess stores() {
        return stores;
    }

    /**
     * Why did it fail (or retry, or stop): see {@link Diagnosis}.
     *
     * @throws UnknownExecutionException when no execution has this id
     */
    public Diagnosis diagnose(String executionId) {
        return diagnoser.diagnose(execution(executionId), reasoner);
    }

    /**
     * Past failed executions most like this one, with their resolutions.
     *
     * @throws UnknownExecutionException when no execution has this id
     * @throws StoreUnavailableException when the vector store cannot be read
     */
    public List<SimilarFailure> similar(String executionId, int limit) {
        return diagnoser.similar(execution(executionId), limit, new ArrayList<>());
    }

    /** Failure fingerprints across runs. */
    public Fingerprints fingerprints() {
        return fingerprints;
    }

    /**
     * Which step of a playbook is the bottleneck and what should change, from {@code since} on.
     *
     * @throws StoreUnavailableException when the analytics store cannot be read
     */
    public PlaybookReport playbook(String path, Instant since) {
        return playbooks.report(path, since);
    }

    /**
     * Natural-language search over failures, executions or playbooks.
     *
     * @throws StoreUnavailableException when the vector store cannot be read
     */
    public List<SearchItem> search(String query, Search.Kind kind, Search.Filters filters, int limit) {
        return search.search(query, kind, filters, limit);
    }

    /**
     * Alerts from the analytics store, newest first.
     *
     * @throws StoreUnavailableException when the analytics store cannot be read
     */
    public Page<Alert> alerts(AlertQuery query) {
        AnalyticsStore analytics = stores.analytics().orElseThrow(() -> new StoreUnavailableException(
                StoreAccess.ANALYTICS, "no analytics store is readable from this process", null));
        try {
            return analytics.alerts(query);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(StoreAccess.ANALYTICS, "analytics store: " + e.getMessage(), e);
        }
    }

    /**
     * Answers a question about executions from the evidence: see {@link AskAnswer}.
     *
     * @throws UnknownExecutionException when the request names an execution that does not exist
     */
    public AskAnswer ask(AskRequest request) {
        return asker.ask(request, reasoner);
    }

    /**
     * Writes a playbook for a description (registers nothing): see {@link GeneratedPlaybook}.
     *
     * @param validator the server's own validation of a playbook, which the result passes
     */
    public GeneratedPlaybook generate(String description, PlaybookValidator validator) {
        return generator.generate(description, reasoner, validator);
    }

    private ExecutionView execution(String executionId) {
        return source.execution(executionId).orElseThrow(() -> new UnknownExecutionException(executionId));
    }
}
