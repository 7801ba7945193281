package io.noetl.insights.reasoner;

/**
 * A model's answer broke the answer contract (not JSON, a class outside the taxonomy, a citation outside the
 * evidence, ...). The message is a short reason, shown in the fallback note; the answer's own text is not part of it.
 */
final class AnswerRejected extends RuntimeException {

    AnswerRejected(String reason) {
        super(reason);
    }
}
