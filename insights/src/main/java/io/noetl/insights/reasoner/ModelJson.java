package io.noetl.insights.reasoner;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reading a model's answer: one JSON object, and the fields every answer shares. */
final class ModelJson {

    private ModelJson() {
    }

    /**
     * @return the JSON object the model answered (a single surrounding Markdown code fence is tolerated)
     * @throws AnswerRejected when it is not a JSON object
     */
    static JsonNode object(String text) {
        String t = text.strip();
        if (t.startsWith("```")) {
            int firstLine = t.indexOf('\n');
            int close = t.lastIndexOf("```");
            if (firstLine > 0 && close > firstLine) {
                t = t.substring(firstLine + 1, close).strip();
            }
        }
        JsonNode node;
        try {
            node = Json.tree(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new AnswerRejected("answer is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new AnswerRejected("answer is not a JSON object");
        }
        return node;
    }

    /** @return a required non-blank string field */
    static String text(JsonNode answer, String field) {
        JsonNode n = answer.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new AnswerRejected("no " + field + " in the answer");
        }
        return n.asText().strip();
    }

    /**
     * @param evidenceIds the ids the answer may cite
     * @param required    whether at least one citation is needed
     * @return the cited ids, in order, without repeats
     */
    static List<String> citations(JsonNode answer, Set<String> evidenceIds, boolean required) {
        JsonNode n = answer.get("citations");
        if (n == null || n.isNull()) {
            n = Json.mapper().createArrayNode();
        }
        if (!n.isArray()) {
            throw new AnswerRejected("citations is not a list of ids");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode id : n) {
            if (!id.isTextual() || !evidenceIds.contains(id.asText())) {
                throw new AnswerRejected("cited an id outside the evidence");
            }
            out.add(id.asText());
        }
        if (required && out.isEmpty()) {
            throw new AnswerRejected("cited no evidence");
        }
        return List.copyOf(out);
    }
}
