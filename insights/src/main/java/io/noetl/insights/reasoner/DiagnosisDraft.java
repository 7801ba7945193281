package io.noetl.insights.reasoner;

import io.noetl.insights.diagnosis.EvidenceItem;
import io.noetl.insights.diagnosis.Finding;
import io.noetl.insights.diagnosis.FingerprintView;
import io.noetl.insights.execution.ExecutionView;
import io.noetl.insights.recommend.Recommendation;
import io.noetl.insights.recommend.StepHistory;
import io.noetl.insights.similar.SimilarFailure;
import java.util.List;

/**
 * Everything a reasoner may use to word a diagnosis; it may cite only the ids of {@code evidence}.
 *
 * @param execution       the execution and its events
 * @param finding         what the rules found
 * @param confidence      how strongly the evidence decides the class (0..1)
 * @param fingerprint     the failure's fingerprint, or null
 * @param similar         similar past failures
 * @param history         the failing step's history
 * @param evidence        the evidence list
 * @param recommendations what to change
 */
public record DiagnosisDraft(ExecutionView execution, Finding finding, double confidence,
        FingerprintView fingerprint, List<SimilarFailure> similar, StepHistory history, List<EvidenceItem> evidence,
        List<Recommendation> recommendations) {
}
