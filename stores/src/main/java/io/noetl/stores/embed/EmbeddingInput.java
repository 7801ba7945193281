package io.noetl.stores.embed;

import java.util.StringJoiner;

/**
 * What to embed: redacted text and, for an error, the id of its template (part of the cache key).
 *
 * @param templateId id of the error template, or null when the text has none
 * @param text       redacted text, not yet normalized; never null (may be empty)
 */
public record EmbeddingInput(String templateId, String text) {

    public EmbeddingInput {
        if (text == null) {
            throw new IllegalArgumentException("embedding input text must not be null (use \"\" for none)");
        }
    }

    /** Plain text without a template. */
    public static EmbeddingInput of(String text) {
        return new EmbeddingInput(null, text);
    }

    /**
     * The text of one failure: its error template, message, step, tool and error class, in that order (any may be
     * null and is then left out).
     */
    public static EmbeddingInput failure(String templateId, String template, String message, String step,
            String tool, String errorClass) {
        StringJoiner joiner = new StringJoiner(" | ");
        for (String part : new String[] {template, message, step, tool, errorClass}) {
            if (part != null && !part.isBlank()) {
                joiner.add(part);
            }
        }
        return new EmbeddingInput(templateId, joiner.toString());
    }
}
