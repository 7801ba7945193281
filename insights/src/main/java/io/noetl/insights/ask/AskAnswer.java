package io.noetl.insights.ask;

import io.noetl.insights.diagnosis.EvidenceItem;
import java.util.List;

/**
 * The answer to a question ({@code POST /api/ask}).
 *
 * @param answer    the answer, in sentences
 * @param citations the evidence it rests on; every id is one of {@code evidence}
 * @param reasoner  who wrote it: {@code extractive}, or the LLM's name (with a fallback note)
 * @param evidence  everything the reasoner was given
 * @param missing   stores that could not be read (the answer is then built from what was available)
 */
public record AskAnswer(String answer, List<Citation> citations, String reasoner, List<EvidenceItem> evidence,
        List<String> missing) {

    public AskAnswer {
        citations = List.copyOf(citations);
        evidence = List.copyOf(evidence);
        missing = List.copyOf(missing);
    }
}
