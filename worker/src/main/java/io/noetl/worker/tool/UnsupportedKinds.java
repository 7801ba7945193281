package io.noetl.worker.tool;

import java.util.Map;
import java.util.TreeSet;

/**
 * Why a tool kind does not run on this worker: NoETL kinds that need services this product does not run get their
 * reason; anything else is unknown. Either way the failure is not retriable: no retry makes the kind appear.
 */
final class UnsupportedKinds {

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("container", "it runs scripts as Kubernetes Jobs, and this product runs no Kubernetes"),
            Map.entry("script", "it runs scripts as Kubernetes Jobs, and this product runs no Kubernetes"),
            Map.entry("snowflake", "it needs a Snowflake account, and this worker has no Snowflake driver"),
            Map.entry("ducklake", "it needs a DuckLake catalog, which this product does not run"),
            Map.entry("agent", "it runs an LLM agent framework, which this product does not run"),
            Map.entry("mcp", "it calls MCP servers, which this product does not run"),
            Map.entry("gcs", "it needs Google Cloud Storage, which this worker does not reach"),
            Map.entry("artifact", "it needs NoETL's artifact store, which this product does not run"),
            Map.entry("gateway", "it calls NoETL's gateway, which this product does not run"),
            Map.entry("rhai", "it needs the Rhai script engine of NoETL's Rust runtime"),
            Map.entry("secrets", "secrets are resolved through the playbook's keychain, not as a tool here"),
            Map.entry("workbook", "a workbook task is replaced by the task it names when the playbook is registered,"
                    + " so it never reaches a worker; this command comes from a producer that did not"));

    private UnsupportedKinds() {
    }

    /** The failure of a command whose kind has no runner here; {@code available} lists the kinds that do run. */
    static ToolOutcome.Failed failure(String kind, java.util.Set<String> available) {
        String reason = REASONS.getOrDefault(kind, "unknown tool kind (this worker runs "
                + String.join(", ", new TreeSet<>(available)) + ")");
        return ToolOutcome.Failed.fatal("UnsupportedTool", "tool kind '" + kind + "' is not supported here: " + reason);
    }
}
