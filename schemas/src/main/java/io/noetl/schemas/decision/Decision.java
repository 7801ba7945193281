package io.noetl.schemas.decision;

/**
 * A human decision on a waiting step: the body of {@code POST /api/executions/{id}/decisions}
 * (schema: {@code schemas/decision.schema.json}).
 *
 * @param step      the waiting step
 * @param action    approve, reject or override
 * @param reasoning free text, may be null
 * @param decidedBy who decided, may be null
 */
public record Decision(String step, String action, String reasoning, String decidedBy) {

    public static final java.util.Set<String> ACTIONS = java.util.Set.of("approve", "reject", "override");
}
