package io.noetl.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.noetl.schemas.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a JSON request body and collects every problem with it before answering 400. */
final class RequestBodies {

    private final JsonNode root;
    private final List<Map<String, String>> problems = new ArrayList<>();

    private RequestBodies(JsonNode root) {
        this.root = root;
    }

    static RequestBodies of(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.badRequest("invalid_request", "request body is empty; a JSON object is required",
                    List.of(Map.of("path", "$", "message", "empty body")));
        }
        JsonNode root;
        try {
            root = Json.tree(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_json", "request body is not valid JSON",
                    List.of(Map.of("path", "$", "message", String.valueOf(e.getMessage()))));
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("invalid_request", "request body must be a JSON object",
                    List.of(Map.of("path", "$", "message", "expected an object")));
        }
        return new RequestBodies(root);
    }

    String requiredText(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            problem(field, "is required");
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problem(field, "must be a non-empty string");
            return null;
        }
        return node.asText();
    }

    String optionalText(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problem(field, "must be a string");
            return null;
        }
        return node.asText();
    }

    Integer optionalPositiveInt(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
            problem(field, "must be a positive integer");
            return null;
        }
        return node.asInt();
    }

    Map<String, Object> optionalObject(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            problem(field, "must be an object");
            return Map.of();
        }
        return Json.plainMap(node);
    }

    void problem(String field, String message) {
        problems.add(Map.of("path", field, "message", field + " " + message));
    }

    /** Throws 400 with every problem collected so far. */
    void validate() {
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid_request", "request body has " + problems.size() + " problem(s)", problems);
        }
    }
}
