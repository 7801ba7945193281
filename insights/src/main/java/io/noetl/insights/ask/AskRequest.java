package io.noetl.insights.ask;

/**
 * A question about executions.
 *
 * @param question    the question, in words
 * @param executionId the execution it is about, or null
 * @param playbook    the playbook it is about (answers are then limited to it), or null
 */
public record AskRequest(String question, String executionId, String playbook) {

    /** Longest question, in UTF-8 bytes. */
    public static final int MAX_QUESTION_BYTES = 4096;

    public AskRequest {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("question must not be empty");
        }
        executionId = executionId == null || executionId.isBlank() ? null : executionId.strip();
        playbook = playbook == null || playbook.isBlank() ? null : playbook.strip();
    }
}
