package io.noetl.insights.reasoner;

import io.noetl.insights.ask.ExtractiveAnswers;
import io.noetl.insights.diagnosis.RootCauseView;
import io.noetl.insights.generate.PlaybookComposer;
import io.noetl.insights.generate.PlaybookValidator;
import java.util.List;

/**
 * Words answers from their evidence: a diagnosis, an answer to a question, a playbook from a description. The class
 * must be one of the taxonomy's and every id cited must be in the evidence; a reasoner that cannot keep to that
 * answers with the extractive reasoner's words and says so in its name. Questions and playbooks are answered
 * extractively unless a reasoner does better.
 */
public interface Reasoner {

    /**
     * An answer.
     *
     * @param rootCause the root cause as worded
     * @param reasoner  who wrote it ({@code extractive}, an LLM's name, or a fallback note)
     */
    record Answer(RootCauseView rootCause, String reasoner) {
    }

    /**
     * An answer to a question.
     *
     * @param answer    the answer, in sentences
     * @param citations the ids of the evidence it rests on, each an id of the question's evidence
     * @param reasoner  who wrote it ({@code extractive}, an LLM's name, or a fallback note)
     */
    record Reply(String answer, List<String> citations, String reasoner) {
        public Reply {
            citations = List.copyOf(citations);
        }
    }

    /**
     * A playbook written from a description.
     *
     * @param yaml     the playbook
     * @param reasoner who wrote it ({@code extractive}, an LLM's name, or a fallback note)
     */
    record Written(String yaml, String reasoner) {
    }

    Answer explain(DiagnosisDraft draft);

    /** Answers a question from its evidence only. */
    default Reply answer(QuestionDraft draft) {
        return ExtractiveAnswers.answer(draft);
    }

    /**
     * Writes a playbook for a description.
     *
     * @param validator the server's own validation of a playbook (what registering it would check)
     */
    default Written write(PlaybookDraft draft, PlaybookValidator validator) {
        return new Written(PlaybookComposer.compose(draft), ExtractiveReasoner.NAME);
    }
}
