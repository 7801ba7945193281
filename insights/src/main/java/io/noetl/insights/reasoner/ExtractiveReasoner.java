package io.noetl.insights.reasoner;

import io.noetl.insights.diagnosis.Finding;
import io.noetl.insights.diagnosis.FingerprintView;
import io.noetl.insights.diagnosis.RootCauseView;
import io.noetl.insights.similar.SimilarFailure;
import io.noetl.schemas.error.ErrorClass;
import java.util.Locale;
import java.util.Map;

/**
 * The default reasoner: deterministic sentences built from the finding, the fingerprint's history and the similar
 * failures — nothing that is not in the evidence.
 */
public final class ExtractiveReasoner implements Reasoner {

    public static final String NAME = "extractive";

    private static final Map<ErrorClass, String> MEANING = Map.ofEntries(
            Map.entry(ErrorClass.TIMEOUT, "it ran past its time limit"),
            Map.entry(ErrorClass.CONNECTION, "a dependency could not be reached"),
            Map.entry(ErrorClass.DEPENDENCY_5XX, "a dependency answered with a server error"),
            Map.entry(ErrorClass.RATE_LIMITED, "a dependency throttled the calls"),
            Map.entry(ErrorClass.AUTH, "credentials were missing or rejected"),
            Map.entry(ErrorClass.PERMISSION, "the identity is known but the action is not allowed"),
            Map.entry(ErrorClass.NOT_FOUND, "something it names does not exist"),
            Map.entry(ErrorClass.BAD_REQUEST, "the call itself was malformed"),
            Map.entry(ErrorClass.VALIDATION, "data or a response broke a declared contract"),
            Map.entry(ErrorClass.DATA_QUALITY, "the data failed a quality check"),
            Map.entry(ErrorClass.CODE_ERROR, "the step's own code has a bug"),
            Map.entry(ErrorClass.RESOURCE_EXHAUSTED, "the machine or a pool ran out of a resource"),
            Map.entry(ErrorClass.CANCELLED, "it was cancelled"),
            Map.entry(ErrorClass.UNKNOWN, "the error does not say which kind it is"));

    @Override
    public Answer explain(DiagnosisDraft d) {
        Finding f = d.finding();
        String cls = f.errorClass() == null ? null : f.errorClass().wireName();
        return new Answer(new RootCauseView(cls, f.step(), summary(d), round(d.confidence())), NAME);
    }

    /** @return the extractive summary of a diagnosis: what the rules found, its history, a known fix */
    public static String summary(DiagnosisDraft d) {
        Finding f = d.finding();
        String error = f.error() == null ? null : oneLine(f.error().message());
        StringBuilder s = new StringBuilder();
        switch (f.mode()) {
            case CLEAN -> s.append("Completed without errors.");
            case RUNNING -> s.append(f.errorClass() == null
                    ? (f.step() == null ? "Still running; no errors so far." : "Waiting for a decision at step "
                    + f.step() + "; no errors so far.")
                    : "Still running; step " + f.step() + " has hit " + count(f) + " so far: " + error + " ("
                    + f.errorClass().wireName() + ": " + MEANING.get(f.errorClass()) + ").");
            case REJECTED -> s.append("Step ").append(f.step()).append(" was rejected at review: ").append(error)
                    .append(" (data_quality).");
            case CANCELLED -> s.append("Cancelled").append(f.step() == null ? "" : " while step " + f.step()
                    + " ran").append(error == null ? "." : ": " + error + ".");
            case RETRIED -> s.append("Completed after ").append(count(f)).append(" in step ").append(f.step())
                    .append(": ").append(error).append(" (").append(f.errorClass().wireName()).append(": ")
                    .append(MEANING.get(f.errorClass())).append("; a later attempt succeeded).");
            case FAILED -> {
                s.append(f.step() == null ? "The execution failed" : "Step " + f.step() + " failed");
                if (f.attempts().size() > 1) {
                    s.append(" on all ").append(f.attempts().size()).append(" attempts");
                }
                s.append(": ").append(error).append(" (").append(f.errorClass().wireName()).append(": ")
                        .append(MEANING.get(f.errorClass())).append(").");
                if (!f.childPath().isEmpty()) {
                    s.append(" The error came up from sub-playbook ").append(String.join(" > ", f.childPath()))
                            .append('.');
                }
            }
        }
        FingerprintView fp = d.fingerprint();
        if (fp != null && f.errorClass() != null) {
            s.append(fp.isNew()
                    ? String.format(Locale.ROOT, " This error is new: first seen %s.", fp.firstSeen())
                    : String.format(Locale.ROOT, " The same error has happened %d times in %d executions since %s.",
                    fp.occurrences(), fp.executions(), fp.firstSeen()));
        }
        for (SimilarFailure similar : d.similar()) {
            if (similar.resolution() != null) {
                s.append(" A similar failure (execution ").append(similar.executionId()).append(") was fixed by: ")
                        .append(oneLine(similar.resolution().text())).append('.');
                break;
            }
        }
        return s.toString();
    }

    private static String count(Finding f) {
        int n = f.attempts().size();
        return n == 1 ? "1 error" : n + " errors";
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "no message";
        }
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 300 ? t.substring(0, 299) + "…" : t;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
