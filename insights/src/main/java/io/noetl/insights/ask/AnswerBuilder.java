package io.noetl.insights.ask;

import io.noetl.insights.diagnosis.EvidenceItem;
import io.noetl.insights.reasoner.ExtractiveReasoner;
import io.noetl.insights.reasoner.QuestionDraft;
import io.noetl.insights.reasoner.Reasoner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Sentences and the evidence each rests on; cites only items of the question's evidence. */
final class AnswerBuilder {

    private static final int QUOTE = 280;

    private final QuestionDraft q;
    private final StringBuilder text = new StringBuilder();
    private final Set<String> citations = new LinkedHashSet<>();

    AnswerBuilder(QuestionDraft q) {
        this.q = q;
    }

    /** The evidence items of these kinds, in evidence order. */
    List<EvidenceItem> of(String... kinds) {
        List<EvidenceItem> out = new ArrayList<>();
        for (EvidenceItem e : q.evidence()) {
            for (String k : kinds) {
                if (k.equals(e.kind())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    List<EvidenceItem> of(Predicate<EvidenceItem> filter, String... kinds) {
        return of(kinds).stream().filter(filter).toList();
    }

    /** Adds a sentence resting on {@code cited}. */
    AnswerBuilder say(String sentence, List<EvidenceItem> cited) {
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(sentence.strip());
        cited.forEach(e -> citations.add(e.eventId()));
        return this;
    }

    AnswerBuilder say(String sentence, EvidenceItem... cited) {
        return say(sentence, List.of(cited));
    }

    /** Adds "lead: quote; quote; quote." over at most {@code max} items, citing them. */
    AnswerBuilder quoteAll(String lead, List<EvidenceItem> items, int max) {
        List<EvidenceItem> used = items.subList(0, Math.min(max, items.size()));
        List<String> quotes = used.stream().map(e -> quote(e.text())).toList();
        return say(lead + String.join("; ", quotes) + ".", used);
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    Reasoner.Reply reply() {
        return new Reasoner.Reply(text.toString(), List.copyOf(citations), ExtractiveReasoner.NAME);
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip().replaceAll("\\s+", " ");
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.length() > QUOTE ? t.substring(0, QUOTE - 1) + "…" : t;
    }
}
