package io.noetl.insights.ask;

import static io.noetl.insights.ask.AnalyticsEvidence.ERROR_RATE;
import static io.noetl.insights.ask.AnalyticsEvidence.STEP_LATENCY;
import static io.noetl.insights.ask.ExecutionEvidence.DURATION;
import static io.noetl.insights.ask.ExecutionEvidence.EXECUTION;
import static io.noetl.insights.ask.ExecutionEvidence.PLAYBOOK_CHANGE;
import static io.noetl.insights.ask.SemanticEvidence.FAILURE;
import static io.noetl.insights.ask.SemanticEvidence.RESOLUTION;

import io.noetl.insights.diagnosis.EvidenceItem;
import io.noetl.insights.diagnosis.Finding;
import io.noetl.insights.reasoner.DiagnosisDraft;
import io.noetl.insights.reasoner.ExtractiveReasoner;
import io.noetl.insights.reasoner.QuestionDraft;
import io.noetl.insights.reasoner.Reasoner;
import io.noetl.insights.recommend.Recommendation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a question from its evidence alone, by its {@link Intent}: why it failed leads with the diagnosis (or the
 * nearest failures), what fixed it with recorded resolutions, which step is slow with durations, how often it fails
 * with error rates, what changed with the playbook's new version and the fingerprint's age. Every sentence cites
 * the items it quotes.
 */
public final class ExtractiveAnswers {

    private static final String CAUSE_KINDS = "error decision cancel";
    private static final Pattern EXECUTION_ID = Pattern.compile("execution (\\S+)");

    private ExtractiveAnswers() {
    }

    /** @return the answer, citing only ids of {@code q}'s evidence, named {@code extractive} */
    public static Reasoner.Reply answer(QuestionDraft q) {
        AnswerBuilder a = new AnswerBuilder(q);
        switch (q.intent()) {
            case WHY_FAILED -> whyFailed(q, a);
            case WHAT_FIXED -> whatFixed(q, a);
            case SLOW_STEP -> slowStep(q, a);
            case FAILURE_RATE -> failureRate(q, a);
            case WHAT_CHANGED -> whatChanged(q, a);
            case GENERAL -> general(q, a);
        }
        if (a.isEmpty()) {
            general(q, a);
        }
        if (a.isEmpty()) {
            a.say("No evidence answers this question" + (q.missing().isEmpty() ? ": nothing recorded matches it."
                    : ": the " + String.join(" and ", q.missing()) + " store" + (q.missing().size() > 1 ? "s" : "")
                    + " could not be read from this server."));
        }
        return a.reply();
    }

    private static void whyFailed(QuestionDraft q, AnswerBuilder a) {
        if (q.diagnosis() != null) {
            diagnosis(q.diagnosis(), a);
            return;
        }
        List<EvidenceItem> failures = a.of(FAILURE);
        if (!failures.isEmpty()) {
            a.quoteAll("The recorded failures closest to the question: ", failures, 3);
        }
        List<EvidenceItem> failed = a.of(e -> e.text().contains(": FAILED"), EXECUTION);
        if (!failed.isEmpty()) {
            a.quoteAll("Failed executions like it: ", failed, 2);
        }
    }

    private static void diagnosis(DiagnosisDraft d, AnswerBuilder a) {
        List<EvidenceItem> cited = new ArrayList<>(a.of(EXECUTION).stream()
                .filter(e -> e.eventId().equals(d.execution().executionId())).toList());
        cited.addAll(a.of(CAUSE_KINDS.split(" ")));
        List<EvidenceItem> attempts = a.of("attempt");
        cited.addAll(attempts.subList(0, Math.min(2, attempts.size())));
        cited.addAll(a.of("fingerprint"));
        a.of(e -> e.text().contains("resolved by"), "similar").stream().findFirst().ifPresent(cited::add);
        a.say(ExtractiveReasoner.summary(d), cited);
    }

    private static void whatFixed(QuestionDraft q, AnswerBuilder a) {
        DiagnosisDraft d = q.diagnosis();
        Finding f = d == null ? null : d.finding();
        if (f != null && f.errorClass() != null) {
            a.say("Execution " + d.execution().executionId() + (f.step() == null ? "" : " failed at step " + f.step())
                    + " (" + f.errorClass().wireName() + ").", a.of(CAUSE_KINDS.split(" ")));
        }
        List<EvidenceItem> fixes = onePerExecution(a.of(RESOLUTION), a.of(e -> e.text().contains("resolved by"),
                "similar"), a.of(e -> e.text().contains("; resolved: "), FAILURE, EXECUTION));
        if (!fixes.isEmpty()) {
            a.quoteAll("What fixed failures like this: ", fixes, 3);
            return;
        }
        if (d != null && !d.recommendations().isEmpty()) {
            Recommendation r = d.recommendations().getFirst();
            a.say("No fix has been recorded for failures like this. Recommended: " + AnswerBuilder.quote(r.action())
                    + " (" + AnswerBuilder.quote(r.why()) + ").", a.of(CAUSE_KINDS.split(" ")));
            return;
        }
        List<EvidenceItem> failures = a.of(FAILURE);
        if (!failures.isEmpty()) {
            a.say("No fix has been recorded for failures like this.");
            a.quoteAll("The closest failures: ", failures, 3);
        }
    }

