package io.noetl.insights.diagnosis;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.noetl.insights.recommend.Recommendation;
import io.noetl.insights.similar.SimilarFailure;
import java.util.List;

/**
 * The answer to "why did this fail?" ({@code GET /api/executions/{id}/diagnosis}).
 *
 * @param executionId     the execution
 * @param status          its status when diagnosed (a running one is diagnosed as far as it got)
 * @param failedStep      the step that failed it (or retried, or was rejected or cancelled), or null
 * @param rootCause       the root cause: class from the taxonomy, step, summary, confidence
 * @param fingerprint     the failure's fingerprint across runs, or null when unknown
 * @param evidence        what the answer rests on: events and history, each with its id
 * @param similar         past failures most like this one, each with its resolution when one was recorded
 * @param recommendations what to change, each with why and a YAML patch of the step
 * @param reasoner        who wrote the summary: {@code extractive}, or the LLM's name (with a fallback note)
 * @param missing         stores that could not be read (the answer is then built from what was available)
 */
public record Diagnosis(
        String executionId,
        String status,
        @JsonInclude(JsonInclude.Include.ALWAYS) String failedStep,
        RootCauseView rootCause,
        @JsonInclude(JsonInclude.Include.ALWAYS) FingerprintView fingerprint,
        List<EvidenceItem> evidence,
        List<SimilarFailure> similar,
        List<Recommendation> recommendations,
        String reasoner,
        List<String> missing) {

    public Diagnosis {
        evidence = List.copyOf(evidence);
        similar = List.copyOf(similar);
        recommendations = List.copyOf(recommendations);
        missing = List.copyOf(missing);
    }

    /** A copy written by another reasoner. */
    public Diagnosis withAnswer(RootCauseView cause, String reasonerName) {
        return new Diagnosis(executionId, status, failedStep, cause, fingerprint, evidence, similar, recommendations,
                reasonerName, missing);
    }
}
