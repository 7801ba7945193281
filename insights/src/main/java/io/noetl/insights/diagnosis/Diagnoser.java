package io.noetl.insights.diagnosis;

import io.noetl.insights.InsightSettings;
import io.noetl.insights.StoreAccess;
import io.noetl.insights.StoreUnavailableException;
import io.noetl.insights.TtlCache;
import io.noetl.insights.execution.ExecutionSource;
import io.noetl.insights.execution.ExecutionView;
import io.noetl.insights.reasoner.DiagnosisDraft;
import io.noetl.insights.reasoner.Reasoner;
import io.noetl.insights.recommend.Recommendation;
import io.noetl.insights.recommend.Recommender;
import io.noetl.insights.recommend.StepHistory;
import io.noetl.insights.similar.FailureQuery;
import io.noetl.insights.similar.SimilarFailure;
import io.noetl.insights.similar.SimilarFailures;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.playbook.Step;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.ErrorOccurrence;
import io.noetl.stores.analytics.Fingerprint;
import io.noetl.stores.analytics.StepQuantiles;
import io.noetl.stores.analytics.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why did this execution fail: the rules over its own events ({@link RootCauseFinder}), then what the stores add —
 * its fingerprint across runs, similar past failures and their resolutions, the step's history — then
 * recommendations, then the reasoner's words. A store that cannot be read is named in {@code missing}; the answer
 * is then built from the rest.
 */
public final class Diagnoser {

    private static final Logger LOG = LoggerFactory.getLogger(Diagnoser.class);
    private static final int CACHE_ENTRIES = 10_000;

    private final ExecutionSource source;
    private final StoreAccess stores;
    private final RootCauseFinder finder;
    private final ErrorClasses classes;
    private final SimilarFailures similarFailures;
    private final Recommender recommender = new Recommender();
    private final InsightSettings settings;
    private final Clock clock;
    private final TtlCache<String, Optional<Fingerprint>> fingerprints;
    private final TtlCache<List<String>, StepHistory> histories;

    public Diagnoser(ExecutionSource source, StoreAccess stores, ErrorClasses classes, InsightSettings settings,
            Clock clock) {
        this.source = source;
        this.stores = stores;
        this.classes = classes;
        this.finder = new RootCauseFinder(source, classes);
        this.similarFailures = new SimilarFailures(stores);
        this.settings = settings;
        this.clock = clock;
        this.fingerprints = new TtlCache<>(settings.historyTtl(), CACHE_ENTRIES, clock);
        this.histories = new TtlCache<>(settings.historyTtl(), CACHE_ENTRIES, clock);
    }

    /** The rules' finding and the evidence around it, ready for a reasoner. */
    public DiagnosisDraft draft(ExecutionView x, List<String> missing) {
        Finding f = finder.find(x);
        Optional<ErrorOccurrence> occurrence = f.errorClass() == null ? Optional.empty() : occurrence(x, f, missing);
        FingerprintView fingerprint = occurrence.flatMap(o -> fingerprint(o, missing)).orElse(null);
        List<SimilarFailure> similar = similar(x, f, occurrence, missing);
        StepHistory history = history(x, f, missing);
        Optional<Step> step = f.step() == null ? Optional.empty()
                : source.playbook(x.playbookPath(), x.playbookVersion()).flatMap(pb -> pb.step(f.step()));
        List<Recommendation> recommendations = recommender.recommend(f, step, history);
        List<EvidenceItem> evidence = EvidenceCollector.collect(x, f, fingerprint, similar, history);
        return new DiagnosisDraft(x, f, confidence(f), fingerprint, similar, history, evidence, recommendations);
    }

    /** The diagnosis as {@code reasoner} words it. */
    public Diagnosis diagnose(ExecutionView x, Reasoner reasoner) {
        List<String> missing = new ArrayList<>();
        DiagnosisDraft d = draft(x, missing);
        Reasoner.Answer answer = reasoner.explain(d);
        return new Diagnosis(x.executionId(), x.status().name(), d.finding().step(), answer.rootCause(),
                d.fingerprint(), d.evidence(), d.similar(), d.recommendations(), answer.reasoner(), missing);
    }

    /** Past failures like this execution's (empty when it has no error). */
    public List<SimilarFailure> similar(ExecutionView x, int limit, List<String> missing) {
        Finding f = finder.find(x);
        if (f.errorClass() == null || f.errorClass() == ErrorClass.CANCELLED) {
            return List.of();
        }
        return similarFailures.find(x.executionId(), query(f, occurrence(x, f, missing)), limit, missing);
    }

