package io.noetl.insights.reasoner;

import io.noetl.insights.generate.PlaybookValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers through a language model, from the same evidence the extractive reasoner gets. The model's answer is held
 * to the answer contract ({@link AnswerRules}); an answer that breaks it, is not JSON, or does not come within the
 * model's timeout is replaced by the extractive answer, named {@code extractive (llm fallback: <why>)}.
 */
public final class LlmReasoner implements Reasoner {

    private static final Logger LOG = LoggerFactory.getLogger(LlmReasoner.class);

    private final LlmClient llm;
    private final Reasoner fallback;
    private final LlmPlaybookWriter writer;

    /** @param fallback the reasoner whose answer stands in for one the model could not give (extractive) */
    public LlmReasoner(LlmClient llm, Reasoner fallback) {
        this.llm = llm;
        this.fallback = fallback;
        this.writer = new LlmPlaybookWriter(llm);
    }

    /** @return how a fallback answer is named */
    static String fallbackName(String reason) {
        return ExtractiveReasoner.NAME + " (llm fallback: " + reason + ")";
    }

    @Override
    public Answer explain(DiagnosisDraft draft) {
        try {
            String text = llm.complete(Prompts.diagnosis(draft));
            return new Answer(AnswerRules.diagnosis(ModelJson.object(text), draft), llm.name());
        } catch (LlmClient.Failure | AnswerRejected e) {
            LOG.info("diagnosis of {} falls back to the extractive answer: {}", draft.execution().executionId(),
                    e.getMessage());
            return new Answer(fallback.explain(draft).rootCause(), fallbackName(e.getMessage()));
        }
    }

    @Override
    public Reply answer(QuestionDraft draft) {
        if (draft.evidence().isEmpty()) {
            Reply extractive = fallback.answer(draft);
            return new Reply(extractive.answer(), extractive.citations(), fallbackName("no evidence to reason over"));
        }
        try {
            String text = llm.complete(Prompts.question(draft));
            return AnswerRules.question(ModelJson.object(text), draft, llm.name());
        } catch (LlmClient.Failure | AnswerRejected e) {
            LOG.info("question falls back to the extractive answer: {}", e.getMessage());
            Reply extractive = fallback.answer(draft);
            return new Reply(extractive.answer(), extractive.citations(), fallbackName(e.getMessage()));
        }
    }

    @Override
    public Written write(PlaybookDraft draft, PlaybookValidator validator) {
        try {
            return writer.write(draft, validator);
        } catch (LlmClient.Failure | AnswerRejected e) {
            LOG.info("playbook generation falls back to the composed playbook: {}", e.getMessage());
            return new Written(fallback.write(draft, validator).yaml(), fallbackName(e.getMessage()));
        }
    }
}
