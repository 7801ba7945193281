package io.noetl.schemas.playbook;

import java.util.Map;

/**
 * A step's tool: its kind and the rest of its fields as written (templates unrendered).
 *
 * @param kind   the tool kind
 * @param config every field of the {@code tool:} mapping except {@code kind}
 */
public record Tool(ToolKind kind, Map<String, Object> config) {
}
