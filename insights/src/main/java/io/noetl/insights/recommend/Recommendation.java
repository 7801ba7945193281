package io.noetl.insights.recommend;

/**
 * What to change.
 *
 * @param action one imperative sentence
 * @param why    the evidence behind it
 * @param patch  a YAML fragment of the step that applies it (to merge into the playbook), or null
 */
public record Recommendation(String action, String why, String patch) {
}
