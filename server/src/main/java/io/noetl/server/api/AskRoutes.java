package io.noetl.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.noetl.insights.Insights;
import io.noetl.insights.UnknownExecutionException;
import io.noetl.insights.ask.AskRequest;
import io.noetl.insights.generate.PlaybookValidator;
import java.nio.charset.StandardCharsets;

/**
 * Questions and playbook generation: {@code POST /api/ask} (any question about executions, answered from evidence
 * with citations) and {@code POST /api/playbooks/generate} (a playbook for a description, validated as
 * {@code POST /api/playbooks} would, registered by nobody). {@code generate} is a POST of its own: the catalog's
 * {@code /api/playbooks/<path>} is GET only, so a playbook may still be called {@code generate}.
 */
final class AskRoutes {

    /** Longest question or description, in UTF-8 bytes. */
    static final int MAX_TEXT_BYTES = AskRequest.MAX_QUESTION_BYTES;
    private static final int MAX_ID = 100;
    private static final int MAX_PATH = 500;

    private final Insights insights;
    private final PlaybookValidator validator;

    /** @param validator the catalog's check of a playbook, without registering it */
    AskRoutes(Insights insights, PlaybookValidator validator) {
        this.insights = insights;
        this.validator = validator;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/ask", this::ask);
        routes.post("/api/playbooks/generate", this::generate);
    }

    private void ask(Context ctx) {
        RequestBodies body = RequestBodies.of(ctx);
        String question = bounded(body, "question");
        String executionId = body.optionalText("execution_id");
        String playbook = body.optionalText("playbook");
        if (executionId != null && executionId.length() > MAX_ID) {
            body.problem("execution_id", "must be at most " + MAX_ID + " characters");
        }
        if (playbook != null && playbook.length() > MAX_PATH) {
            body.problem("playbook", "must be at most " + MAX_PATH + " characters");
        }
        body.validate();
        try {
            Responses.json(ctx, 200, insights.ask(new AskRequest(question.strip(), executionId, playbook)));
        } catch (UnknownExecutionException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    private void generate(Context ctx) {
        RequestBodies body = RequestBodies.of(ctx);
        String description = bounded(body, "description");
        body.validate();
        Responses.json(ctx, 200, insights.generate(description.strip(), validator));
    }

    /** A required text of at most {@link #MAX_TEXT_BYTES} bytes; a problem is recorded otherwise. */
    private static String bounded(RequestBodies body, String field) {
        String text = body.requiredText(field);
        if (text != null && text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            body.problem(field, "must be at most " + MAX_TEXT_BYTES + " bytes (got "
                    + text.getBytes(StandardCharsets.UTF_8).length + ")");
        }
        return text;
    }
}