    /** The items about distinct executions (texts start "execution <id>"), in the order given. */
    @SafeVarargs
    private static List<EvidenceItem> onePerExecution(List<EvidenceItem>... lists) {
        Set<String> seen = new HashSet<>();
        List<EvidenceItem> out = new ArrayList<>();
        for (List<EvidenceItem> list : lists) {
            for (EvidenceItem e : list) {
                Matcher m = EXECUTION_ID.matcher(e.text());
                if (!m.lookingAt() || seen.add(m.group(1))) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static void slowStep(QuestionDraft q, AnswerBuilder a) {
        List<EvidenceItem> durations = a.of(DURATION);
        if (!durations.isEmpty()) {
            a.say("In execution " + q.diagnosis().execution().executionId() + " the longest attempt was step "
                    + durations.getFirst().step() + ": " + AnswerBuilder.quote(durations.getFirst().text()) + ".",
                    durations.getFirst());
        }
        List<EvidenceItem> latencies = a.of(STEP_LATENCY);
        if (!latencies.isEmpty()) {
            a.say("Over recent runs the slowest step" + (q.playbook() == null ? "" : " of " + q.playbook()) + " is "
                    + latencies.getFirst().step() + " (" + AnswerBuilder.quote(latencies.getFirst().text()) + ").",
                    latencies.getFirst());
            if (latencies.size() > 1) {
                a.quoteAll("Next: ", latencies.subList(1, latencies.size()), 2);
            }
        }
    }

    private static void failureRate(QuestionDraft q, AnswerBuilder a) {
        List<EvidenceItem> rates = a.of(ERROR_RATE);
        if (!rates.isEmpty()) {
            a.quoteAll("Error rates over recent runs: ", rates, 3);
        }
        List<EvidenceItem> failing = a.of(e -> e.text().endsWith(" failed") && !e.text().endsWith(" 0 failed"),
                STEP_LATENCY);
        if (rates.isEmpty() && !failing.isEmpty()) {
            a.quoteAll("Attempts and failures by step: ", failing, 3);
        }
        List<EvidenceItem> history = a.of("fingerprint", "history");
        if (!history.isEmpty()) {
            a.quoteAll("For this failure: ", history, 3);
        }
        if (a.isEmpty() && !a.of(FAILURE).isEmpty()) {
            a.quoteAll("Recorded failures like this: ", a.of(FAILURE), 5);
        }
    }

    private static void whatChanged(QuestionDraft q, AnswerBuilder a) {
        a.of(PLAYBOOK_CHANGE).forEach(c -> a.say("The playbook changed: " + AnswerBuilder.quote(c.text()) + ".", c));
        List<EvidenceItem> fingerprint = a.of("fingerprint");
        if (q.diagnosis() != null && a.isEmpty() && fingerprint.isEmpty()) {
            a.say("No change is known: the playbook version has no earlier version to compare, and the error has no"
                    + " fingerprint history here.");
        }
        if (!fingerprint.isEmpty()) {
            a.quoteAll("The error's fingerprint: ", fingerprint, 1);
        }
        String self = q.diagnosis() == null ? null : q.diagnosis().execution().executionId();
        List<EvidenceItem> others = a.of(e -> !e.eventId().equals(self), EXECUTION);
        if (!others.isEmpty()) {
            a.quoteAll("Other executions for comparison: ", others, 3);
        }
        if (q.diagnosis() != null && !a.isEmpty()) {
            a.say("This execution: " + AnswerBuilder.quote(ExtractiveReasoner.summary(q.diagnosis())) + ".",
                    a.of(CAUSE_KINDS.split(" ")));
        }
    }

    private static void general(QuestionDraft q, AnswerBuilder a) {
        if (q.diagnosis() != null) {
            diagnosis(q.diagnosis(), a);
            return;
        }
        if (!q.evidence().isEmpty()) {
            a.quoteAll("The closest evidence: ", q.evidence(), 3);
        }
    }
}
