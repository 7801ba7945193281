package io.noetl.insights.reasoner;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.insights.diagnosis.EvidenceItem;
import io.noetl.insights.diagnosis.Finding;
import io.noetl.insights.diagnosis.RootCauseView;
import io.noetl.insights.execution.StepView;
import io.noetl.schemas.error.ErrorClass;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The answer contract a model's answer is held to before it is used: a class of the taxonomy (null only for an
 * execution without an error), a step of the execution, a confidence in 0..1, citations only of evidence ids.
 */
final class AnswerRules {

    /** Longest summary or answer kept. */
    static final int MAX_TEXT = 2000;

    private AnswerRules() {
    }

    /** @throws AnswerRejected naming the rule the answer broke */
    static RootCauseView diagnosis(JsonNode a, DiagnosisDraft d) {
        Finding f = d.finding();
        String cls = nullableText(a, "class");
        if (f.errorClass() == null && cls != null) {
            throw new AnswerRejected("named a class for an execution without an error");
        }
        if (f.errorClass() != null) {
            if (cls == null) {
                throw new AnswerRejected("named no class for an execution with an error");
            }
            cls = cls.toLowerCase(Locale.ROOT);
            if (!isWireName(cls)) {
                throw new AnswerRejected("class outside the taxonomy");
            }
        }
        String step = nullableText(a, "step");
        if (step != null && !steps(d).contains(step)) {
            throw new AnswerRejected("named a step the execution does not have");
        }
        if (step == null && f.step() != null) {
            throw new AnswerRejected("named no step");
        }
        String summary = bounded(ModelJson.text(a, "summary"));
        JsonNode c = a.get("confidence");
        if (c == null || !c.isNumber() || c.asDouble() < 0 || c.asDouble() > 1 || Double.isNaN(c.asDouble())) {
            throw new AnswerRejected("confidence outside 0..1");
        }
        ModelJson.citations(a, ids(d.evidence()), !d.evidence().isEmpty());
        return new RootCauseView(cls, step, summary, Math.round(c.asDouble() * 100) / 100.0);
    }

    /** @throws AnswerRejected naming the rule the answer broke */
    static Reasoner.Reply question(JsonNode a, QuestionDraft q, String reasoner) {
        String answer = bounded(ModelJson.text(a, "answer"));
        List<String> citations = ModelJson.citations(a, q.evidenceIds(), !q.evidence().isEmpty());
        return new Reasoner.Reply(answer, citations, reasoner);
    }

    static Set<String> ids(List<EvidenceItem> evidence) {
        Set<String> ids = new HashSet<>();
        evidence.forEach(e -> ids.add(e.eventId()));
        return ids;
    }

    private static Set<String> steps(DiagnosisDraft d) {
        Set<String> steps = new HashSet<>();
        for (StepView s : d.execution().steps()) {
            steps.add(s.name());
        }
        if (d.finding().step() != null) {
            steps.add(d.finding().step());
        }
        return steps;
    }

    private static boolean isWireName(String cls) {
        for (ErrorClass c : ErrorClass.values()) {
            if (c.wireName().equals(cls)) {
                return true;
            }
        }
        return false;
    }

    private static String nullableText(JsonNode a, String field) {
        JsonNode n = a.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new AnswerRejected(field + " is not a string");
        }
        return n.asText().isBlank() ? null : n.asText().strip();
    }

    private static String bounded(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