    private List<SimilarFailure> similar(ExecutionView x, Finding f, Optional<ErrorOccurrence> occurrence,
            List<String> missing) {
        if (f.errorClass() == null || f.errorClass() == ErrorClass.CANCELLED || settings.similarLimit() == 0) {
            return List.of();
        }
        try {
            return similarFailures.find(x.executionId(), query(f, occurrence), settings.similarLimit(), missing);
        } catch (StoreUnavailableException e) {
            LOG.debug("diagnosis of {} without similar failures: {}", x.executionId(), e.getMessage());
            addOnce(missing, e.store());
            return List.of();
        }
    }

    private FailureQuery query(Finding f, Optional<ErrorOccurrence> o) {
        String message = f.error() == null ? null : f.error().message();
        String cls = f.errorClass() == null ? null : f.errorClass().wireName();
        return new FailureQuery(o.map(ErrorOccurrence::templateId).orElse(null),
                o.map(ErrorOccurrence::template).orElse(null), message, f.step(), f.toolKind(), cls);
    }

    /** The analytics row of the error that decided the finding (the same event id), or the step's latest error. */
    private Optional<ErrorOccurrence> occurrence(ExecutionView x, Finding f, List<String> missing) {
        Optional<AnalyticsStore> analytics = analytics(missing);
        if (analytics.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<ErrorOccurrence> errors = analytics.get().executionErrors(x.executionId());
            String causeId = f.cause() == null ? null : f.cause().eventId();
            ErrorOccurrence best = null;
            for (ErrorOccurrence o : errors) {
                if (o.eventId().equals(causeId)) {
                    return Optional.of(o);
                }
                if (f.step() == null || f.step().equals(o.step())) {
                    best = o;
                }
            }
            return Optional.ofNullable(best);
        } catch (RuntimeException e) {
            unavailable(missing, e);
            return Optional.empty();
        }
    }

    private Optional<FingerprintView> fingerprint(ErrorOccurrence o, List<String> missing) {
        if (o.templateId() == null) {
            return Optional.empty();
        }
        try {
            // a template not seen yet is asked again next time: it is about to appear
            Optional<Fingerprint> fp = fingerprints.get(o.templateId(),
                    id -> stores.analytics().flatMap(a -> a.fingerprint(id)), Optional::isPresent);
            Instant newSince = clock.instant().minus(settings.fingerprintNew());
            return fp.map(p -> new FingerprintView(p.templateId(), p.template(), p.occurrences(), p.executions(),
                    p.firstSeen(), p.lastSeen(), p.firstSeen() != null && p.firstSeen().isAfter(newSince)));
        } catch (RuntimeException e) {
            unavailable(missing, e);
            return Optional.empty();
        }
    }

    private StepHistory history(ExecutionView x, Finding f, List<String> missing) {
        if (f.step() == null || f.errorClass() == null) {
            return StepHistory.NONE;
        }
        Optional<AnalyticsStore> analytics = analytics(missing);
        if (analytics.isEmpty()) {
            return StepHistory.NONE;
        }
        Instant now = clock.instant();
        TimeRange range = new TimeRange(now.minus(settings.historyWindow()), now.plusSeconds(60));
        AnalyticsStore store = analytics.get();
        try {
            return histories.get(List.of(x.playbookPath(), f.step()), key -> {
                StepQuantiles q = store.stepQuantiles(x.playbookPath(), range).stream()
                        .filter(s -> f.step().equals(s.step())).findFirst().orElse(null);
                return new StepHistory(store.recoveryByClass(x.playbookPath(), f.step(), range), q);
            });
        } catch (RuntimeException e) {
            unavailable(missing, e);
            return StepHistory.NONE;
        }
    }

    private Optional<AnalyticsStore> analytics(List<String> missing) {
        Optional<AnalyticsStore> a = stores.analytics();
        if (a.isEmpty()) {
            addOnce(missing, StoreAccess.ANALYTICS);
        }
        return a;
    }

    private static void unavailable(List<String> missing, RuntimeException e) {
        LOG.warn("analytics store unavailable for a diagnosis: {}", e.toString());
        addOnce(missing, StoreAccess.ANALYTICS);
    }

    /** How strongly the evidence decides the class. */
    static double confidence(Finding f) {
        if (f.errorClass() == null) {
            return 1.0;
        }
        return switch (f.mode()) {
            case REJECTED, CANCELLED -> 0.99;
            default -> f.errorClass() == ErrorClass.UNKNOWN ? 0.3 : f.explicitCode() ? 0.95 : 0.8;
        };
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
