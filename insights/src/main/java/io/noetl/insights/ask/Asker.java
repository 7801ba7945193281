package io.noetl.insights.ask;

import io.noetl.insights.InsightSettings;
import io.noetl.insights.StoreAccess;
import io.noetl.insights.UnknownExecutionException;
import io.noetl.insights.diagnosis.Diagnoser;
import io.noetl.insights.diagnosis.EvidenceItem;
import io.noetl.insights.execution.ExecutionSource;
import io.noetl.insights.execution.ExecutionView;
import io.noetl.insights.reasoner.DiagnosisDraft;
import io.noetl.insights.reasoner.QuestionDraft;
import io.noetl.insights.reasoner.Reasoner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers a question about executions: gathers the evidence (the execution's diagnosis draft when one is named, a
 * search by meaning over past failures and executions, the analytics store's numbers for the playbook), then lets
 * the reasoner answer from it. Every cited id is an id of that evidence.
 */
public final class Asker {

    private final ExecutionSource source;
    private final Diagnoser diagnoser;
    private final SemanticEvidence semantic;
    private final AnalyticsEvidence analytics;

    public Asker(ExecutionSource source, StoreAccess stores, Diagnoser diagnoser, InsightSettings settings,
            Clock clock) {
        this.source = source;
        this.diagnoser = diagnoser;
        this.semantic = new SemanticEvidence(stores);
        this.analytics = new AnalyticsEvidence(stores, settings.historyWindow(), clock);
    }

    /** @throws UnknownExecutionException when the request names an execution that does not exist */
    public AskAnswer ask(AskRequest request, Reasoner reasoner) {
        List<String> missing = new ArrayList<>();
        List<EvidenceItem> evidence = new ArrayList<>();
        DiagnosisDraft draft = null;
        String scope = request.playbook();
        if (request.executionId() != null) {
            ExecutionView x = source.execution(request.executionId())
                    .orElseThrow(() -> new UnknownExecutionException(request.executionId()));
            draft = diagnoser.draft(x, missing);
            evidence.add(ExecutionEvidence.execution(x));
            evidence.addAll(draft.evidence());
            evidence.addAll(ExecutionEvidence.durations(x));
            ExecutionEvidence.playbookChange(source, x).ifPresent(evidence::add);
            scope = scope == null ? x.playbookPath() : scope;
        }
        Intent intent = Intent.of(request.question());
        evidence.addAll(semantic.search(query(request.question(), draft), request.playbook(), request.executionId(),
                missing));
        evidence.addAll(analytics.collect(scope, intent, missing));
        QuestionDraft q = new QuestionDraft(request.question(), intent, scope, draft, evidence, missing);
        Reasoner.Reply reply = reasoner.answer(q);
        return new AskAnswer(reply.answer(), citations(reply.citations(), evidence), reply.reasoner(), evidence,
                missing);
    }

    /** The question, and the execution's error when there is one: "what fixed this?" alone names nothing to find. */
    private static String query(String question, DiagnosisDraft draft) {
        if (draft == null || draft.finding().error() == null || draft.finding().error().message() == null) {
            return question;
        }
        return question + " | " + draft.finding().error().message();
    }

    /** The cited ids with the kind of the first item of each; ids outside the evidence are dropped. */
    static List<Citation> citations(List<String> ids, List<EvidenceItem> evidence) {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (EvidenceItem e : evidence) {
            kinds.putIfAbsent(e.eventId(), e.kind());
        }
        List<Citation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (kinds.containsKey(id) && seen.add(id)) {
                out.add(new Citation(id, kinds.get(id)));
            }
        }
        return out;
    }
}
